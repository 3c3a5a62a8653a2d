import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsDataQualityTests {
    private func findings(_ files: [DataFile], tolerance: Double = 0.1) -> [DataQualityFinding] {
        let (data, d) = UnitData.aggregate(files, dictionary: .builtIn)
        #expect(d.isEmpty)
        return DataQuality.check(data, dictionary: .builtIn, tolerance: tolerance)
    }

    @Test func rowFunnelAndNegatives() {
        let f = Fixture.file(
            "data/m.csv", measures: ["impressions", "clicks", "spend"],
            rows: [("2026-01", [], [100, 120, 5]), ("2026-02", [], [100, 50, -3])])
        let d = findings([f]).map(\.diagnostic)
        // Row findings point at the row (lines 2 and 3); the message names the column.
        #expect(
            d == [
                .warning("funnel widens: `clicks` (120) exceeds `impressions` (100)", at: SourceLocation(file: "data/m.csv", line: 2)),
                .warning("negative `spend` (-3)", at: SourceLocation(file: "data/m.csv", line: 3)),
            ])
    }

    @Test func periodFunnelAcrossFiles() {
        let a = Fixture.file("data/a.csv", measures: ["leads"], rows: [("2026-01", [], [10])])
        let b = Fixture.file(
            "data/b.csv", dims: ["channel"], measures: ["qualified_leads"],
            rows: [("2026-01", ["x"], [6]), ("2026-01", ["y"], [6])])
        // 6 + 6 = 12 qualified > 10 leads.
        #expect(findings([a, b]).map(\.diagnostic.message) == ["funnel widens in 2026-01: `qualified_leads` (12) exceeds `leads` (10)"])
    }

    @Test func missingMonthOutlierAndBudget() {
        var rows: [(String, [String], [Double?])] = []
        // spend 10 a month Jan–Mar 2025, nothing in April, 60 in May (> 5 × median 10), budget 50.
        for m in ["2025-01", "2025-02", "2025-03"] { rows.append((m, [], [10, 50])) }
        rows.append(("2025-05", [], [60, 50]))
        let found = findings([Fixture.file("data/u/m.csv", measures: ["spend", "marketing_budget"], rows: rows)])
        #expect(found.map(\.check) == [.missingMonth, .budget, .outlier])
        #expect(found[0].diagnostic.message == "no data for 2025-04, between the first and the last month of data")
        #expect(found[0].diagnostic.location == SourceLocation(file: "data/u"))
        // 60 > 50 · 1.1 = 55.
        #expect(found[1].month == Month(year: 2025, month: 5))
        #expect(found[2].diagnostic.location == SourceLocation(file: "data/u/m.csv", line: 5))
        #expect(found[2].diagnostic.message.hasPrefix("possible outlier: the unit's `spend` in 2025-05 totals 60"))
    }
}
