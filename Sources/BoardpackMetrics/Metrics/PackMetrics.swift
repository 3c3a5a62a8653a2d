import BoardpackContent

/// Every KPI figure of one pack: one unit, one period (SPEC §3.4–3.5).
package struct PackMetrics: Sendable {
    package var unit: String
    package var period: Period
    /// Every KPI that applies to the unit's sector, in dictionary order.
    package var kpis: [KPIResult] { didSet { position = Self.positions(kpis) } }
    /// Where each KPI is in `kpis`: looking one up by scanning made a pack quadratic in the
    /// number of KPIs (every comparison with the previous pack looks each one up).
    private var position: [String: Int]
    /// dimension → value → KPI id → value (n/a is `nil`), for values present in the period.
    package var breakdowns: [String: [String: [String: Double?]]]

    /// Creates a value.
    package init(unit: String, period: Period, kpis: [KPIResult], breakdowns: [String: [String: [String: Double?]]]) {
        self.unit = unit
        self.period = period
        self.kpis = kpis
        self.breakdowns = breakdowns
        position = Self.positions(kpis)
    }

    private static func positions(_ kpis: [KPIResult]) -> [String: Int] {
        Dictionary(kpis.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The result for KPI `id`, if it applies to the unit.
    package subscript(kpi id: String) -> KPIResult? {
        get { position[id].map { kpis[$0] } }
        set {
            guard let i = position[id], let newValue else { return }
            kpis[i] = newValue
        }
    }
}
