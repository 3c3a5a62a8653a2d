import BoardpackMetrics

/// The executive summary's commentary sentences and the *What changed* list since the
/// previous pack (status flips and moves past the commentary threshold).
enum ChangeSection {
    /// The commentary: one sentence per headline KPI that moved past the threshold.
    static func commentary(_ ctx: PackContext) -> String {
        let sentences = ctx.report.commentary
        guard !sentences.isEmpty else { return "" }
        return "<div class=\"commentary\">\n" + sentences.map { "<p>\(escapeHTML($0))</p>\n" }.joined() + "</div>\n"
    }

    /// KPIs whose status flipped since the previous pack, and every notable move.
    static func whatChanged(_ ctx: PackContext) -> String {
        let html = "<h3 id=\"what-changed\">\(ctx.label("what_changed"))</h3>\n"
        guard ctx.previousPack != nil else {
            return html
                + "<p class=\"empty\">\(ctx.locale.text(en: "No previous pack to compare with.", it: "Nessun pack precedente con cui confrontare."))</p>\n"
        }
        let rows = ctx.report.changes.map { c -> [String] in
            let r = c.after
            let what =
                c.flipped
                ? "\(PackHTML.statusBadge(ctx, c.before.status)) → \(PackHTML.statusBadge(ctx, r.status))"
                : escapeHTML(ctx.locale.text(en: "moved past the threshold", it: "variazione oltre la soglia"))
            return [
                escapeHTML(ctx.kpiLabel(r.id)), escapeHTML(ctx.format(r.id, c.before.value)), escapeHTML(ctx.format(r.id, r.value)),
                escapeHTML(ctx.formatChange(r.id, result: r)), what,
            ]
        }
        if rows.isEmpty {
            return html
                + "<p class=\"empty\">\(ctx.locale.text(en: "No status changed and no KPI moved past the threshold.", it: "Nessuno stato è cambiato e nessun KPI ha superato la soglia."))</p>\n"
        }
        return html
            + PackHTML.table(
                headers: [
                    "KPI", escapeHTML(ctx.periodLabel(ctx.period.advanced(by: -1))), escapeHTML(ctx.periodLabel(ctx.period)),
                    ctx.locale.text(en: "Change", it: "Variazione"), ctx.locale.text(en: "What changed", it: "Cosa è cambiato"),
                ], rows: rows, numeric: [1, 2, 3], classes: "data changes")
    }
}
