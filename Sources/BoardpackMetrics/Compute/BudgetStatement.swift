import BoardpackContent

/// Marketing cost against the marketing budget (SPEC §6 v2): for the pack's period, for the
/// fiscal year to date and for the full fiscal year, with a forecast of the year's cost.
package struct BudgetStatement: Sendable, Equatable {
    /// `2026` for a fiscal year starting in January 2026, `2026/27` for one starting in any
    /// other month of 2026.
    package var fiscalYear: String
    package var periodActual: Double?
    package var periodBudget: Double?
    package var ytdActual: Double?
    package var ytdBudget: Double?
    /// The months from the fiscal year's first to the period's last.
    package var ytdMonths: Int
    /// The budget of the fiscal year's twelve months; n/a when a month has none.
    package var fullYearBudget: Double?
    /// The year-to-date cost plus, for each month of the fiscal year after the period, the
    /// mean cost of the last three months up to the period's end (over those available).
    package var fullYearForecast: Double?
    /// The months of the fiscal year without a budget, oldest first.
    package var monthsWithoutBudget: [Month]

    /// The statement of the pack of `period`; `fiscalYearStart` is a month number (1–12).
    /// `cost(m)` is the month's marketing cost (nothing after the period is read), `budget(m)`
    /// its budget (a plan: read for the months to come as well).
    package init(period: Period, fiscalYearStart: Int, cost: (Month) -> Double?, budget: (Month) -> Double?) {
        let last = period.lastMonth
        let startYear = last.month >= fiscalYearStart ? last.year : last.year - 1
        let start = Month(year: startYear, month: fiscalYearStart)
        let year = (0..<12).map { start.advanced(by: $0) }
        let next = (startYear + 1) % 100
        fiscalYear = fiscalYearStart == 1 ? "\(startYear)" : "\(startYear)/\(next < 10 ? "0" : "")\(next)"
        func sum(_ values: [Double?]) -> Double? {
            values.reduce(Double?.some(0)) { total, value in total.flatMap { t in value.map { t + $0 } } }
        }
        periodActual = sum(period.months.map(cost))
        periodBudget = sum(period.months.map(budget))
        let toDate = year.filter { $0 <= last }
        ytdMonths = toDate.count
        ytdActual = sum(toDate.map(cost))
        ytdBudget = sum(toDate.map(budget))
        let budgets = year.map(budget)
        monthsWithoutBudget = zip(year, budgets).filter { $0.1 == nil }.map(\.0)
        fullYearBudget = sum(budgets)
        let recent = (0..<3).compactMap { cost(last.advanced(by: -$0)) }
        let remaining = 12 - ytdMonths
        if let ytdActual, remaining == 0 || !recent.isEmpty {
            fullYearForecast = ytdActual + (remaining == 0 ? 0 : Double(remaining) * recent.reduce(0, +) / Double(recent.count))
        } else {
            fullYearForecast = nil
        }
    }
}
