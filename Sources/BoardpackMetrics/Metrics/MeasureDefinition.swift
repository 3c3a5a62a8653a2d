/// A measure: one numeric column of the KPI data files, and how it aggregates (SPEC §3.1).
package struct MeasureDefinition: Sendable, Hashable {
    /// How a measure's values combine across rows and months.
    package enum Aggregation: Sendable, Hashable {
        /// Values are added.
        case sum
        /// The latest value is kept (latest date within a month, last month within a quarter);
        /// rows of different dimension values are added.
        case last
        /// A mean weighted by another measure reported on the same rows; a plain mean when the
        /// weight is not reported there (`weight == nil` means always plain).
        case mean(weight: String?)
    }

    /// What the numbers count, for the data-quality checks (§3.6).
    package enum Kind: String, Sendable, Hashable {
        /// Things counted: never negative.
        case count
        /// Money: never negative.
        case money
        /// Money that may be negative (gross profit in a loss-making month).
        case signedMoney = "signed_money"
        /// A 0–100 score or similar index.
        case score
        /// A duration in days: never negative.
        case days
        /// Anything else: no sign check.
        case other

        /// True when a negative value is a data-quality finding.
        var mustBeNonNegative: Bool { self != .score && self != .other && self != .signedMoney }
    }

    /// The column name.
    package var id: String
    var aggregation: Aggregation
    package var kind: Kind
    /// `scope: unit`: a breakdown takes the unit-level value (§3.4 rule 5).
    package var unitScoped: Bool
    /// One-line meaning, for the appendix.
    var meaning: String
    /// A plan figure (`marketing_budget`): a row reporting only plan measures is no data, so
    /// a budget for the months to come makes no pack (SPEC §4).
    package var plan = false

    /// Creates a measure definition.
    package init(
        _ id: String, _ aggregation: Aggregation = .sum, kind: Kind = .count, unitScoped: Bool = false,
        meaning: String = "", plan: Bool = false
    ) {
        self.plan = plan
        self.id = id
        self.aggregation = aggregation
        self.kind = kind
        self.unitScoped = unitScoped
        self.meaning = meaning
    }
}
