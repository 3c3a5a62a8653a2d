import BoardpackContent

/// The metrics engine for one unit: compiled dictionary + profile + aggregated data in, pack
/// figures out. Pure: no files, no formatting.
package struct UnitMetrics: Sendable {
    package let metrics: CompiledMetrics
    let profile: UnitProfile
    package let data: UnitData
    /// KPIs that apply to the unit's sector, in dictionary order.
    package let applicableKPIs: [KPIDefinition]
    /// The program slot of each of ``applicableKPIs``.
    let applicableSlots: [Int?]
    /// What the unit's evaluators share (the measures bound to `data` once per unit).
    let context: EvaluationContext

    /// Creates the engine; aggregate the files first with ``UnitData/aggregate(_:dictionary:)``.
    package init(metrics: CompiledMetrics, profile: UnitProfile, data: UnitData) {
        self.metrics = metrics
        self.profile = profile
        self.data = data
        applicableKPIs = metrics.dictionary.kpis(forSector: profile.sector)
        applicableSlots = applicableKPIs.map { metrics.program.slots[$0.id] }
        context = EvaluationContext(metrics: metrics, data: data, lifetimeMonths: profile.lifetimeMonths)
    }

    /// The target of KPI `id` in force at `month`: the unit's, or the dictionary's built-in one
    /// (`budget_utilisation`'s band, SPEC §3.2).
    package func target(_ id: String, at month: Month) -> TargetValue? {
        profile.targets[id]?.value(at: month) ?? MetricDictionary.builtInTargets[id]?.value(at: month)
    }

    /// The unit's amber band, as a fraction of |target|.
    package var tolerance: Double { profile.tolerance }

    /// The monthly and quarterly packs the unit has (SPEC §4).
    func packPeriods(archiveMonths: Int) -> PackPeriods {
        PackPeriods(monthsWithData: data.monthsWithData, archiveMonths: archiveMonths)
    }

    /// An evaluator that sees data up to the end of `period` only.
    func evaluator(for period: Period) -> Evaluator {
        Evaluator(context: context, pack: period)
    }

    /// An evaluator for the pack of `period` that remembers the unit-level KPI values it
    /// computes, for many calls on one thread (a pack's workings).
    package func rememberingEvaluator(for period: Period) -> Evaluator {
        var evaluator = Evaluator(context: context, pack: period)
        evaluator.remembered = RememberedKPIs()
        return evaluator
    }

    /// The result of one KPI in the pack of `period`, with comparisons against the previous
    /// period and the same period a year earlier.
    package func result(_ kpi: KPIDefinition, at period: Period, using evaluator: Evaluator) -> KPIResult {
        var memo: KPIMemo?
        return result(kpi, at: period, using: evaluator, memo: &memo)
    }

    /// ``result(_:at:using:)`` remembering values in `memo`.
    func result(_ kpi: KPIDefinition, at period: Period, using evaluator: Evaluator, memo: inout KPIMemo?) -> KPIResult {
        result(kpi, slot: metrics.program.slots[kpi.id], at: period, using: evaluator, memo: &memo)
    }

    /// ``result(_:at:using:memo:)`` for the KPI in program slot `slot`.
    func result(_ kpi: KPIDefinition, slot: Int?, at period: Period, using evaluator: Evaluator, memo: inout KPIMemo?) -> KPIResult {
        func value(_ p: Period) -> MeasureValue { slot.map { evaluator.kpi($0, p, nil, &memo) } ?? .na }
        let current = value(period)
        let previous = value(period.previous)
        let yearAgo = value(period.yearAgo)
        return KPIResult(
            id: kpi.id, current: current, previous: previous, yearAgo: yearAgo,
            target: target(kpi.id, at: period.lastMonth), tolerance: profile.tolerance,
            better: kpi.better, formula: kpi.formula)
    }

    /// Every applicable KPI for the pack of `period`, with breakdowns per dimension value.
    ///
    /// One memo serves the whole pack: sub-KPIs shared by several formulas, and `scope: unit`
    /// KPIs in every breakdown row, are computed once.
    ///
    /// `known` are the pack's KPI results when they were worked out already (a pack's verdict
    /// holds them): only the breakdowns are computed then.
    package func pack(_ period: Period, breakdowns includeBreakdowns: Bool = true, known: [KPIResult]? = nil) -> PackMetrics {
        let evaluator = evaluator(for: period)
        let kpis = applicableKPIs
        var memo: KPIMemo? = KPIMemo(period: period, slotCount: metrics.program.ids.count)
        var results: [KPIResult] = known ?? []
        if known == nil {
            results.reserveCapacity(kpis.count)
            for (kpi, slot) in zip(kpis, applicableSlots) {
                results.append(result(kpi, slot: slot, at: period, using: evaluator, memo: &memo))
            }
        }
        var breakdowns: [String: [String: [String: Double?]]] = [:]
        if includeBreakdowns {
            // Every row has the same keys: build them once and fill each copy by position, so a
            // row costs no hashing of KPI ids.
            var template: [String: Double?] = Dictionary(minimumCapacity: kpis.count)
            for kpi in kpis { template[kpi.id] = .some(nil) }
            let positions = kpis.map { template.index(forKey: $0.id)! }
            var ordinal = 0
            for dimension in data.dimensionLabels.keys.sorted() {
                let slices = data.slices(of: dimension, in: period)
                var byValue: [String: [String: Double?]] = Dictionary(minimumCapacity: slices.count)
                for slice in slices {
                    memo?.slice = ordinal
                    ordinal += 1
                    var row = template
                    for (position, slot) in zip(positions, applicableSlots) {
                        row.values[position] = slot.flatMap { evaluator.kpi($0, period, slice, &memo).value }
                    }
                    byValue[slice.value] = row
                }
                if !byValue.isEmpty { breakdowns[dimension] = byValue }
            }
        }
        return PackMetrics(unit: profile.id, period: period, kpis: results, breakdowns: breakdowns)
    }

    /// The KPI's value for the `count` periods ending with `period` (oldest first), for charts and
    /// sparklines; nothing after `period` is read.
    package func series(
        _ kpi: String, endingAt period: Period, count: Int, slice: UnitData.Slice? = nil
    ) -> [(period: Period, value: Double?)] {
        let evaluator = evaluator(for: period)
        return (0..<max(0, count)).reversed().map { k in
            let p = period.advanced(by: -k)
            return (p, evaluator.kpi(kpi, at: p, slice: slice).value)
        }
    }

    /// Like ``series(_:endingAt:count:slice:)`` for a measure.
    func measureSeries(
        _ measure: String, endingAt period: Period, count: Int, slice: UnitData.Slice? = nil
    ) -> [(period: Period, value: Double?)] {
        let evaluator = evaluator(for: period)
        return (0..<max(0, count)).reversed().map { k in
            let p = period.advanced(by: -k)
            return (p, evaluator.measure(measure, at: p, slice: slice).value)
        }
    }
}
