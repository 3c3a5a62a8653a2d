import BoardpackContent
import BoardpackMetrics

/// Budget against actual (SPEC §6 v2): the period, the fiscal year to date and the full year
/// (its forecast against its budget), the variance in money and in percent, and the months
/// the plan lacks.
enum BudgetTable {
    static func render(_ ctx: PackContext, _ s: BudgetStatement) -> HTMLBuffer {
        let f = ctx.formatter
        let code = ctx.unit.config.currency
        func money(_ v: Double?) -> String { f.currency(v, code: code, fractionDigits: 0) }
        func row(_ label: String, _ actual: Double?, _ budget: Double?) -> [PackHTML.Cell] {
            let variance = actual.flatMap { a in budget.map { a - $0 } }
            let share = variance.flatMap { v in budget.flatMap { $0 != 0 ? v / $0 : nil } }
            return [
                .text(label), .text(money(actual)), .text(money(budget)), .text(f.signedCurrency(variance, code: code)),
                .text(f.relativeChange(share)),
            ]
        }
        var html = HTMLBuffer()
        guard s.monthsWithoutBudget.count < 12 else {
            // No plan at all: nothing to set the cost against.
            html += "<p class=\"empty\">\(ctx.label("budget_none"))</p>\n"
            return html
        }
        let rows = [
            row(ctx.periodLabel(ctx.period), s.periodActual, s.periodBudget),
            row(
                ctx.label(s.ytdMonths == 1 ? "budget_year_to_date_one" : "budget_year_to_date", ["months": f.count(Double(s.ytdMonths))]),
                s.ytdActual, s.ytdBudget),
            row(ctx.label("budget_full_year"), s.fullYearForecast, s.fullYearBudget),
        ]
        PackHTML.table(
            into: &html, caption: .text(ctx.label("budget_caption", ["year": s.fiscalYear])),
            headers: [
                .text(""), .text(ctx.label("budget_actual")), .text(ctx.label("budget_budget")), .text(ctx.label("budget_variance")),
                .text(ctx.label("budget_variance_share")),
            ], rows: rows, numeric: [1, 2, 3, 4], classes: "data budget")
        if !s.monthsWithoutBudget.isEmpty {
            // Runs of months as ranges: "January 2027 to March 2027".
            var runs: [[Month]] = []
            for m in s.monthsWithoutBudget {
                if let last = runs.last?.last, last.advanced(by: 1) == m { runs[runs.count - 1].append(m) } else { runs.append([m]) }
            }
            let months = runs.map { run in
                run.count == 1
                    ? f.period(.month(run[0]))
                    : ctx.label("months_from_to", ["first": f.period(.month(run[0])), "last": f.period(.month(run[run.count - 1]))])
            }
            html += "<p class=\"legend\">\(ctx.label("budget_months_missing", ["months": ctx.list(months)]))</p>\n"
        }
        return html
    }
}
