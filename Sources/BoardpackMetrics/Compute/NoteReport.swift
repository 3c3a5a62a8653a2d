import BoardpackContent
import BoardpackMarkdown
import BoardpackSupport

/// A note as a pack shows it: its body read as Markdown, and its embeds resolved against the
/// pack's figures. The `{{ kpi }}` references become KPI results and each chart block its
/// figures; a reference or block that names something unknown becomes a diagnostic and shows
/// nothing.
package struct NoteReport: Sendable {
    package let note: Note
    /// The body read (``Note/document(idPrefix:)``), with the prefix of the note's place on the page.
    package let document: RenderedMarkdown
    /// Per `{{ kpi }}` reference of ``document``, in order: the KPI's result, nil when unknown.
    package let kpis: [KPIResult?]
    /// Per chart block of ``document``, in order: its figures, nil when the block is invalid.
    package let charts: [NoteChartFigures?]
    package let diagnostics: [Diagnostic]

    /// The note shown `index`th in the pack of `period`.
    init(_ note: Note, index: Int, pack: PackMetrics, engine: UnitMetrics, period: Period) {
        self.note = note
        let document = note.document(idPrefix: "note-\(index)")
        self.document = document
        var diagnostics = document.diagnostics
        let known = Set(pack.kpis.map(\.id))
        kpis = document.kpis.map { reference in
            if let result = pack[kpi: reference.id] { return result }
            let hint = NameSuggestion.nearest(to: reference.id, among: known).map { "did you mean `\($0)`?" }
            diagnostics.append(
                .error(
                    "unknown KPI `\(reference.id)` in {{ kpi }}",
                    at: SourceLocation(file: note.path, line: reference.line, column: reference.column), hint: hint))
            return nil
        }
        let measures = Set(engine.metrics.dictionary.measures.keys)
        charts = document.charts.map { block in
            switch NoteChart.parse(block, path: note.path, knownKPIs: known, knownMeasures: measures) {
            case let .failure(d):
                diagnostics.append(d)
                return nil
            case let .success(spec):
                if let dimension = spec.breakdown, engine.data.dimensionLabels[dimension] == nil {
                    diagnostics.append(
                        .error(
                            "unknown breakdown `\(dimension)`: the unit's data has no such dimension",
                            at: SourceLocation(file: note.path, line: block.line, column: 1)))
                    return nil
                }
                return NoteChartFigures(spec, pack: pack, engine: engine, period: period)
            }
        }
        self.diagnostics = diagnostics
    }
}

/// The figures a note's chart block draws, read from the pack's data: each KPI over the
/// block's periods, and with a breakdown each dimension value's figures in the period.
package struct NoteChartFigures: Sendable {
    package let spec: NoteChart
    /// Each KPI of the block over the `periods` ending with the pack (oldest first).
    package let series: [String: [(period: Period, value: Double?)]]
    /// The breakdown's values present in the period.
    package let values: [String]
    /// Each KPI's value per breakdown value in the period (bar, scatter, heatmap).
    package let byValue: [String: [Double?]]
    /// The first KPI over the periods, per breakdown value (stacked bars).
    package let seriesByValue: [[Double?]]
    /// Each stage's value in the period: a KPI's or a measure's (funnel).
    package let stages: [String: Double?]

    init(_ spec: NoteChart, pack: PackMetrics, engine: UnitMetrics, period: Period) {
        self.spec = spec
        let data = engine.data
        let evaluator = engine.evaluator(for: period)
        var series: [String: [(period: Period, value: Double?)]] = [:]
        var byValue: [String: [Double?]] = [:]
        var stages: [String: Double?] = [:]
        var seriesByValue: [[Double?]] = []
        let values = spec.breakdown.map { data.values(of: $0, in: period) } ?? []
        let slices = values.map { v in spec.breakdown.flatMap { data.slice($0, v) } }
        switch spec.type {
        case .bullet:
            break  // the pack's own results
        case .line, .bar:
            for id in spec.kpis { series[id] = engine.series(id, endingAt: period, count: spec.periods) }
            if spec.type == .bar {
                for id in spec.kpis { byValue[id] = slices.map { s in s.flatMap { evaluator.kpi(id, at: period, slice: $0).value } } }
            }
        case .stacked:
            seriesByValue = slices.map { slice in
                engine.series(spec.kpis[0], endingAt: period, count: spec.periods, slice: slice).map(\.value)
            }
            series[spec.kpis[0]] = engine.series(spec.kpis[0], endingAt: period, count: spec.periods)
        case .funnel:
            for id in spec.kpis {
                stages[id] = .some(
                    engine.metrics.dictionary.kpis[id] != nil
                        ? evaluator.kpi(id, at: period).value : evaluator.measure(id, at: period).value)
            }
        case .scatter, .heatmap:
            for id in spec.kpis { byValue[id] = slices.map { s in s.flatMap { evaluator.kpi(id, at: period, slice: $0).value } } }
        }
        self.series = series
        self.values = values
        self.byValue = byValue
        self.seriesByValue = seriesByValue
        self.stages = stages
    }
}
