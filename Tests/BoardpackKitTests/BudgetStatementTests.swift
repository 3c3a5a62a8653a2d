import Testing

@testable import BoardpackContent
@testable import BoardpackMetrics

/// Budget against actual (SPEC §6 v2), worked out by hand.
@Suite struct BudgetStatementTests {
    func m(_ text: String) -> Month { Month(parsing: text)! }

    /// A fiscal year from April: 1,000 a month from April 2026, 1,300 in September, 1,600 in
    /// October; a budget of 1,100 a month.
    func cost(_ month: Month) -> Double? {
        switch month.description {
        case "2026-09": 1300
        case "2026-10": 1600
        default: month >= m("2026-04") && month <= m("2026-10") ? 1000 : nil
        }
    }

    @Test func aFiscalYearFromApril() {
        let s = BudgetStatement(period: .month(m("2026-10")), fiscalYearStart: 4, cost: cost, budget: { _ in 1100 })
        #expect(s.fiscalYear == "2026/27")
        #expect(s.periodActual == 1600 && s.periodBudget == 1100)
        // April to October: seven months, 5 × 1,000 + 1,300 + 1,600 = 7,900 against 7 × 1,100.
        #expect(s.ytdMonths == 7 && s.ytdActual == 7900 && s.ytdBudget == 7700)
        #expect(s.fullYearBudget == 13200)
        // Five months to come at the mean of August to October, (1,000 + 1,300 + 1,600) / 3 = 1,300.
        let forecast: Double = 7900 + 5 * 1300
        #expect(s.fullYearForecast == forecast)
        #expect(s.monthsWithoutBudget.isEmpty)
    }

    @Test func aYearWithMonthsWithoutBudget() {
        let s = BudgetStatement(
            period: .month(m("2026-10")), fiscalYearStart: 4, cost: cost, budget: { $0 >= self.m("2027-02") ? nil : 1100 })
        #expect(s.fullYearBudget == nil)
        #expect(s.monthsWithoutBudget == [m("2027-02"), m("2027-03")])
        #expect(s.ytdBudget == 7700)
    }

    @Test func theForecastInTheFirstAndTheLastMonth() {
        // January: 1,000 to date; November and December of the year before, 800 and 900:
        // eleven months at (800 + 900 + 1,000) / 3 = 900.
        let costs: [String: Double] = ["2025-11": 800, "2025-12": 900, "2026-01": 1000]
        let first = BudgetStatement(
            period: .month(m("2026-01")), fiscalYearStart: 1, cost: { costs[$0.description] }, budget: { _ in 1000 })
        #expect(first.fiscalYear == "2026" && first.ytdMonths == 1 && first.ytdActual == 1000)
        let forecast: Double = 1000 + 11 * 900
        #expect(first.fullYearForecast == forecast)
        // December: nothing left to forecast, the year's cost is the year to date's.
        let last = BudgetStatement(period: .month(m("2026-12")), fiscalYearStart: 1, cost: { _ in 500 }, budget: { _ in 600 })
        #expect(last.ytdMonths == 12 && last.ytdActual == 6000 && last.fullYearForecast == 6000 && last.fullYearBudget == 7200)
    }

    @Test func aQuarterAndAHoleInTheYear() {
        let q = BudgetStatement(period: Period(parsing: "2026-Q3")!, fiscalYearStart: 1, cost: cost, budget: { _ in 1100 })
        // July + August + September = 1,000 + 1,000 + 1,300.
        #expect(q.periodActual == 3300 && q.periodBudget == 3300)
        // January to March have no cost: the year to date is not known, nor the forecast.
        #expect(q.ytdActual == nil && q.fullYearForecast == nil && q.ytdMonths == 9)
    }

    @Test func aPlanForTheMonthsToComeMakesNoPackAndFillsTheYear() throws {
        // A budget for every month of 2026 (1,000 each), data to October: no pack for November
        // or December, no missing month, the full year's budget read from the plan. The
        // fiscal year starts in April (boardpack.yml), so 2026/27 lacks January to March 2027.
        let budget = (1...12).map { "2026-\($0 < 10 ? "0" : "")\($0),1000" }.joined(separator: "\n")
        var files = TestWorkspace.files(extra: ["content/units/acme/data/budget.csv": "month,marketing_budget\n\(budget)\n"])
        files["content/boardpack.yml"]! += "fiscal_year_start: 4\n"
        let site = try TestWorkspace.build(files)
        #expect(site.files["acme/2026-11/index.html"] == nil && site.files["acme/2026-10/index.html"] != nil)
        let json = try #require(site.files["acme/2026-10/metrics.json"].map { String(decoding: $0, as: UTF8.self) })
        #expect(json.contains("\"fiscal_year\": \"2026/27\""))
        #expect(json.contains("\"full_year_budget\": null"))
        // April to October: 7 months of budget; the cost is n/a (no overhead is reported).
        #expect(json.contains("\"ytd_budget\": 7000") && json.contains("\"period_budget\": 1000"))
        #expect(json.contains("\"period_actual\": null") && json.contains("\"ytd_months\": 7"))
        let page = try #require(site.files["acme/2026-10/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("No budget for January 2027 to March 2027"))
        #expect(!page.contains("no data for 2026-11"))
    }
}
