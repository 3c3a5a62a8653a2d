/// The appendix: every KPI's definition and formula, the data behind each chart, and the
/// data files read with their SHA-256 — the provenance a board secretary signs off.
enum AppendixSection {
    static func render(_ ctx: PackContext, chartTables: [(title: String, table: ChartDataTable)], notesHTML: String) -> SectionOutput {
        var html = notesHTML
        html += "<h3>\(ctx.locale.text(en: "Definitions", it: "Definizioni"))</h3>\n<dl class=\"definitions\">\n"
        for kpi in ctx.metrics.applicableKPIs {
            html += "<div id=\"def-\(kpi.id)\"><dt>\(escapeHTML(kpi.label.text(for: ctx.locale.rawValue))) <code>\(kpi.id)</code></dt>"
            html += "<dd>\(escapeHTML(kpi.definition.text(for: ctx.locale.rawValue)))<br><code>\(escapeHTML(kpi.id)) = \(escapeHTML(kpi.formula))</code></dd></div>\n"
        }
        html += "</dl>\n"
        if !chartTables.isEmpty {
            html += "<h3>\(ctx.locale.text(en: "Chart data", it: "Dati dei grafici"))</h3>\n"
            for (title, table) in chartTables {
                html += PackHTML.table(
                    caption: escapeHTML(title), headers: table.headers.map { escapeHTML($0) },
                    rows: table.rows.map { $0.map { escapeHTML($0) } }, numeric: Set(1..<max(1, table.headers.count)), classes: "data chart-data")
            }
        }
        html += dataFiles(ctx)
        return SectionOutput(html: html)
    }

    static func dataFiles(_ ctx: PackContext) -> String {
        let rows = ctx.unit.dataFiles.map { file in
            [escapeHTML(file.path.split(separator: "/").suffix(2).joined(separator: "/")), ctx.formatter.count(Double(file.rowCount)), "<span class=\"mono\">\(file.sha256)</span>"]
        }
        return "<h3>\(ctx.label("data_files"))</h3>\n"
            + PackHTML.table(headers: [ctx.label("file"), ctx.label("rows"), ctx.label("sha256")], rows: rows, numeric: [1], classes: "data files")
    }
}
