import BoardpackContent
import BoardpackFormat

/// What the compute phase works out once per unit for all the packs it renders: the unit's
/// dictionary and data shape as plain values, its headline KPIs and its spend by channel in
/// every period of the packs' windows (a period lies in the windows of up to twelve packs),
/// and the figures of its latest monthly pack for the archive and the portal.
///
/// Pages read this and ``PackReport``; they never call the metrics engine.
package final class UnitReport: Sendable {
    /// Periods in a sparkline, a trend chart or the spend chart: a year of months, or three
    /// years of quarters.
    package static let window = 12

    package let unit: UnitContent
    package let locale: PackLocale
    package let dictionary: MetricDictionary
    /// KPIs that apply to the unit's sector, in dictionary order.
    package let applicableKPIs: [KPIDefinition]
    /// Labels of the sector playbook's own KPIs, which the dictionary may not hold (network
    /// KPIs such as `qspv_spread`).
    package let playbookKPILabels: [String: PlaybookText]
    /// Each dimension's values in the unit's data (value indices point into these).
    package let dimensionValues: [String: [String]]
    /// The measures the unit's data reports at all.
    package let reportedMeasures: Set<String>
    /// Reconciliation findings (SPEC §3.6) over all the unit's data.
    package let findings: [DataQualityFinding]
    /// The unit's packs the site lists, oldest first.
    package let periods: [Period]
    /// Each headline KPI's value in each period of the windows.
    package let headline: [String: [Period: Double?]]
    /// Spend by channel (index into `dimensionValues["channel"]`) in each period of the windows.
    package let channelSpend: [Period: [Double?]]
    /// The longest customer lifetime CLV counts, in months (SPEC §3.2).
    package let lifetimeMonths: Double
    /// The latest monthly pack's figures, without breakdowns, each KPI with its one status,
    /// and how that pack writes them.
    let latest: (metrics: PackMetrics, display: ValueDisplay)?
    /// Per month, the marketing cost (from the data's first month to its last) and the budget
    /// (to twelve months after, a plan), for the budget statements (SPEC §6), worked out once.
    package let monthlyCost: [Month: Double]
    package let monthlyBudget: [Month: Double]

    /// What each pack rendered, the pack before it and a quarter's months say of their KPIs,
    /// worked out once (a month is the previous pack of one pack and a month of a quarter).
    let verdicts: [Period: Verdict]

    /// The report for the packs of `model` in `periods` (all of them, or those a subset build
    /// renders), in a site that lists the packs of `listed`; the latest listed monthly pack's
    /// window is always included, for the archive's tiles.
    package init(_ model: UnitModel, rendering periods: [Period], listed: [Period]) {
        let metrics = model.metrics, data = metrics.data
        unit = model.unit
        locale = model.locale
        dictionary = metrics.metrics.dictionary
        applicableKPIs = metrics.applicableKPIs
        let sector = model.unit.config.sector.rawValue
        playbookKPILabels = Dictionary(
            (model.playbooks.playbooks[sector]?.kpis ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        dimensionValues = data.dimensionLabels
        reportedMeasures = data.reportedMeasures
        findings = model.findings
        lifetimeMonths = model.metrics.profile.lifetimeMonths
        self.periods = listed
        let latestMonth = listed.last { $0.kind == "month" }
        // Months first, so that a quarter finds its months' verdicts.
        var needed = Set<Period>(periods + (latestMonth.map { [$0] } ?? []))
        for period in needed {
            let previous = period.advanced(by: -1)
            if data.hasData(in: previous.lastMonth) { needed.insert(previous) }
        }
        for period in needed where period.monthCount > 1 { needed.formUnion(period.months.map(Period.month)) }
        var verdicts: [Period: Verdict] = [:]
        for period in needed.sorted(by: { ($0.monthCount, $0) < ($1.monthCount, $1) }) {
            verdicts[period] = model.judged(period, breakdowns: false) { verdicts[.month($0)] }
        }
        self.verdicts = verdicts
        latest = latestMonth.flatMap { verdicts[$0] }.map { ($0.metrics, $0.display) }
        // The periods of every window: the twelve ending with each pack.
        var window = Set<Period>()
        for period in periods + (latestMonth.map { [$0] } ?? []) {
            for k in 0..<Self.window { window.insert(period.advanced(by: -k)) }
        }
        var headline: [String: [Period: Double?]] = [:]
        for id in model.unit.config.headline where headline[id] == nil {
            var points: [Period: Double?] = [:]
            for period in window {
                // What ``UnitMetrics/series(_:endingAt:count:slice:)`` reads for any window
                // ending at or after the period: formulas read the period and those before.
                points[period] = .some(metrics.evaluator(for: period).kpi(id, at: period).value)
            }
            headline[id] = points
        }
        self.headline = headline
        let channels = data.dimensionLabels["channel"] ?? []
        let slices = channels.compactMap { data.slice("channel", $0) }
        var channelSpend: [Period: [Double?]] = [:]
        if !channels.isEmpty && slices.count == channels.count {
            for period in window {
                let spend = metrics.evaluator(for: period).resolvedMeasure("spend")
                channelSpend[period] = slices.map { spend(period, $0).value }
            }
        }
        self.channelSpend = channelSpend
        var monthlyCost: [Month: Double] = [:]
        var monthlyBudget: [Month: Double] = [:]
        if let first = data.firstMonth, let last = data.monthsWithData.last {
            let plan = metrics.evaluator(for: .month(last.advanced(by: 12)))
            let months = (0...(last.index - first.index + 12)).map { first.advanced(by: $0) }
            for month in months {
                if month <= last, let cost = metrics.evaluator(for: .month(month)).kpi("marketing_cost", at: .month(month)).value {
                    monthlyCost[month] = cost
                }
                if let budget = plan.measure("marketing_budget", at: .month(month)).value { monthlyBudget[month] = budget }
            }
        }
        self.monthlyCost = monthlyCost
        self.monthlyBudget = monthlyBudget
    }

    /// How values of KPI `id` are written in this unit's currency.
    package func valueFormat(_ id: String) -> ValueFormat {
        dictionary.valueFormat(id, currency: unit.config.currency)
    }

    /// A KPI's label in the unit's language (its id when unknown).
    package func kpiLabel(_ id: String) -> String {
        dictionary.kpis[id]?.label.text(for: locale.rawValue) ?? id
    }
}

extension MetricDictionary {
    /// How values of KPI `id` are written in a unit reporting in `currency` (a count when the
    /// dictionary does not know the id).
    package func valueFormat(_ id: String, currency: String) -> ValueFormat {
        ValueFormat(unit: kpis[id]?.unit.rawValue ?? "count", currency: currency)
    }
}
