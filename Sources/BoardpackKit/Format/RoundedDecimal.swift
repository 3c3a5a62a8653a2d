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
        var integer = mantissa[..<point].drop(while: { $0 == 0 }).map { Character(String($0)) }
        if integer.isEmpty { integer = ["0"] }
        self.integerDigits = String(integer)
        self.fractionDigits = String(mantissa[point...].map { Character(String($0)) })
        self.isNegative = false
        self.isNegative = negative && !isZero
    }

    /// Splits a finite double's shortest text into sign, digits and decimal-point position:
    /// `"1.25e+3"` → (false, [1, 2, 5], 4), meaning 0.125 × 10^4.
    private static func decompose(_ value: Double) -> (Bool, [UInt8], Int) {
        var text = Substring(value.description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var point: Int?
        for ch in text {
            if ch == "." {
                point = digits.count
            } else if let d = ch.wholeNumberValue {
                digits.append(UInt8(d))
            }
        }
        return (negative, digits, (point ?? digits.count) + exponent)
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
