import BoardpackContent
import BoardpackFormat
import BoardpackMetrics
import BoardpackSupport

/// Everything the sections of one pack page read: the pack's computed report, what the unit's
/// packs share, and the locale. Built once per pack; sections are pure functions of it and
/// call no engine.
struct PackContext: Sendable {
    var workspace: Workspace
    /// Everything the pack says, computed before rendering.
    var report: PackReport
    var audience: Note.Audience
    /// What the unit's packs share, worked out once for all of them.
    var unitData: UnitRenderData

    // What every section reads over and over, held here rather than reached through the
    // report each time (a value read out of a class instance is copied).
    let unit: UnitContent
    let period: Period
    let locale: PackLocale
    /// This pack's figures.
    let pack: PackMetrics
    /// The previous period's figures (previous month or quarter), when that period has data.
    let previousPack: PackMetrics?
    let dictionary: MetricDictionary

    init(workspace: Workspace, report: PackReport, audience: Note.Audience, unitData: UnitRenderData) {
        self.workspace = workspace
        self.report = report
        self.audience = audience
        self.unitData = unitData
        unit = report.unit.unit
        period = report.period
        locale = report.unit.locale
        pack = report.metrics
        previousPack = report.previous
        dictionary = report.unit.dictionary
    }

    /// Periods in a sparkline or trend: a year of months, or three years of quarters.
    static let trendPeriods = UnitReport.window

    /// A headline KPI over the `trendPeriods` periods ending with the pack (oldest first), with
    /// each value as the pack writes it.
    func trend(_ id: String) -> [(period: Period, value: Double?, text: String)] {
        if let trend = unitData.trend(id, endingAt: period, count: Self.trendPeriods) { return trend }
        // The compute phase works out every headline KPI over every pack's window: a KPI it
        // did not shows as n/a, never as a gap in the window.
        assert(false, "the trend of `\(id)` ending \(period) was not computed")
        return (0..<Self.trendPeriods).reversed().map { (period.advanced(by: -$0), nil, formatter.notAvailable) }
    }

    var formatter: PackFormatter { PackFormatter(locale: locale) }
    var lang: String { locale.language }

    /// A fixed label of the pack in the pack's language.
    func label(_ key: String) -> String { locale.label(key) }

    /// A dimension value as the pack shows it: its `labels:` name, else humanised.
    func displayName(_ value: String) -> String { unit.config.displayName(value, language: locale.language) }

    /// A label with values filled in (`{months}`).
    func label(_ key: String, _ values: [String: String]) -> String { locale.label(key, values) }

    /// Items as a sentence lists them: `A`, `A and B`, `A, B and C` (`e` in Italian).
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + label("and_word") + " " + items.last!
    }

    /// A KPI's definition.
    func kpi(_ id: String) -> KPIDefinition? { dictionary.kpis[id] }

    /// A KPI's label in the pack's language (its id when unknown).
    func kpiLabel(_ id: String) -> String { report.unit.kpiLabel(id) }

    /// How values of a KPI are written.
    func valueFormat(_ id: String) -> ValueFormat { report.unit.valueFormat(id) }

    /// A KPI value formatted for the pack (`n/a`/`n.d.` when missing), with the digits that keep
    /// it on its side of the numbers its status turns on (SPEC §3.4 rule 9).
    func format(_ id: String, _ value: Double?) -> String { report.display.text(id, value) }

    /// A trend's value texts, the pack's own period written as the pack writes it (with the
    /// digits its status needs): the trend's texts are made once for every pack of the unit.
    func withPackValue(_ id: String, _ texts: [String], periods: [Period]) -> [String] {
        guard let last = periods.lastIndex(of: period), let r = pack[kpi: id] else { return texts }
        var texts = texts
        texts[last] = format(id, r.value)
        return texts
    }

    /// A KPI's target as the pack shows it: the value, or a band's bounds ("80.0%–110.0%").
    func formatTarget(_ id: String, _ target: TargetValue) -> String {
        target.text { format(id, $0) }
    }

    /// A KPI's change as the pack shows it: percentage points for ratios, relative otherwise.
    func formatChange(_ id: String, result: KPIResult, extraDigits: Int = 0) -> String {
        kpi(id)?.unit == .ratio
            ? formatter.percentagePoints(result.delta, fractionDigits: 1 + extraDigits) : formatter.relativeChange(result.change)
    }

    /// The extra digits a KPI's value, its previous value and the change between them take
    /// when a row shows them side by side: enough for the value to stay on its side of its
    /// target, and for a change in points to be the difference of the two values shown
    /// (SPEC §3.4 rule 9).
    func sideBySideDigits(_ id: String, _ r: KPIResult) -> Int {
        max(report.display.extraDigits(id, r.value), valueFormat(id).extraDigits(forPointsBetween: r.value, and: r.previous))
    }

    /// A KPI's change against a year ago, shown the same way as `formatChange`.
    func formatYoY(_ id: String, result: KPIResult) -> String {
        if kpi(id)?.unit == .ratio {
            guard let v = result.value, let y = result.yearAgo else { return formatter.notAvailable }
            return formatter.percentagePoints(v - y)
        }
        return formatter.relativeChange(result.yoyChange)
    }

    /// "October 2026" / "ottobre 2026", "Q3 2026".
    func periodLabel(_ p: Period) -> String { formatter.period(p) }

    /// "Oct 2026", "Q3 2026": axis labels.
    func shortPeriodLabel(_ p: Period) -> String { unitData.shortLabel(p) }

    /// The status word and CSS class for a KPI status, never colour alone.
    func statusWord(_ status: KPIStatus) -> String { Self.statusWord(status, locale) }

    /// ``statusWord(_:)`` in `locale`.
    static func statusWord(_ status: KPIStatus, _ locale: PackLocale) -> String {
        switch status {
        case .green: ChartStatus.green.word(locale)
        case .amber: ChartStatus.amber.word(locale)
        case .red: ChartStatus.red.word(locale)
        case .none: locale.label("no_target")
        case .na: PackFormatter(locale: locale).notAvailable
        }
    }
}

/// What a section hands back: its HTML and the data behind its charts (for the appendix).
struct SectionOutput: Sendable {
    var html = HTMLBuffer()
    var chartTables: [(title: String, table: ChartDataTable)] = []
}
