import BoardpackContent
import BoardpackSupport
import BoardpackMarkdown

/// Resolves the embeds of one note — `{{ kpi ID }}` values and ```` ```chart ```` blocks —
/// against the pack's figures, collecting diagnostics and chart data tables as it goes.
final class NoteEmbeds {
    // A class so the closures handed to `NoteHTML.render` can record what they found; it
    // lives only for the rendering of one note, on one thread.
    let ctx: PackContext
    let note: Note
    var diagnostics: [Diagnostic] = []
    var tables: [(title: String, table: ChartDataTable)] = []

    init(ctx: PackContext, note: Note) {
        self.ctx = ctx
        self.note = note
    }

    /// The text for `{{ kpi ID }}` (the value) or `{{ kpi ID change }}` (the change).
    func kpiText(_ reference: InlineKPI) -> String {
        guard let result = ctx.pack[kpi: reference.id] else {
            let known = Set(ctx.pack.kpis.map(\.id))
            let hint = NameSuggestion.nearest(to: reference.id, among: known).map { "did you mean `\($0)`?" }
            diagnostics.append(
                .error(
                    "unknown KPI `\(reference.id)` in {{ kpi }}",
                    at: SourceLocation(file: note.path, line: reference.line, column: reference.column), hint: hint))
            return ctx.formatter.notAvailable
        }
        return reference.change ? ctx.formatChange(reference.id, result: result) : ctx.format(reference.id, result.value)
    }

    /// The SVG figure for a chart block, or nothing (and a diagnostic) when the block is invalid.
    func chartHTML(_ block: ChartBlock, _ index: Int) -> String {
        let id = "note-\(note.fileName.split(separator: ".").first ?? "x")-\(index)"
        let measures = Set(ctx.dictionary.measures.keys)
        switch NoteChart.parse(block, path: note.path, knownKPIs: Set(ctx.pack.kpis.map(\.id)), knownMeasures: measures) {
        case let .failure(d):
            diagnostics.append(d)
            return ""
        case let .success(spec):
            if let dimension = spec.breakdown, !ctx.metrics.data.dimensionLabels.keys.contains(dimension) {
                diagnostics.append(
                    .error(
                        "unknown breakdown `\(dimension)`: the unit's data has no such dimension",
                        at: SourceLocation(file: note.path, line: block.line, column: 1)))
                return ""
            }
            let charts = spec.render(ctx, id: id)
            tables += charts.map { ($0.title, $0.table) }
            let figures = charts.map { "<figure class=\"chart\">\($0.svg)</figure>" }
            return figures.count == 1 ? figures[0] : "<div class=\"charts-grid\">\(figures.joined(separator: "\n"))</div>"
        }
    }
}
