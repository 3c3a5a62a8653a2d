import BoardpackContent

/// Every KPI figure of one pack: one unit, one period (SPEC §3.4–3.5).
package struct PackMetrics: Sendable {
    package var unit: String
    package var period: Period
    /// Every KPI that applies to the unit's sector, in dictionary order.
    package var kpis: [KPIResult]
    /// dimension → value → KPI id → value (n/a is `nil`), for values present in the period.
    package var breakdowns: [String: [String: [String: Double?]]]

    /// Creates a value.
    package init(unit: String, period: Period, kpis: [KPIResult], breakdowns: [String: [String: [String: Double?]]]) {
        self.unit = unit
        self.period = period
        self.kpis = kpis
        self.breakdowns = breakdowns
    }

    /// The result for KPI `id`, if it applies to the unit.
    package subscript(kpi id: String) -> KPIResult? { kpis.first { $0.id == id } }
}
