import BoardpackContent
import BoardpackMetrics

/// A quarterly pack's headline and sector KPIs month by month beside the quarter (SPEC §6
/// v2), each month's status as its own pack judged it: a bad month is not averaged away.
enum QuarterMonths {
    static func render(_ ctx: PackContext) -> HTMLBuffer {
        let months = ctx.report.months
        guard months.count == ctx.period.monthCount, months.count > 1 else { return HTMLBuffer() }
        let unit = ctx.report.unit
        let headline = unit.unit.config.headline
        let ids = headline + unit.applicableKPIs.filter { $0.sectors != nil && !headline.contains($0.id) }.map(\.id)
        var rows: [[PackHTML.Cell]] = []
        for id in ids {
            guard let quarter = ctx.pack[kpi: id] else { continue }
            var row: [PackHTML.Cell] = [.text(ctx.kpiLabel(id))]
            for (_, metrics) in months {
                guard let r = metrics[kpi: id] else {
                    row.append(.text(ctx.formatter.notAvailable))
                    continue
                }
                var cell: HTMLBuffer = "\(ctx.format(id, r.value))"
                if r.status == .red || r.status == .amber { cell += " \(PackHTML.statusBadge(ctx, r))" }
                row.append(.markup(cell))
            }
            var total: HTMLBuffer = "<strong>\(ctx.format(id, quarter.value))</strong>"
            if quarter.status != .none { total += " \(PackHTML.statusBadge(ctx, quarter))" }
            row.append(.markup(total))
            rows.append(row)
        }
        guard !rows.isEmpty else { return HTMLBuffer() }
        var html = HTMLBuffer()
        html += "<h3>\(ctx.label("quarter_by_month"))</h3>\n"
        let headers =
            [PackHTML.Cell.text("KPI")] + months.map { .text(ctx.formatter.period(.month($0.month))) } + [
                .text(ctx.periodLabel(ctx.period))
            ]
        PackHTML.table(into: &html, headers: headers, rows: rows, numeric: Set(1...months.count + 1), classes: "data quarter-months")
        return html
    }
}
