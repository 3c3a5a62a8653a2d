/// The executive summary's headline tiles: value, change, versus a year ago, target and
/// status (word, shape and colour), and a 12-period sparkline.
enum SummarySection {
    static let sparklinePeriods = PackContext.trendPeriods

    /// `idPrefix` keeps SVG ids unique when several units' tiles share a page.
    static func tiles(_ ctx: PackContext, idPrefix: String = "") -> SectionOutput {
        var html = "<div class=\"tiles\">\n"
        for id in ctx.unit.config.headline {
            guard let result = ctx.pack[kpi: id] else { continue }
            html += tile(ctx, id: id, result: result, idPrefix: idPrefix)
        }
        return SectionOutput(html: html + "</div>\n")
    }

    static func tile(_ ctx: PackContext, id: String, result: KPIResult, idPrefix: String) -> String {
        let label = escapeHTML(ctx.kpiLabel(id))
        let series = ctx.trend(id)
        let spark = Sparkline(
            id: "\(idPrefix)spark-\(id)",
            title: ctx.locale.text(
                en: "\(ctx.kpiLabel(id)), last \(sparklinePeriods) periods", it: "\(ctx.kpiLabel(id)), ultimi \(sparklinePeriods) periodi"),
            periods: series.map { ctx.shortPeriodLabel($0.period) }, values: series.map(\.value), target: result.target,
            valueFormat: ctx.valueFormat(id), locale: ctx.locale)
        let partial = result.partial ? PackHTML.partialMark(ctx) : ""
        var html = "<article class=\"tile \(PackHTML.statusClass(result.status))\">\n"
        html += "<h3 class=\"tile-label\">\(label)</h3>\n"
        html += "<p class=\"tile-value\">\(escapeHTML(ctx.format(id, result.value)))\(partial)</p>\n"
        html += "<p class=\"tile-status\">\(PackHTML.statusBadge(ctx, result.status))</p>\n"
        html += "<dl class=\"tile-facts\">\n"
        html +=
            "<div><dt>\(ctx.locale.text(en: "vs previous", it: "vs precedente"))</dt><dd>\(escapeHTML(ctx.formatChange(id, result: result)))</dd></div>\n"
        html +=
            "<div><dt>\(ctx.locale.text(en: "vs year ago", it: "vs anno prec."))</dt><dd>\(escapeHTML(ctx.formatYoY(id, result: result)))</dd></div>\n"
        if let target = result.target {
            html += "<div><dt>\(ctx.locale.text(en: "target", it: "obiettivo"))</dt><dd>\(escapeHTML(ctx.format(id, target)))</dd></div>\n"
        }
        html += "</dl>\n<div class=\"tile-spark\">\(spark.svg())</div>\n</article>\n"
        return html
    }
}

/// Small HTML pieces every section shares: status badges, partial marks, tables.
enum PackHTML {
    static func statusClass(_ status: KPIStatus) -> String { "status-\(status.rawValue)" }

    /// A status as a word with a shape, so it never rests on colour alone.
    static func statusBadge(_ ctx: PackContext, _ status: KPIStatus, word: String? = nil) -> String {
        let shape: String =
            switch status {
            case .green: "●"
            case .amber: "▲"
            case .red: "■"
            case .none, .na: "○"
            }
        return
            "<span class=\"badge \(statusClass(status))\"><span aria-hidden=\"true\">\(shape)</span> \(escapeHTML(word ?? ctx.statusWord(status)))</span>"
    }

    /// The mark on a partial figure, explained in the legend under the tables.
    static func partialMark(_ ctx: PackContext) -> String {
        "<abbr class=\"partial\" title=\"\(ctx.locale.text(en: "partial: some rows did not report this figure", it: "parziale: alcune righe non riportano il dato"))\">*</abbr>"
    }

    /// A data table: headers and rows of already-escaped cells; `numeric` columns align right.
    static func table(
        caption: String? = nil, headers: [String], rows: [[String]], numeric: Set<Int> = [], classes: String = "data"
    ) -> String {
        var html = "<div class=\"table-wrap\"><table class=\"\(classes)\">\n"
        if let caption { html += "<caption>\(caption)</caption>\n" }
        html += "<thead><tr>"
        for (i, h) in headers.enumerated() { html += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(h)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    html += "<th scope=\"row\">\(cell)</th>"
                } else {
                    html += "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(cell)</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
