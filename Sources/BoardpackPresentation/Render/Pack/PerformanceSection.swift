import BoardpackContent
import BoardpackMetrics

/// Performance: every KPI of the dictionary that applies to the unit, in three tables by
/// level (strategic, performance, operational).
enum PerformanceSection {
    /// The tables of `levels` (a board build leaves the operational level to the appendix).
    static func render(_ ctx: PackContext, levels: [KPIDefinition.Level] = KPIDefinition.Level.allCases) -> SectionOutput {
        var html = HTMLBuffer(capacity: 16_384)
        // Sector KPIs are shown with their playbook.
        let byLevel = Dictionary(grouping: ctx.report.unit.applicableKPIs.filter { $0.sectors == nil }, by: \.level)
        for level in levels {
            guard let kpis = byLevel[level], !kpis.isEmpty else { continue }
            let title = levelTitle(ctx, level)
            html += "<h3>\(title)</h3>\n"
            kpiTable(into: &html, ctx, ids: kpis.map(\.id), caption: nil)
        }
        if ctx.pack.kpis.contains(where: \.partial) {
            html +=
                "<p class=\"legend\">\(PackHTML.partialMark(ctx)) \(ctx.locale.label("partial_figure_some_rows_of"))</p>\n"
        }
        return SectionOutput(html: html)
    }

    static func levelTitle(_ ctx: PackContext, _ level: KPIDefinition.Level) -> String {
        switch level {
        case .strategic: ctx.locale.label("strategic_kpis")
        case .performance: ctx.locale.label("performance_kpis")
        case .operational: ctx.locale.label("operational_kpis")
        }
    }

    /// The KPI table: value, previous, change, year ago, target, status. The rows are written
    /// in place, as ``PackHTML/table(into:caption:headers:rows:numeric:classes:)`` writes them
    /// (columns 1 to 5 numeric).
    static func kpiTable(into html: inout HTMLBuffer, _ ctx: PackContext, ids: [String], caption: PackHTML.Cell?) {
        let headers = [
            "KPI", ctx.periodLabel(ctx.period), ctx.locale.label("previous"),
            ctx.locale.label("change"), ctx.locale.label("year_ago"),
            ctx.locale.label("target"), ctx.locale.label("status"),
        ].map(PackHTML.Cell.text)
        html.reserve(ids.count * 480 + 512)
        PackHTML.tableHead(
            into: &html, caption: caption, headers: headers,
            isNumeric: [false, true, true, true, true, true, false], classes: "data kpis")
        for id in ids {
            guard let r = ctx.pack[kpi: id] else { continue }
            let format = ctx.valueFormat(id)
            // The value, the previous value and the change in points between them agree
            // (SPEC §3.4 rule 9): one number of extra digits for all three.
            let extra = ctx.sideBySideDigits(id, r)
            func number(_ value: Double?) {
                html.append(literal: "<td class=\"num\">")
                html.appendEscaped(format.format(value, locale: ctx.locale, extraDigits: extra))
            }
            html.append(literal: "<tr data-kpi=\"")
            html.appendEscaped(id)
            html.append(literal: "\"><th scope=\"row\"><a href=\"#def-")
            html.appendEscaped(id)
            html.append(literal: "\">")
            html.appendEscaped(ctx.kpiLabel(id))
            html.append(literal: "</a></th>")
            number(r.value)
            if r.partial { html += PackHTML.partialMark(ctx) }
            html.append(literal: "</td>")
            number(r.previous)
            html.append(literal: "</td><td class=\"num\">")
            html.appendEscaped(ctx.formatChange(id, result: r, extraDigits: extra))
            html.append(literal: "</td>")
            number(r.yearAgo)
            html.append(literal: "</td>")
            if let target = r.target {
                html.append(literal: "<td class=\"num\">")
                html.appendEscaped(ctx.formatTarget(id, target))
            } else {
                html.append(literal: "<td class=\"num\">—")
            }
            html.append(literal: "</td><td>")
            html += PackHTML.statusBadge(ctx, r)
            html.append(literal: "</td></tr>\n")
        }
        PackHTML.tableEnd(into: &html)
    }
}
