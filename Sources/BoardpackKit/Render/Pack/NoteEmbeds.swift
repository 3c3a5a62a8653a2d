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
                .error("unknown KPI `\(reference.id)` in {{ kpi }}", at: SourceLocation(file: note.path, line: reference.line, column: reference.column), hint: hint))
            return ctx.formatter.notAvailable
        }
        return reference.change ? ctx.formatChange(reference.id, result: result) : ctx.format(reference.id, result.value)
    }

    /// The SVG figure for a chart block, or nothing (and a diagnostic) when the block is invalid.
    func chartHTML(_ block: ChartBlock, _ index: Int) -> String {
        let id = "note-\(note.fileName.split(separator: ".").first ?? "x")-\(index)"
        switch NoteChart.parse(block, path: note.path, knownKPIs: Set(ctx.pack.kpis.map(\.id))) {
        case let .failure(d):
            diagnostics.append(d)
            return ""
        case let .success(spec):
            let chart = spec.render(ctx, id: id)
            tables.append((chart.title, chart.table))
            return "<figure class=\"chart\">\(chart.svg)</figure>"
        }
    }
}
