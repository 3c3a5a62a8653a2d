/// A visible note rendered for a pack: its HTML with charts and KPI values put in place.
public struct NoteHTML: Sendable {
    public var note: Note
    public var html: String
    public var tasks: [TaskItem]
    /// Time spent in `Markdown.render` for this note, for `build --timings`.
    public var markdownNanoseconds: UInt64 = 0

    /// Renders `note`, asking `kpi` and `chart` for the text that replaces each embed.
    /// `kpi` returns plain text (escaped here); `chart` returns trusted SVG/HTML.
    public static func render(
        _ note: Note, index: Int,
        kpi: (InlineKPI) -> String, chart: (ChartBlock, Int) -> String
    ) -> (NoteHTML, [Diagnostic]) {
        let doc = Markdown.render(note.body, path: note.path, firstLine: note.bodyLine, idPrefix: "note-\(index)")
        var html = doc.html
        for (i, reference) in doc.kpis.enumerated() {
            let text = "<span class=\"kpi-inline\">\(escapeHTML(kpi(reference)))</span>"
            html = html.replacingBytes(Markdown.placeholder(kind: "kpi", index: i), with: text)
        }
        for (i, block) in doc.charts.enumerated() {
            // The chart replaced a whole code block, which cmark wrapped in a paragraph.
            let marker = Markdown.placeholder(kind: "chart", index: i)
            let figure = chart(block, i)
            html = html.replacingBytes("<p>\(marker)</p>", with: figure)
            html = html.replacingBytes(marker, with: figure)
        }
        return (NoteHTML(note: note, html: html, tasks: doc.tasks, markdownNanoseconds: doc.nanoseconds), doc.diagnostics)
    }
}
