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
                + "<p class=\"empty\">\(ctx.locale.label("no_previous_pack_to_compare"))</p>\n"
        }
        let rows = ctx.report.changes.map { c -> [String] in
            let r = c.after
            let what =
                c.flipped
                ? "\(PackHTML.statusBadge(ctx, c.before.status)) → \(PackHTML.statusBadge(ctx, r.status))"
                : escapeHTML(ctx.locale.label("moved_past_the_threshold"))
            return [
                escapeHTML(ctx.kpiLabel(r.id)), escapeHTML(ctx.format(r.id, c.before.value)), escapeHTML(ctx.format(r.id, r.value)),
                escapeHTML(ctx.formatChange(r.id, result: r)), what,
            ]
        }
        if rows.isEmpty {
            return html
                + "<p class=\"empty\">\(ctx.locale.label("no_status_changed_and_no"))</p>\n"
        }
        return html
            + PackHTML.table(
                headers: [
                    "KPI", escapeHTML(ctx.periodLabel(ctx.period.advanced(by: -1))), escapeHTML(ctx.periodLabel(ctx.period)),
                    ctx.locale.label("change"), ctx.locale.label("what_changed"),
                ], rows: rows, numeric: [1, 2, 3], classes: "data changes")
    }
}
