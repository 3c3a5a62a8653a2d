import BoardpackMetrics

/// The executive summary's commentary sentences and the *What changed* list since the
/// previous pack (status flips and moves past the commentary threshold).
enum ChangeSection {
    /// The commentary: one sentence per headline KPI that moved past the threshold.
    static func commentary(_ ctx: PackContext) -> HTMLBuffer {
        let sentences = ctx.report.commentary
        guard !sentences.isEmpty else { return HTMLBuffer() }
        return "<div class=\"commentary\">\n\(sentences.map { "<p>\($0)</p>\n" as HTMLBuffer }.joined())</div>\n"
    }

    /// KPIs whose status flipped since the previous pack, and every notable move.
    static func whatChanged(_ ctx: PackContext) -> HTMLBuffer {
        var html: HTMLBuffer = "<h3 id=\"what-changed\">\(ctx.label("what_changed"))</h3>\n"
        guard ctx.previousPack != nil else {
            html += "<p class=\"empty\">\(ctx.locale.label("no_previous_pack_to_compare"))</p>\n"
            return html
        }
        let rows = ctx.report.changes.map { c -> [PackHTML.Cell] in
            let r = c.after
            let what: PackHTML.Cell =
                c.flipped
                ? .markup("\(PackHTML.statusBadge(ctx, c.before)) → \(PackHTML.statusBadge(ctx, r))")
                : .text(ctx.locale.label("moved_past_the_threshold"))
            // c.before.value is r.previous: the row shows both beside their change.
            let extra = ctx.sideBySideDigits(r.id, r), format = ctx.valueFormat(r.id)
            return [
                .text(ctx.kpiLabel(r.id)), .text(format.format(c.before.value, locale: ctx.locale, extraDigits: extra)),
                .text(format.format(r.value, locale: ctx.locale, extraDigits: extra)),
                .text(ctx.formatChange(r.id, result: r, extraDigits: extra)), what,
            ]
        }
        if rows.isEmpty {
            html += "<p class=\"empty\">\(ctx.locale.label("no_status_changed_and_no"))</p>\n"
            return html
        }
        html +=
            PackHTML.table(
                headers: [
                    .text("KPI"), .text(ctx.periodLabel(ctx.period.advanced(by: -1))), .text(ctx.periodLabel(ctx.period)),
                    .text(ctx.locale.label("change")), .text(ctx.locale.label("what_changed")),
                ], rows: rows, numeric: [1, 2, 3], classes: "data changes")
        return html
    }
}
