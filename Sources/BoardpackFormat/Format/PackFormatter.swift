import BoardpackContent

/// Formats numbers, money and ratios for one pack locale, identically on every machine.
///
/// Conventions (chosen once, used everywhere):
/// - Negative numbers carry a true minus sign, U+2212 (`−€1,234.56`, `−4.1%`), never the
///   ASCII hyphen: it is the width of `+` so signed columns line up, and screen readers say
///   "minus". `PackFormatter.minusSign` is the one place to change it.
/// - A value that rounds to zero has no sign (`0.0%`, never `−0.0%` or `+0.0%`).
/// - Between a number and a word or symbol that follows it (`34 days`, `1.234,56 €`,
///   `2.1 pp`) the space is a no-break space, U+00A0, so a table cell never wraps
///   between the two.
/// - Missing or non-finite values (`nil`, NaN, ±∞) print as `notAvailable`.
package struct PackFormatter: Sendable, Hashable {
    /// The locale whose conventions are used.
    package var locale: PackLocale

    /// Creates a formatter for `locale`.
    package init(locale: PackLocale) { self.locale = locale }

    /// The sign put before negative numbers: U+2212 MINUS SIGN.
    static let minusSign = "\u{2212}"
    /// The space between a number and its unit: U+00A0 NO-BREAK SPACE.
    static let unitSpace = "\u{00A0}"

    /// The text shown for a missing value: `n/a` in English, `n.d.` (non disponibile) in Italian.
    package var notAvailable: String { words.notAvailable }

    /// The words formatting writes beside almost every value, from the label tables, looked up
    /// once per language rather than once per value.
    private struct Words: Sendable {
        var notAvailable, points, dayOne, dayOther, monthOne, monthOther: String

        init(_ locale: PackLocale) {
            notAvailable = locale.label("not_available")
            points = locale.label("percentage_points_unit")
            dayOne = locale.label("unit_day_one")
            dayOther = locale.label("unit_day_other")
            monthOne = locale.label("unit_month_one")
            monthOther = locale.label("unit_month_other")
        }
    }

    private static let english = Words(.enGB), italian = Words(.itIT)
    private var words: Words { locale.isItalian ? Self.italian : Self.english }

    /// A plain number: `1,234.56` (en) or `1.234,56` (it).
    package func decimal(_ value: Double?, fractionDigits: Int = 0, grouping: Bool = true) -> String {
        guard let r = rounded(value, fractionDigits) else { return notAvailable }
        return r.text(locale: locale, grouping: grouping, prefix: sign(r))
    }

    /// A whole count with grouping: `1,462` / `1.462`.
    package func count(_ value: Double?) -> String { decimal(value, fractionDigits: 0) }

    /// Money: `€1,234.56`, `−€1,234.56` (en-GB, en-US); `1.234,56 €`, `−1.234,56 €` (it-IT).
    /// Codes without a symbol of their own print as the code: `CHF 1,234.56`, `1.234,56 CHF`.
    package func currency(_ value: Double?, code: String, fractionDigits: Int = 2) -> String {
        guard let r = rounded(value, fractionDigits) else { return notAvailable }
        return money(r, code: code)
    }

    /// A signed amount of money, a difference: `+€500`, `−€1,200` (en), `+500 €` (it).
    package func signedCurrency(_ value: Double?, code: String, fractionDigits: Int = 0) -> String {
        guard let r = rounded(value, fractionDigits) else { return notAvailable }
        let (prefix, suffix) = moneyAffixes(sign: signed(r), code: code)
        return r.text(locale: locale, prefix: prefix, suffix: suffix)
    }

    /// A ratio as a percentage: 0.1234 → `12.3%` (en) and `12,3%` (it).
    ///
    /// Italian takes no space before `%`: that is CLDR's it-IT pattern (`#,##0%`) and the usage
    /// of the Italian financial press ("in calo del 4,1%"); the Accademia della Crusca's
    /// spaced form is rare in business documents, and unspaced keeps table columns narrow.
    package func percent(_ ratio: Double?, fractionDigits: Int = 1) -> String {
        guard let r = rounded(ratio, fractionDigits, shift: 2) else { return notAvailable }
        return r.text(locale: locale, prefix: sign(r), suffix: "%")
    }

    /// A signed relative change from a ratio: 0.2034 → `+20.3%`, −0.041 → `−4.1%`.
    package func relativeChange(_ ratio: Double?, fractionDigits: Int = 1) -> String {
        guard let r = rounded(ratio, fractionDigits, shift: 2) else { return notAvailable }
        return r.text(locale: locale, prefix: signed(r), suffix: "%")
    }

    /// A signed difference of two ratios in percentage points: 0.021 → `+2.1 pp` / `+2,1 p.p.`.
    package func percentagePoints(_ ratioDelta: Double?, fractionDigits: Int = 1) -> String {
        guard let r = rounded(ratioDelta, fractionDigits, shift: 2) else { return notAvailable }
        // The unit after a no-break space (`unitSpace`).
        return r.text(locale: locale, prefix: signed(r), suffix: words.points)
    }

    /// A multiple such as CLV:CAC: 3.24 → `3.2×` / `3,2×`.
    package func multiple(_ value: Double?, fractionDigits: Int = 1) -> String {
        guard let r = rounded(value, fractionDigits) else { return notAvailable }
        return r.text(locale: locale, prefix: sign(r), suffix: "×")
    }

    /// A number of days: `34 days`, `1 day` / `34 giorni`, `1 giorno`.
    package func days(_ value: Double?, fractionDigits: Int = 0) -> String {
        unit(value, fractionDigits, one: words.dayOne, other: words.dayOther)
    }

    /// A number of months: `3.5 months`, `1.0 months` / `3,5 mesi`; `1 month` / `1 mese`.
    package func months(_ value: Double?, fractionDigits: Int = 1) -> String {
        unit(value, fractionDigits, one: words.monthOne, other: words.monthOther)
    }

    /// The currency symbol for an ISO 4217 code; the code itself when it has no symbol here.
    static func currencySymbol(for code: String) -> String { currencyMark(for: code).text }

    /// The currency symbol for `code`, or the code in capitals; `isCode` when that is longer
    /// than one character and so stands apart from the amount.
    private static func currencyMark(for code: String) -> (text: String, isCode: Bool) {
        // Codes are almost always written in capitals already: look them up before uppercasing.
        if let symbol = symbolOfUppercasedCode(code) { return (symbol, false) }
        let uppercased = code.uppercased()
        if let symbol = symbolOfUppercasedCode(uppercased) { return (symbol, false) }
        return (uppercased, uppercased.count > 1)
    }

    /// The symbol for a code in capitals, nil when it has none here.
    private static func symbolOfUppercasedCode(_ code: String) -> String? {
        switch code {
        case "EUR": "€"
        case "USD": "$"
        case "GBP": "£"
        default: nil
        }
    }

    // MARK: - Shared pieces

    /// Rounds an optional value; nil for missing or non-finite values.
    func rounded(_ value: Double?, _ digits: Int, shift: Int = 0) -> RoundedDecimal? {
        guard let value else { return nil }
        return RoundedDecimal(value, fractionDigits: digits, shift: shift)
    }

    /// The minus sign for a negative rounded value, else nothing.
    package func sign(_ r: RoundedDecimal) -> String { r.isNegative ? Self.minusSign : "" }

    /// `+` or `−` for a non-zero rounded value, nothing for zero.
    func signed(_ r: RoundedDecimal) -> String { r.isNegative ? Self.minusSign : (r.isZero ? "" : "+") }

    /// Places the currency symbol for the locale around an already formatted amount.
    package func money(sign: String, amount: String, code: String) -> String {
        let (prefix, suffix) = moneyAffixes(sign: sign, code: code)
        return prefix + amount + suffix
    }

    /// A rounded amount of money, `scaleSuffix` (`k`, `M`) after its digits, with the currency
    /// symbol placed as `money(sign:amount:code:)` does, written in one piece.
    func money(_ r: RoundedDecimal, code: String, scaleSuffix: String = "") -> String {
        let (prefix, suffix) = moneyAffixes(sign: sign(r), code: code)
        return r.text(locale: locale, prefix: prefix, suffix: scaleSuffix.isEmpty ? suffix : scaleSuffix + suffix)
    }

    /// The text before and after the amount: `−€` and nothing (en), `−` and `\u{A0}€` (it); a code
    /// without a symbol is set off by a no-break space (`CHF\u{A0}1,234.56`).
    private func moneyAffixes(sign: String, code: String) -> (prefix: String, suffix: String) {
        let (symbol, isCode) = Self.currencyMark(for: code)
        if locale.isItalian { return (sign, Self.unitSpace + symbol) }
        let prefix = isCode ? symbol + Self.unitSpace : symbol
        return (sign.isEmpty ? prefix : sign + prefix, "")
    }

    /// A number and its unit word, singular or plural (each with the no-break space before it).
    private func unit(_ value: Double?, _ digits: Int, one: String, other: String) -> String {
        guard let r = rounded(value, digits) else { return notAvailable }
        // CLDR plural rules for en and it: singular only for exactly "1" with no visible decimals.
        return r.text(locale: locale, prefix: sign(r), suffix: r.isPlainOne ? one : other)
    }
}
