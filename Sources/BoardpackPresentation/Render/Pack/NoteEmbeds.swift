import BoardpackContent
import BoardpackMarkdown
import BoardpackMetrics

/// Writes the embeds of one note — `{{ kpi ID }}` values and ```` ```chart ```` blocks — from
/// the figures the compute phase resolved (``NoteReport``), collecting the charts' data
/// tables as it goes.
final class NoteEmbeds {
    // A class so the closures handed to `NoteHTML.render` can record what they drew; it lives
    // only for the rendering of one note, on one thread.
    let ctx: PackContext
    let note: NoteReport
    var tables: [(title: String, table: ChartDataTable)] = []

    init(ctx: PackContext, note: NoteReport) {
        self.ctx = ctx
        self.note = note
    }

    /// The text for `{{ kpi ID }}` (the value) or `{{ kpi ID change }}` (the change), the
    /// note's reference number `index`.
    func kpiText(_ reference: InlineKPI, _ index: Int) -> String {
        guard index < note.kpis.count, let result = note.kpis[index] else { return ctx.formatter.notAvailable }
        return reference.change ? ctx.formatChange(reference.id, result: result) : ctx.format(reference.id, result.value)
    }

    /// The SVG figure for chart block `index`, or nothing when the block is invalid.
    func chartHTML(_ block: ChartBlock, _ index: Int) -> String {
        guard index < note.charts.count, let figures = note.charts[index] else { return "" }
        let id = "note-\(note.note.fileName.split(separator: ".").first ?? "x")-\(index)"
        let charts = figures.spec.render(ctx, figures, id: id)
        tables += charts.map { ($0.title, $0.table) }
        let html = charts.map { "<figure class=\"chart\">\($0.svg)</figure>" }
        return html.count == 1 ? html[0] : "<div class=\"charts-grid\">\(html.joined(separator: "\n"))</div>"
    }
}
