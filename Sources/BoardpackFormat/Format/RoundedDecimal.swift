import BoardpackContent

/// A finite `Double` rounded to a fixed number of fraction digits, as decimal digits.
///
/// Rounding works on the shortest decimal text that round-trips the value (Swift's own
/// `description`, implemented in the standard library, not ICU), rounding half away from
/// zero on those digits. So `2.675` becomes `2.68` and `1.005` becomes `1.01`, although the
/// nearest doubles lie a hair below the halfway point, and `0.1 + 0.2` (`0.30000000000000004`)
/// prints as `0.30`. Scaling by a power of ten (percent, thousands) moves the decimal point in
/// the text instead of multiplying, so no binary artefacts creep in there either.
///
/// Most values take an arithmetic shortcut (`scaledUnits`) that provably yields the same
/// digits without producing the text; the text decides whenever the shortcut cannot be sure.
package struct RoundedDecimal: Sendable, Equatable {
    /// True when the rounded value is below zero (never for a value that rounds to zero).
    package var isNegative: Bool
    /// The digits of the magnitude.
    private var digits: Digits

    /// How the digits are held.
    private enum Digits: Sendable {
        /// The magnitude in units of 10^-places, from the arithmetic shortcut (most values):
        /// written out only when text is asked for.
        case units(UInt64, places: Int)
        /// The integer digits (at least `"0"`) and the fraction digits, from the general path.
        case text(integer: String, fraction: String)
    }

    /// The integer digits without grouping, at least `"0"`.
    package var integerDigits: String {
        switch digits {
        case let .units(units, places):
            let integer = RoundedDecimal.split(units, places: places).integer
            return RoundedDecimal.digitString(integer, count: RoundedDecimal.digitCount(integer))
        case let .text(integer, _): return integer
        }
    }

    /// Exactly the requested number of fraction digits.
    package var fractionDigits: String {
        switch digits {
        case let .units(units, places):
            return RoundedDecimal.digitString(RoundedDecimal.split(units, places: places).fraction, count: places)
        case let .text(_, fraction): return fraction
        }
    }

    /// The number of integer digits, at least 1.
    var integerDigitCount: Int {
        switch digits {
        case let .units(units, places): RoundedDecimal.digitCount(RoundedDecimal.split(units, places: places).integer)
        case let .text(integer, _): integer.utf8.count
        }
    }

    /// True when every digit is zero.
    package var isZero: Bool {
        switch digits {
        case let .units(units, _): units == 0
        case let .text(integer, fraction):
            integer == "0" && fraction.utf8.allSatisfy { $0 == UInt8(ascii: "0") }
        }
    }

    /// True when the text is exactly `1`: a positive one without fraction digits (the singular
    /// of a unit word).
    var isPlainOne: Bool {
        switch digits {
        case let .units(units, places): units == 1 && places == 0 && !isNegative
        case let .text(integer, fraction): integer == "1" && fraction.isEmpty && !isNegative
        }
    }

    /// Equal when the sign and the digits are, however they are held.
    package static func == (a: RoundedDecimal, b: RoundedDecimal) -> Bool {
        a.isNegative == b.isNegative && a.integerDigits == b.integerDigits && a.fractionDigits == b.fractionDigits
    }

    /// Rounds `value × 10^shift` to `digits` fraction digits; nil for NaN and infinities.
    package init?(_ value: Double, fractionDigits digits: Int, shift: Int = 0) {
        guard value.isFinite else { return nil }
        let places = max(0, digits)
        if let units = RoundedDecimal.scaledUnits(value, places: places, shift: shift) {
            self.init(negative: value.sign == .minus, units: units, places: places)
        } else {
            self.init(shortestTextOf: value, places: places, shift: shift)
        }
    }

    // MARK: - Arithmetic shortcut

    /// `|value| × 10^(shift + places)` rounded half away from zero to a whole number, computed
    /// in binary floating point when that provably gives the same whole number as rounding the
    /// shortest decimal text; nil when it cannot be sure (near a halfway point, too large, or a
    /// scale beyond 10^±22), and the text must decide.
    ///
    /// Why it is safe: the shortest text D parses back to `value`, so it lies within half a
    /// unit in the last place of it, at most 2^-53 × |value| away. Scaling by 10^k (exact as a
    /// double up to 10^22) rounds once more, by at most 2^-53 × the result. So `scaled` is
    /// within 2^-52 × `scaled` (plus a subnormal's absolute half-ulp) of D × 10^k, and when it
    /// is four times that far from the nearest halfway point both round to the same integer.
    /// Below 2^47 that margin stays under 1/8, so the fraction test itself is exact.
    static func scaledUnits(_ value: Double, places: Int, shift: Int) -> UInt64? {
        let scale = places + shift
        guard scale >= -22 && scale <= 22 else { return nil }
        let magnitude = value.magnitude
        let scaled = scale >= 0 ? magnitude * exactPowerOfTen(scale) : magnitude / exactPowerOfTen(-scale)
        guard scaled < 0x1p47 else { return nil }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole  // exact: the bits of `scaled` below the units
        let margin = scaled * 0x1p-50 + 0x1p-900
        guard (fraction - 0.5).magnitude > margin else { return nil }
        return UInt64(whole) + (fraction > 0.5 ? 1 : 0)
    }

    /// 10^exponent for 0...22, all exactly representable as doubles.
    private static func exactPowerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        var remaining = exponent
        // Squaring would round above 10^22; repeated multiplication by 10 stays exact there.
        while remaining > 0 {
            result *= 10
            remaining -= 1
        }
        return result
    }

    /// The rounded value `units × 10^-places`.
    init(negative: Bool, units: UInt64, places: Int) {
        self.isNegative = negative && units != 0
        self.digits = .units(units, places: places)
    }

    /// The integer and fraction parts of `units × 10^-places`.
    private static func split(_ units: UInt64, places: Int) -> (integer: UInt64, fraction: UInt64) {
        // 10^19 is the largest power of ten in a UInt64; more places leave no integer part.
        guard places <= 19 else { return (0, units) }
        var divisor: UInt64 = 1
        for _ in 0..<places { divisor *= 10 }
        return (units / divisor, units % divisor)
    }

    /// The number of decimal digits of `number`, at least 1.
    private static func digitCount(_ number: UInt64) -> Int {
        var count = 1
        var rest = number / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// The last `count` decimal digits of `number`, padded with leading zeros.
    private static func digitString(_ number: UInt64, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            writeDigits(number, into: buffer)
            return count
        }
    }

    /// Fills `buffer` with the last `buffer.count` decimal digits of `number`, zero-padded.
    private static func writeDigits(_ number: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        var rest = number
        for offset in stride(from: buffer.count - 1, through: 0, by: -1) {
            buffer[offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    // MARK: - General path: the shortest decimal text

    /// Rounds the digits of the shortest text of `value`, moved `shift` places, to `places`
    /// fraction digits. This defines the semantics; `scaledUnits` only takes a shortcut to it.
    init(shortestTextOf value: Double, places: Int, shift: Int) {
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
        self.digits = .text(
            integer: first == point ? "0" : RoundedDecimal.text(mantissa[first..<point]),
            fraction: RoundedDecimal.text(mantissa[point...]))
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
    /// `"1.25e+3"` → (false, [1, 2, 5], 4), meaning 0.125 × 10^4.
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

    // MARK: - Text

    /// The magnitude as locale text (no sign), e.g. `1.234,56`.
    package func magnitude(locale: PackLocale, grouping: Bool = true) -> String {
        text(locale: locale, grouping: grouping)
    }

    /// `prefix`, the magnitude as locale text, then `suffix`: `−€` + `1,234.56`, `12.3` + `%`.
    func text(locale: PackLocale, grouping: Bool = true, prefix: String = "", suffix: String = "") -> String {
        let style = TextStyle(
            groupSeparator: grouping ? UInt8(ascii: locale.isItalian ? "." : ",") : nil,
            decimalSeparator: UInt8(ascii: locale.isItalian ? "," : "."), prefix: prefix, suffix: suffix)
        switch digits {
        case let .units(units, places):
            // All digits at once: at least one before the point, so small values read `0.05`.
            let count = Swift.max(RoundedDecimal.digitCount(units), places + 1)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                RoundedDecimal.writeDigits(units, into: buffer)
                let all = UnsafeBufferPointer(buffer)
                return style.text(
                    integer: UnsafeBufferPointer(rebasing: all[..<(count - places)]),
                    fraction: UnsafeBufferPointer(rebasing: all[(count - places)...]))
            }
        case let .text(integer, fraction):
            var integer = integer
            var fraction = fraction
            return integer.withUTF8 { integer in fraction.withUTF8 { style.text(integer: integer, fraction: $0) } }
        }
    }

    /// How `text` lays out the digits.
    private struct TextStyle {
        /// The byte between groups of three integer digits; nil for no grouping.
        var groupSeparator: UInt8?
        /// The byte before the fraction digits.
        var decimalSeparator: UInt8
        var prefix: String
        var suffix: String

        /// The text for these ASCII digits, written into one string of the exact size: this
        /// runs for every number in every table.
        func text(integer: UnsafeBufferPointer<UInt8>, fraction: UnsafeBufferPointer<UInt8>) -> String {
            let separators = groupSeparator == nil ? 0 : (integer.count - 1) / 3
            let fractionCount = fraction.isEmpty ? 0 : 1 + fraction.count
            let count = prefix.utf8.count + integer.count + separators + fractionCount + suffix.utf8.count
            return String(unsafeUninitializedCapacity: count) { out in
                var at = 0
                func put(_ byte: UInt8) {
                    out[at] = byte
                    at += 1
                }
                for byte in prefix.utf8 { put(byte) }
                // Digits left before the next separator; never reaches 0 again without grouping.
                var untilSeparator = separators > 0 ? (integer.count - 1) % 3 + 1 : -1
                for digit in integer {
                    if untilSeparator == 0, let groupSeparator {
                        put(groupSeparator)
                        untilSeparator = 3
                    }
                    put(digit)
                    untilSeparator -= 1
                }
                if !fraction.isEmpty {
                    put(decimalSeparator)
                    for digit in fraction { put(digit) }
                }
                for byte in suffix.utf8 { put(byte) }
                return at
            }
        }
    }

    /// Drops trailing zero fraction digits (`48.50` → `48.5`, `3.00` → `3`).
    package func trimmingZeros() -> RoundedDecimal {
        var copy = self
        switch digits {
        case .units(var units, var places):
            while places > 0 && units % 10 == 0 {
                units /= 10
                places -= 1
            }
            copy.digits = .units(units, places: places)
        case let .text(integer, fraction):
            let bytes = fraction.utf8
            var kept = bytes.count
            for digit in bytes.reversed() {
                guard digit == UInt8(ascii: "0") else { break }
                kept -= 1
            }
            copy.digits = .text(integer: integer, fraction: String(decoding: bytes.prefix(kept), as: UTF8.self))
        }
        return copy
    }
}
