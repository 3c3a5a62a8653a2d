import BoardpackContent
import BoardpackMarkdown
import BoardpackMetrics
import BoardpackSupport

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

    /// The stem of a note's element ids: `note-` and the file name without `.md` when that is
    /// plain ASCII (`note-2026-10-summary`, stable in diffs); otherwise, and for another
    /// extension (`.MD`), an ASCII slug with eight hex digits of the name's SHA-256, so names
    /// that differ only in accents or case of the extension never share an id.
    static func idStem(_ fileName: String) -> String {
        let safe: (UInt8) -> Bool = {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        if fileName.hasSuffix(".md") {
            let stem = fileName.utf8.dropLast(3)
            if !stem.isEmpty && stem.allSatisfy(safe) { return "note-" + String(decoding: stem, as: UTF8.self) }
        }
        let slug = String(decoding: fileName.utf8.map { safe($0) ? $0 : UInt8(ascii: "-") }.prefix(40), as: UTF8.self)
        return "note-\(slug)-\(SHA256Hex.of(Array(fileName.utf8)).prefix(8))"
    }

    /// The SVG figure for chart block `index`, or nothing when the block is invalid.
    func chartHTML(_ block: ChartBlock, _ index: Int) -> String {
        guard index < note.charts.count, let figures = note.charts[index] else { return "" }
        let id = "\(Self.idStem(note.note.fileName))-\(index)"
        let charts = figures.spec.render(ctx, figures, id: id)
        tables += charts.map { ($0.title, $0.table) }
        // A chart of one KPI names it (`data-kpi`, the markup contract of SPEC §6).
        let kpis = figures.spec.kpis
        let named = kpis.count == 1 && ctx.pack[kpi: kpis[0]] != nil ? " data-kpi=\"\(kpis[0])\"" : ""
        let html = charts.map { "<figure class=\"chart\"\(named)>\($0.svg)</figure>" }
        return html.count == 1 ? html[0] : "<div class=\"charts-grid\">\(html.joined(separator: "\n"))</div>"
    }
}
