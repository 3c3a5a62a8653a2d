import BoardpackContent

/// How a KPI's values read: the unit of §3 of the spec, plus the currency for money.
package enum ValueFormat: Sendable, Hashable {
    /// Money in an ISO 4217 currency: `€41.18`, and `€48,200` from a thousand up.
    case currency(String)
    /// A ratio shown as a percentage: 0.123 → `12.3%`.
    case ratio
    /// A whole count: `1,462`.
    case count
    /// Days: `34 days`.
    case days
    /// Months: `3.5 months`.
    case months
    /// A multiple: `3.2×`.
    case multiple
    /// A plain number with a fixed number of decimals.
    case number(fractionDigits: Int)

    /// The format for a KPI unit name of the spec (`currency`, `ratio`, `count`, `days`,
    /// `months`, `multiple`); unknown names read as plain numbers with two decimals.
    package init(unit: String, currency: String) {
        switch unit {
        case "currency": self = .currency(currency)
        case "ratio": self = .ratio
        case "count": self = .count
        case "days": self = .days
        case "months": self = .months
        case "multiple": self = .multiple
        default: self = .number(fractionDigits: 2)
        }
    }

    /// A value in full, for labels, descriptions and data tables.
    ///
    /// Money shows cents below a thousand (`€41.18`) and whole units from a thousand up
    /// (`€48,200`), as in the spec's worked example.
    package func format(_ value: Double?, locale: PackLocale) -> String {
        let f = PackFormatter(locale: locale)
        switch self {
        case .currency(let code):
            let digits = (value.map { abs($0) < 1000 } ?? true) ? 2 : 0
            return f.currency(value, code: code, fractionDigits: digits)
        case .ratio: return f.percent(value)
        case .count:
            // Counts of things are whole; a computed count (an index, products per customer)
            // keeps one decimal so 78.7 never reads as 79 against a standard of 80.
            guard let v = value, v.isFinite, v != v.rounded() else { return f.count(value) }
            return f.decimal(v, fractionDigits: 1)
        case .days: return f.days(value, fractionDigits: 1)  // 5.2 vs a target of 5: whole days would hide the miss
        case .months: return f.months(value)
        case .multiple: return f.multiple(value)
        case .number(let digits): return f.decimal(value, fractionDigits: digits)
        }
    }

    /// Short labels for values shown side by side (bars, cells, funnel stages): when any is
    /// ten thousand or more, all money and counts go compact together, so a chart never mixes
    /// `£48.2k` with `£9,800`.
    package func shortLabels(_ values: [Double?], locale: PackLocale) -> [String] {
        let f = PackFormatter(locale: locale)
        let large = values.contains { ($0.map { abs($0) } ?? 0) >= 10_000 }
        return values.map { value in
            switch self {
            case .currency(let code) where large: return f.compactCurrency(value, code: code)
            case .count where large: return f.compact(value)
            default: return shortLabel(value, locale: locale)
            }
        }
    }

    /// A short label for a chart (value labels at line ends, bars, cells): compact money and
    /// counts from ten thousand up (`€48.2k`), otherwise as `format`; days and months without
    /// the word, which the chart's title carries.
    package func shortLabel(_ value: Double?, locale: PackLocale) -> String {
        let f = PackFormatter(locale: locale)
        let large = value.map { abs($0) >= 10_000 } ?? false
        switch self {
        case .currency(let code) where large: return f.compactCurrency(value, code: code)
        case .count where large: return f.compact(value)
        case .days: return f.decimal(value, fractionDigits: 1)
        case .months: return f.decimal(value, fractionDigits: 1)
        default: return format(value, locale: locale)
        }
    }
}
