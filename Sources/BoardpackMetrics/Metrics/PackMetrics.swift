import BoardpackContent

/// Every KPI figure of one pack: one unit, one period (SPEC §3.4–3.5).
public struct PackMetrics: Sendable {
    public var unit: String
    public var period: Period
    /// Every KPI that applies to the unit's sector, in dictionary order.
    public var kpis: [KPIResult]
    /// dimension → value → KPI id → value (n/a is `nil`), for values present in the period.
    public var breakdowns: [String: [String: [String: Double?]]]

    /// Creates a value.
    public init(unit: String, period: Period, kpis: [KPIResult], breakdowns: [String: [String: [String: Double?]]]) {
        self.unit = unit
        self.period = period
        self.kpis = kpis
        self.breakdowns = breakdowns
    }

    /// The result for KPI `id`, if it applies to the unit.
    public subscript(kpi id: String) -> KPIResult? { kpis.first { $0.id == id } }
}
