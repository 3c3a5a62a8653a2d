import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsPeriodTests {
    @Test func parsingAndPrinting() {
        #expect(Period(parsing: "2026-10") == .month(Month(year: 2026, month: 10)))
        #expect(Period(parsing: "2026-Q4") == .quarter(year: 2026, quarter: 4))
        #expect(Period(parsing: "2026-Q5") == nil)
        #expect(Period(parsing: "2026-q1") == nil)
        #expect(Period(parsing: "26-Q1") == nil)
        #expect(Period.quarter(year: 2026, quarter: 4).description == "2026-Q4")
        #expect(Period.quarter(year: 2026, quarter: 4).kind == "quarter")
        #expect(Period.quarter(year: 2026, quarter: 1).months.map(\.description) == ["2026-01", "2026-02", "2026-03"])
        #expect(Period.quarter(year: 2026, quarter: 1).previous == .quarter(year: 2025, quarter: 4))
        #expect(Period.quarter(year: 2026, quarter: 1).yearAgo == .quarter(year: 2025, quarter: 1))
        #expect(Fixture.month("2026-01").yearAgo == Fixture.month("2025-01"))
    }

    @Test func packsForTwentyFourMonthsWithArchiveTwelve() {
        // Data 2024-11 … 2026-10 (24 months). Monthly: the last 12, 2025-11 … 2026-10.
        let months = (0..<24).map { Month(year: 2024, month: 11).advanced(by: $0) }
        let packs = PackPeriods(monthsWithData: months, archiveMonths: 12)
        #expect(packs.monthly.first == Fixture.month("2025-11"))
        #expect(packs.monthly.last == Fixture.month("2026-10"))
        #expect(packs.monthly.count == 12)
        // Quarters complete and ending in the window: Q4 2025 (Dec), Q1–Q3 2026; Q4 2026 lacks Nov, Dec.
        #expect(packs.quarterly.map(\.description) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
    }

    @Test func quarterNeedsAllThreeMonths() {
        // A gap in 2026-05 removes 2026-Q2; the window counts months with data, not calendar months.
        let months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-06"].map { Month(parsing: $0)! }
        let packs = PackPeriods(monthsWithData: months, archiveMonths: 3)
        #expect(packs.monthly.map(\.description) == ["2026-03", "2026-04", "2026-06"])
        #expect(packs.quarterly.map(\.description) == ["2026-Q1"])
        #expect(packs.all.map(\.description) == ["2026-03", "2026-Q1", "2026-04", "2026-06"])
    }
}
