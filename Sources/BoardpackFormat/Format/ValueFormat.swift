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
    /// (`€48,200`), as in the spec's worked example. `extraDigits` more fraction digits are
    /// written when a value would otherwise read as its threshold (SPEC §3.4 rule 9).
    package func format(_ value: Double?, locale: PackLocale, extraDigits extra: Int = 0) -> String {
        let f = PackFormatter(locale: locale)
        switch self {
        case .currency(let code):
            let digits = (value.map { abs($0) < 1000 } ?? true) ? 2 : 0
            return f.currency(value, code: code, fractionDigits: digits + extra)
        case .ratio: return f.percent(value, fractionDigits: 1 + extra)
        case .count:
            // Counts of things are whole; a computed count (an index, products per customer)
            // keeps one decimal so 78.7 never reads as 79 against a standard of 80.
            guard let v = value, v.isFinite, v != v.rounded() else { return f.decimal(value, fractionDigits: extra) }
            return f.decimal(v, fractionDigits: 1 + extra)
        case .days: return f.days(value, fractionDigits: 1 + extra)  // 5.2 vs a target of 5: whole days would hide the miss
        case .months: return f.months(value, fractionDigits: 1 + extra)
        case .multiple: return f.multiple(value, fractionDigits: 1 + extra)
        case .number(let digits): return f.decimal(value, fractionDigits: digits + extra)
        }
    }

    /// The fraction digits `format` writes `value` with, and the power of ten it scales it by
    /// first (2 for a percentage).
    func precision(_ value: Double) -> (digits: Int, shift: Int) {
        switch self {
        case .currency: (abs(value) < 1000 ? 2 : 0, 0)
        case .ratio: (1, 2)
        case .count: (value == value.rounded() ? 0 : 1, 0)
        case .days, .months, .multiple: (1, 0)
        case .number(let digits): (digits, 0)
        }
    }

    /// The value as `format` shows it with `extra` more digits, back in the value's own scale.
    package func shown(_ value: Double, extraDigits extra: Int = 0) -> Double? {
        let (digits, shift) = precision(value)
        guard let r = RoundedDecimal(value, fractionDigits: digits + extra, shift: shift) else { return nil }
        return Double("\(r.isNegative ? "-" : "")\(r.integerDigits).\(r.fractionDigits)0e-\(shift)")
    }

    /// The fewest extra digits (0 to 3) with which `value` shows on the same side of each of
    /// `thresholds` as it is, or on it only when it is on it (SPEC §3.4 rule 9): 2.994 against
    /// 3 shows "2.99×", not "3.0×".
    package func extraDigits(for value: Double?, keepingSidesOf thresholds: [Double]) -> Int {
        guard let value, value.isFinite, !thresholds.isEmpty else { return 0 }
        func side(_ a: Double, _ c: Double) -> Int { a < c ? -1 : a > c ? 1 : 0 }
        for extra in 0..<Self.maxExtraDigits {
            guard let shown = shown(value, extraDigits: extra) else { return 0 }
            if thresholds.allSatisfy({ side(shown, $0) == side(value, $0) }) { return extra }
        }
        return Self.maxExtraDigits
    }

    /// The fewest extra digits (0 to 3) with which two ratios shown beside their difference in
    /// points keep it honest: the difference of the shown values equals the difference of the
    /// values, rounded once (SPEC §3.4 rule 9).
    package func extraDigits(forPointsBetween a: Double?, and b: Double?) -> Int {
        guard self == .ratio, let a, let b, a.isFinite, b.isFinite else { return 0 }
        for extra in 0..<Self.maxExtraDigits {
            guard let sa = shown(a, extraDigits: extra), let sb = shown(b, extraDigits: extra),
                let difference = shown(a - b, extraDigits: extra)
            else { return 0 }
            if abs((sa - sb) - difference) < 1e-9 { return extra }
        }
        return Self.maxExtraDigits
    }

    /// At most this many more digits than a value's usual ones.
    static let maxExtraDigits = 3

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
