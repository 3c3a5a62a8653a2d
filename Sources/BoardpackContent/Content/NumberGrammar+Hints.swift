import BoardpackSupport

extension NumberGrammar {
    /// The diagnostic message for a cell outside the grammar, naming its text.
    static func message(for text: String, decimalComma: Bool) -> String {
        let separator = decimalComma ? "comma" : "point"
        return "`\(text)` is not a number (use digits with an optional decimal \(separator) and exponent)"
    }

    /// A suggestion for the commonest ways a spreadsheet export breaks the grammar, or nil.
    static func hint(for s: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> String? {
        let text = String(decoding: s, as: UTF8.self)
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return "leave the cell empty when the value is not reported" }
        if trimmed != text {
            return "remove the spaces around the number"
        }
        let lower = text.lowercased()
        if ["nan", "-nan", "n/a", "na", "null", "-"].contains(lower) {
            return "leave the cell empty when the value is not reported"
        }
        if lower.hasPrefix("(") && lower.hasSuffix(")") { return "write a negative number with a leading `-`" }
        if lower.hasPrefix("+") { return "drop the leading `+`" }
        if lower.contains("%") { return "write a percentage as a fraction (12% is 0.12)" }
        if text.unicodeScalars.contains(where: { "€$£¥".unicodeScalars.contains($0) }) || lower.hasSuffix("eur")
            || lower.hasPrefix("eur")
        {
            return "remove the currency symbol"
        }
        let point = decimalComma ? "," : "."
        let other = decimalComma ? "." : ","
        if text.hasPrefix(point) || text.hasPrefix("-" + point) {
            return "write a digit before the decimal separator (0\(point)5, not \(point)5)"
        }
        if text.hasSuffix(point) { return "write digits after the decimal separator, or drop it" }
        if text.contains(other) {
            let groups = text.split(separator: Character(other), omittingEmptySubsequences: false)
            let looksGrouped = groups.count > 1 && groups.dropFirst().allSatisfy { $0.prefix(3).count == 3 }
            if looksGrouped { return "remove the thousands separators" }
            if !decimalComma {
                return "the decimal separator is `.`; set `csv_decimal: comma` in unit.yml for comma decimals"
            }
            return "the decimal separator is `,` (`csv_decimal: comma` in unit.yml)"
        }
        if text.contains(" ") || text.contains("'") { return "remove the thousands separators" }
        return nil
    }
}
