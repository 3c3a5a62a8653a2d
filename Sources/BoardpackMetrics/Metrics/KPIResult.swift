import BoardpackContent

/// One KPI in one pack: its value and comparisons (SPEC §3.4 rule 6, §3.5). n/a is `nil`.
package struct KPIResult: Sendable, Hashable {
    package var id: String
    package var value: Double?
    /// The value in the previous period (previous month or quarter).
    package var previous: Double?
    /// value − previous.
    package var delta: Double?
    /// value / previous − 1; n/a when previous ≤ 0.
    package var change: Double?
    /// The value in the same period a year earlier.
    package var yearAgo: Double?
    /// value / year_ago − 1; n/a when year_ago ≤ 0.
    package var yoyChange: Double?
    /// The target in force at the period's last month.
    package var target: TargetValue?
    /// The status against the target alone (SPEC §3.4 rule 7).
    package var targetStatus: KPIStatus
    /// The one verdict every part of the pack shows (SPEC §5.5): the target status, made worse
    /// by the red and amber rules that judge the KPI, or green by a strength that stands.
    /// Equal to ``targetStatus`` until the pack's playbook has been weighed.
    package var status: KPIStatus
    /// Computed from partial data (directly or through other KPIs).
    package var partial: Bool
    /// The formula as written in the dictionary.
    package var formula: String

    /// Builds the comparisons from the three evaluations.
    package init(
        id: String, current: MeasureValue, previous: MeasureValue, yearAgo: MeasureValue, target: TargetValue?,
        tolerance: Double, better: KPIDefinition.Direction, formula: String
    ) {
        self.id = id
        value = current.value
        self.previous = previous.value
        self.yearAgo = yearAgo.value
        delta = Evaluator.apply(.subtract, current.value, previous.value)
        change = Self.relativeChange(current.value, previous.value)
        yoyChange = Self.relativeChange(current.value, yearAgo.value)
        self.target = target
        targetStatus = KPIStatus.of(current.value, target: target, tolerance: tolerance, better: better)
        status = targetStatus
        partial = current.partial
        self.formula = formula
    }

    /// a / b − 1, n/a when either is n/a or b ≤ 0.
    package static func relativeChange(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b > 0 else { return nil }
        let r = a / b - 1
        return r.isFinite ? r : nil
    }
}
