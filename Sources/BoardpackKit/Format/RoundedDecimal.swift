/// A finite `Double` rounded to a fixed number of fraction digits, as decimal digit strings.
///
/// Rounding works on the shortest decimal text that round-trips the value (Swift's own
/// `description`, implemented in the standard library, not ICU), rounding half away from
/// zero on those digits. So `2.675` becomes `2.68` and `1.005` becomes `1.01`, although the
/// nearest doubles lie a hair below the halfway point, and `0.1 + 0.2` (`0.30000000000000004`)
/// prints as `0.30`. Scaling by a power of ten (percent, thousands) moves the decimal point in
/// the text instead of multiplying, so no binary artefacts creep in there either.
struct RoundedDecimal: Sendable, Equatable {
    /// True when the rounded value is below zero (never for a value that rounds to zero).
    var isNegative: Bool
    /// The integer digits without grouping, at least `"0"`.
    var integerDigits: String
    /// Exactly the requested number of fraction digits.
    var fractionDigits: String

    /// True when every digit is zero.
    var isZero: Bool { integerDigits == "0" && fractionDigits.allSatisfy { $0 == "0" } }

    /// Rounds `value × 10^shift` to `digits` fraction digits; nil for NaN and infinities.
    init?(_ value: Double, fractionDigits digits: Int, shift: Int = 0) {
        guard value.isFinite else { return nil }
        let places = max(0, digits)
        let parts = RoundedDecimal.decompose(value)
        let negative = parts.0
        var mantissa = parts.1
        var point = parts.2
        point += shift
        // Make the point fall inside or at the edges of the digit list.
        if point < 0 {
            mantissa.insert(contentsOf: [UInt8](repeating: 0, count: -point), at: 0)
            point = 0
        }
        if mantissa.count < point + places {
            mantissa.append(contentsOf: [UInt8](repeating: 0, count: point + places - mantissa.count))
        }
        let keep = point + places
        let roundUp = keep < mantissa.count && mantissa[keep] >= 5
        mantissa.removeSubrange(keep...)
        if roundUp {
            var index = keep - 1
            while index >= 0 && mantissa[index] == 9 {
                mantissa[index] = 0
                index -= 1
            }
            if index >= 0 {
                mantissa[index] += 1
            } else {
                mantissa.insert(1, at: 0)
                point += 1
            }
        }
        var first = 0
        while first < point && mantissa[first] == 0 { first += 1 }
        self.integerDigits = first == point ? "0" : RoundedDecimal.text(mantissa[first..<point])
        self.fractionDigits = RoundedDecimal.text(mantissa[point...])
        self.isNegative = negative && mantissa.contains { $0 != 0 }
    }

    /// Digit values 0–9 as ASCII text.
    private static func text(_ digits: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: digits.count) { buffer in
            for (offset, digit) in digits.enumerated() { buffer[offset] = digit + UInt8(ascii: "0") }
            return digits.count
        }
    }

    /// Splits a finite double's shortest text into sign, digits and decimal-point position:
    /// `"1.25e+3"` → (false, [1, 2, 5], 4), meaning 0.125 × 10^4. Reads the UTF-8 bytes
    /// directly: this runs for every number on every chart.
    private static func decompose(_ value: Double) -> (Bool, [UInt8], Int) {
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var point: Int?
        var inExponent = false
        var exponentSign = 1
        var exponent = 0
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                if inExponent { exponentSign = -1 } else { negative = true }
            case UInt8(ascii: "."):
                point = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if inExponent { exponent = exponent * 10 + Int(digit) } else { digits.append(digit) }
            default:
                break
            }
        }
        return (negative, digits, (point ?? digits.count) + exponentSign * exponent)
    }

    /// The integer digits with `separator` between groups of three.
    func groupedInteger(separator: String) -> String {
        let chars = Array(integerDigits)
        var out = ""
        for (index, ch) in chars.enumerated() {
            if index > 0 && (chars.count - index) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// The magnitude as locale text (no sign), e.g. `1.234,56`.
    func magnitude(locale: PackLocale, grouping: Bool = true) -> String {
        let integer = grouping ? groupedInteger(separator: locale.groupingSeparator) : integerDigits
        return fractionDigits.isEmpty ? integer : integer + locale.decimalSeparator + fractionDigits
    }

    /// Drops trailing zero fraction digits (`48.50` → `48.5`, `3.00` → `3`).
    func trimmingZeros() -> RoundedDecimal {
        var copy = self
        while copy.fractionDigits.last == "0" { copy.fractionDigits.removeLast() }
        return copy
    }
}
