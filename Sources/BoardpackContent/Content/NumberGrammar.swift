/// The strict number grammar of KPI data files (SPEC §2.3), read straight from bytes.
///
/// `-? digits ( sep digits )? ( (e|E) (+|-)? digits )?`, where `sep` is `.` or, with a
/// decimal comma, `,`; the value must be finite. Everything else is refused — thousands
/// separators, currency symbols, `%`, parentheses, a `+` sign, `NaN`, `inf`, hex, `.5`, `5.`,
/// and surrounding spaces (a space usually means a pasted or hand-edited cell, and silently
/// trimming it would hide the edit).
///
/// Conversion is exact: up to 19 significant digits and a power of ten within ±22 are
/// computed with one correctly rounded IEEE operation (Clinger's fast path); anything else
/// goes through `Double(String)` on the validated text.
package enum NumberGrammar {
    /// The outcome of reading one cell.
    package enum Outcome: Sendable, Equatable {
        /// A finite number.
        case number(Double)
        /// Text outside the grammar, with an optional suggestion for the user.
        case invalid(hint: String?)
        /// Valid syntax, but too large to be a finite `Double`.
        case outOfRange
    }

    /// Reads `text` under the grammar.
    package static func parse(_ text: String, decimalComma: Bool = false) -> Outcome {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0), decimalComma: decimalComma) }
    }

    /// Reads a cell's bytes under the grammar, allocating nothing on the fast path.
    static func parse(_ s: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Outcome {
        let n = s.count
        let separator = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var i = 0
        let negative = n > 0 && s[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var exact = true
        var scale = 0
        let integerStart = i
        while i < n, let d = digit(s[i]) {
            accumulate(d, into: &mantissa, exact: &exact)
            i += 1
        }
        guard i > integerStart else { return .invalid(hint: hint(for: s, decimalComma: decimalComma)) }
        if i < n && s[i] == separator {
            i += 1
            let fractionStart = i
            while i < n, let d = digit(s[i]) {
                accumulate(d, into: &mantissa, exact: &exact)
                scale -= 1
                i += 1
            }
            guard i > fractionStart else { return .invalid(hint: hint(for: s, decimalComma: decimalComma)) }
        }
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) {
                exponentNegative = s[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            var exponent = 0
            while i < n, let d = digit(s[i]) {
                exponent = min(exponent * 10 + Int(d), 100_000)
                i += 1
            }
            guard i > exponentStart else { return .invalid(hint: hint(for: s, decimalComma: decimalComma)) }
            scale += exponentNegative ? -exponent : exponent
        }
        guard i == n else { return .invalid(hint: hint(for: s, decimalComma: decimalComma)) }

        var value: Double
        if exact && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
            value = Double(mantissa)
            if scale > 0 { value *= powerOfTen(scale) } else if scale < 0 { value /= powerOfTen(-scale) }
            if negative { value = -value }
        } else {
            let text = String(unsafeUninitializedCapacity: n) { buffer in
                for k in 0..<n { buffer[k] = s[k] == separator ? UInt8(ascii: ".") : s[k] }
                return n
            }
            guard let slow = Double(text) else { return .invalid(hint: nil) }
            value = slow
        }
        return value.isFinite ? .number(value) : .outOfRange
    }

    @inline(__always)
    private static func digit(_ b: UInt8) -> UInt64? {
        b &- UInt8(ascii: "0") < 10 ? UInt64(b &- UInt8(ascii: "0")) : nil
    }

    @inline(__always)
    private static func accumulate(_ d: UInt64, into mantissa: inout UInt64, exact: inout Bool) {
        if mantissa > (UInt64.max - 9) / 10 {
            exact = false  // more than 19 significant digits: leave it to the slow path
        } else {
            mantissa = mantissa * 10 + d
        }
    }

    /// 10^k for 0 ≤ k ≤ 22, all exactly representable (5^22 < 2^53), as literals: a table
    /// lookup instead of a loop per number.
    @inline(__always)
    static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}
