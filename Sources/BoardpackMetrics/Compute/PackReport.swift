import BoardpackContent
import BoardpackFormat
import BoardpackMarkdown
import BoardpackSupport

/// Everything one pack says, computed before any page is rendered: the KPI results with their
/// comparisons and status, the playbook's verdicts, the governance vote, the commentary, what
/// changed since the previous pack, the working of every KPI, the breakdown rows, the sector
/// trends and the figures behind every note's embeds. A page is a function of this value, the
/// unit's ``UnitReport``, the locale and the theme.
package struct PackReport: Sendable {
    /// Periods of the sector trends.
    static let sectorPeriods = UnitReport.window
    /// The measures of each dimension's breakdown rows, as the pack shows them: the channel
    /// table's columns and the QSP&V audit scores by store.
    static let breakdownMeasures = [
        "channel": ["spend", "leads", "new_customers"],
        "store": ["quality_score", "service_score", "cleanliness_score", "value_score"],
    ]
    /// The KPIs of each dimension's breakdown rows whose status against the unit's target the
    /// pack shows (the channel scatter colours its points by media ROMI).
    package static let breakdownJudged = ["channel": ["media_romi"]]
    /// The measures, KPIs and ratios of measures (numerator, denominator) of each sector's trend
    /// charts; a ratio is found in ``trends`` as `numerator/denominator`.
    static let sectorTrends: [String: (measures: [String], kpis: [String], ratios: [(String, String)])] = [
        "tech": (
            ["trials", "activations", "paid_conversions"], ["activation_rate", "trial_to_paid"],
            [("activations", "trials"), ("paid_conversions", "trials")]
        ),
        "luxury": (["waitlist"], [], [("full_price_units", "units_sold")]),
        "banking": ([], [], [("digital_active", "customers"), ("consent_opt_ins", "customers")]),
    ]

    package let unit: UnitReport
    package let period: Period
    /// The pack's KPI results and breakdowns.
    package let metrics: PackMetrics
    /// The previous period's figures (previous month or quarter), when that period has data.
    package let previous: PackMetrics?
    package let playbook: PlaybookRun?
    package let vote: LeadershipVote
    /// The commentary: at most six sentences on the headline and red KPIs' moves (SPEC §5.4).
    package let commentary: [String]
    /// How the pack writes each KPI's values (SPEC §3.4 rule 9).
    package let display: ValueDisplay
    /// Status flips and notable moves since the previous pack.
    package let changes: [PackChange]
    /// The working of each applicable KPI, by id.
    package let workings: [String: KPIWorking]
    /// The unit's measures in the period (the funnel's stages, the channel table's total row).
    package let measures: [String: MeasureValue]
    /// Each dimension's values present in the period, as indices into
    /// ``UnitReport/dimensionValues``, in the data's order.
    package let present: [String: [Int]]
    /// ``breakdownMeasures`` per dimension, measure and value index (n/a where absent).
    package let breakdownRows: [String: [String: [MeasureValue]]]
    /// ``breakdownJudged`` per dimension, KPI and value index: each value's status against the
    /// unit's target for the KPI (SPEC §3.4 rule 7; `none` without a target).
    package let breakdownStatus: [String: [String: [KPIStatus]]]
    /// The sector trends' measures and KPIs over the ``sectorPeriods`` ending with the pack.
    package let trends: [String: [(period: Period, value: Double?)]]
    /// The notes the build shows in this pack, in order, with their embeds resolved.
    package let notes: [NoteReport]
    /// The action log: actions open at the end of the period, closed in it, or overdue.
    package let actions: [ActionEntry]
    /// Marketing cost against budget: the period, the fiscal year to date, the full year.
    package let budget: BudgetStatement?
    /// A quarterly pack's months, each as its own pack judged it (SPEC §6 v2: a bad month is
    /// shown beside the quarter); empty for a monthly pack.
    package let months: [(month: Month, metrics: PackMetrics)]
    /// Problems found in the notes' embeds.
    package let diagnostics: [Diagnostic]

    /// The tiles-only report of the unit's latest monthly pack (the archive and the portal).
    package init?(latestOf unit: UnitReport) {
        guard let (latest, display) = unit.latest else { return nil }
        self.unit = unit
        period = latest.period
        metrics = latest
        self.display = display
        previous = nil
        playbook = nil
        vote = LeadershipVote.decide(digitalMaturity: nil, annualMarketingCost: nil, orgComplexity: nil, growthObjective: nil)
        commentary = []
        changes = []
        workings = [:]
        measures = [:]
        present = [:]
        breakdownRows = [:]
        breakdownStatus = [:]
        trends = [:]
        notes = []
        actions = []
        budget = nil
        months = []
        diagnostics = []
    }

    /// Computes the pack of `model` for `period` as a build for `audience` shows it.
    package init(
        _ model: UnitModel, unit: UnitReport, period: Period, audience: Note.Audience, includeDrafts: Bool, actions: [ActionEntry] = [],
        fiscalYearStart: Int = 1
    ) {
        self.actions = actions
        months = period.monthCount > 1 ? period.months.compactMap { m in unit.verdicts[.month(m)].map { (m, $0.metrics) } } : []
        // The cost up to the period's end (the statement reads no later month); the budget, a
        // plan, for the whole fiscal year.
        budget = BudgetStatement(
            period: period, fiscalYearStart: fiscalYearStart, cost: { unit.monthlyCost[$0] }, budget: { unit.monthlyBudget[$0] })
        let engine = model.metrics, data = engine.data
        let dictionary = unit.dictionary
        self.unit = unit
        self.period = period
        let verdict = unit.verdicts[period] ?? model.judged(period, breakdowns: false)
        // The KPIs with the statuses the verdict weighed, and the breakdowns.
        let pack = engine.pack(period, known: verdict.metrics.kpis)
        metrics = pack
        playbook = verdict.playbook
        display = verdict.display
        let previousPeriod = period.advanced(by: -1)
        previous =
            data.hasData(in: previousPeriod.lastMonth)
            ? (unit.verdicts[previousPeriod] ?? model.judged(previousPeriod, breakdowns: false)).metrics : nil
        let g = model.unit.config.governance
        let monthly = engine.series("marketing_cost", endingAt: .month(period.lastMonth), count: 12).map(\.value)
        vote = LeadershipVote.decide(
            digitalMaturity: g.digitalMaturity, annualMarketingCost: LeadershipVote.annualCost(monthly: monthly),
            orgComplexity: g.orgComplexity, growthObjective: g.growthObjective)
        commentary = Self.commentary(pack, engine: engine, unit: unit, period: period, display: display)
        changes = previous.map { PackChange.between($0, pack, dictionary: dictionary) } ?? []
        var workings: [String: KPIWorking] = [:]
        let workingEvaluator = engine.rememberingEvaluator(for: period)
        for kpi in unit.applicableKPIs { workings[kpi.id] = engine.working(kpi.id, at: period, evaluator: workingEvaluator) }
        self.workings = workings

        let evaluator = engine.evaluator(for: period)
        var measures: [String: MeasureValue] = [:]
        for id in unit.reportedMeasures { measures[id] = evaluator.measure(id, at: period) }
        self.measures = measures
        var present: [String: [Int]] = [:], rows: [String: [String: [MeasureValue]]] = [:]
        for dimension in data.dimensionLabels.keys {
            let slices = data.slices(of: dimension, in: period)
            present[dimension] = slices.map(\.valueIndex)
            guard let ids = Self.breakdownMeasures[dimension], let count = data.dimensionLabels[dimension]?.count else { continue }
            var byMeasure: [String: [MeasureValue]] = [:]
            for id in ids where unit.reportedMeasures.contains(id) {
                let read = evaluator.resolvedMeasure(id)
                var values = [MeasureValue](repeating: .na, count: count)
                for slice in slices { values[slice.valueIndex] = read(period, slice) }
                byMeasure[id] = values
            }
            rows[dimension] = byMeasure
        }
        self.present = present
        breakdownRows = rows
        var statuses: [String: [String: [KPIStatus]]] = [:]
        for (dimension, ids) in Self.breakdownJudged {
            guard let values = data.dimensionLabels[dimension], let byValue = pack.breakdowns[dimension] else { continue }
            for id in ids {
                guard let kpi = dictionary.kpis[id] else { continue }
                let target = engine.target(id, at: period.lastMonth)
                statuses[dimension, default: [:]][id] = values.map { value in
                    KPIStatus.of(byValue[value]?[id] ?? nil, target: target, tolerance: model.unit.config.tolerance, better: kpi.better)
                }
            }
        }
        breakdownStatus = statuses
        var trends: [String: [(period: Period, value: Double?)]] = [:]
        if let sector = Self.sectorTrends[model.unit.config.sector.rawValue] {
            for id in sector.measures { trends[id] = engine.measureSeries(id, endingAt: period, count: Self.sectorPeriods) }
            for id in sector.kpis where dictionary.kpis[id] != nil {
                trends[id] = engine.series(id, endingAt: period, count: Self.sectorPeriods)
            }
            // numerator / denominator per period, each aggregated first (SPEC §3.4 rule 1); n/a
            // when either is n/a or the denominator is zero.
            for (numerator, denominator) in sector.ratios {
                let top = engine.measureSeries(numerator, endingAt: period, count: Self.sectorPeriods)
                let bottom = engine.measureSeries(denominator, endingAt: period, count: Self.sectorPeriods)
                trends["\(numerator)/\(denominator)"] = zip(top, bottom).map { ($0.period, Evaluator.apply(.divide, $0.value, $1.value)) }
            }
        }
        self.trends = trends

        // Audience and drafts are applied before anything else reads the notes: an excluded
        // note never reaches a later phase.
        let visible = model.unit.notes
            .filter { $0.period == period && $0.isVisible(to: audience, includeDrafts: includeDrafts) }
            .sorted { ($0.order, $0.fileName) < ($1.order, $1.fileName) }
        var diagnostics: [Diagnostic] = []
        notes = visible.enumerated().map { index, note in
            let report = NoteReport(note, index: index, pack: pack, engine: engine, period: period)
            diagnostics += report.diagnostics
            return report
        }
        self.diagnostics = diagnostics
    }

    /// Periods of a KPI's history the commentary reads: a streak counts up to two years.
    static let commentaryPeriods = 25

    /// The commentary (SPEC §5.4) on the headline KPIs, then every other red KPI.
    static func commentary(
        _ pack: PackMetrics, engine: UnitMetrics, unit: UnitReport, period: Period, display: ValueDisplay
    ) -> [String] {
        let formatter = PackFormatter(locale: unit.locale)
        // "September" within the same year, "December 2025" across years, "Q2 2026" for quarters.
        let previous = period.advanced(by: -1)
        let previousLabel: String
        if case let .month(m) = previous, m.year == period.lastMonth.year {
            previousLabel = formatter.monthName(m.month)
        } else {
            previousLabel = formatter.period(previous)
        }
        let count = PlaybookRun.PeriodCount(locale: unit.locale, quarterly: period.monthCount > 1)
        let names = Commentary.PeriodNames(
            previous: previousLabel, yearAgo: formatter.period(period.yearAgo), count: { count.text($0) })
        var ids: [String] = []
        for id in unit.unit.config.headline where !ids.contains(id) { ids.append(id) }
        for r in pack.kpis where r.status == .red && !ids.contains(r.id) { ids.append(r.id) }
        // One evaluator for every KPI's history: they share sub-KPIs (CLV and its year of churn).
        let evaluator = engine.rememberingEvaluator(for: period)
        let subjects = ids.compactMap { id -> Commentary.Subject? in
            guard let r = pack[kpi: id], r.value != nil, let kpi = unit.dictionary.kpis[id] else { return nil }
            var band: (min: Double, max: Double)?
            if case .band(let low, let high)? = r.target { band = (low, high) }
            let format = display.format(id), locale = unit.locale
            var subject = Commentary.Subject(
                label: unit.kpiLabel(id), isRatio: kpi.unit == .ratio, better: kpi.better, band: band, status: r.status,
                series: [r.previous, r.value], yearAgo: r.yearAgo,
                format: { values in
                    let extra = values.map { display.extraDigits(id, $0) }.max() ?? 0
                    return values.map { format.format($0, locale: locale, extraDigits: extra) }
                })
            // The history goes back only as far as the streak of wrong-way moves does.
            while subject.series.count < commentaryPeriods, let first = subject.series[0], let second = subject.series[1],
                subject.improves(second, from: first) == false
            {
                subject.series.insert(evaluator.kpi(id, at: period.advanced(by: -subject.series.count)).value, at: 0)
            }
            return subject
        }
        return Commentary.sentences(subjects, names: names, locale: unit.locale)
    }
}
