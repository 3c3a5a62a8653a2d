import BoardpackSupport

/// The KPI dictionary: every measure and KPI a build knows, as data (SPEC §3).
///
/// Starts from the built-ins; `content/metrics.yml` overrides and playbooks add to it. It is
/// validated (formulas parsed, ids resolved, cycles found) by ``compile()``.
package struct MetricDictionary: Sendable {
    /// The pseudo-file named in diagnostics about built-in formulas.
    static let builtInFile = "<built-in>"
    /// The built-in value: number of months in the period.
    static let monthsID = "months"
    /// The built-in value: the unit's `clv_lifetime_months` (SPEC §3.2).
    static let lifetimeID = "clv_lifetime_months"
    /// The names formulas read as built-in values, never as a measure or a KPI.
    static let builtInValues: Set<String> = [monthsID, lifetimeID]

    /// Measures by id.
    package private(set) var measures: [String: MeasureDefinition]
    /// KPIs by id.
    package private(set) var kpis: [String: KPIDefinition]
    /// KPI ids in definition order (built-ins in table order, then additions).
    private(set) var kpiOrder: [String]

    /// A dictionary from explicit lists (later entries replace earlier ones with the same id).
    package init(measures: [MeasureDefinition], kpis: [KPIDefinition]) {
        self.measures = [:]
        self.kpis = [:]
        self.kpiOrder = []
        for m in measures { self.measures[m.id] = m }
        for k in kpis { setKPI(k) }
    }

    /// The built-in dictionary: §3.1 and §5.2 measures, §3.2 KPIs.
    package static let builtIn = MetricDictionary(measures: builtInMeasures, kpis: builtInKPIs)

    /// KPI definitions in definition order.
    package var orderedKPIs: [KPIDefinition] { kpiOrder.compactMap { kpis[$0] } }

    /// KPIs that apply to a unit of `sector`, in definition order.
    package func kpis(forSector sector: String) -> [KPIDefinition] {
        orderedKPIs.filter { $0.applies(toSector: sector) }
    }

    /// Every id a formula may name: measures, KPIs and the built-in values.
    var knownIDs: Set<String> {
        Set(measures.keys).union(kpis.keys).union(Self.builtInValues)
    }

    /// Adds or replaces a KPI (replacing keeps its place in the order).
    mutating func setKPI(_ kpi: KPIDefinition) {
        if kpis[kpi.id] == nil { kpiOrder.append(kpi.id) }
        kpis[kpi.id] = kpi
    }

    /// Adds or replaces a measure.
    mutating func setMeasure(_ measure: MeasureDefinition) {
        measures[measure.id] = measure
    }

    /// A copy with `extra` KPIs added or replaced (e.g. a playbook's sector KPIs). An id that is
    /// already a measure is an error (`sales_cycle_days` style identity KPIs excepted).
    func adding(_ extra: [KPIDefinition]) -> (MetricDictionary, [Diagnostic]) {
        var copy = self
        var diagnostics: [Diagnostic] = []
        for kpi in extra {
            if measures[kpi.id] != nil && kpi.formula.trimmingSpaces != kpi.id {
                diagnostics.append(
                    .error("KPI id `\(kpi.id)` is already a measure; ids must be unique", at: kpi.formulaLocation))
                continue
            }
            copy.setKPI(kpi)
        }
        return (copy, diagnostics)
    }
}
