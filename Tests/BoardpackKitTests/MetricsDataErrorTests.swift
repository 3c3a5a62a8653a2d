import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsDataErrorTests {
    @Test func measureAtTwoGrainsIsAnError() {
        let a = Fixture.file(
            "data/channels.csv", dims: ["channel"], measures: ["spend"], rows: [("2026-01", ["search"], [10])])
        let b = Fixture.file("data/totals.csv", measures: ["leads", "spend"], rows: [("2026-01", [], [5, 10])])
        let (_, d) = UnitData.aggregate([a, b], dictionary: .builtIn)
        // spend is column 3 of totals.csv (month, leads, spend).
        #expect(
            d == [
                .error(
                    "`spend` is reported by the whole unit here but by `channel` in data/channels.csv; a measure has one grain per unit (it would be counted twice)",
                    at: SourceLocation(file: "data/totals.csv", line: 1, column: 3))
            ])
    }

    @Test func duplicateRowsAcrossFilesNameBothPlaces() {
        let a = Fixture.file(
            "data/a.csv", dims: ["channel"], measures: ["spend"],
            rows: [("2026-01", ["search"], [10]), ("2026-01", ["social"], [5])])
        let b = Fixture.file(
            "data/b.csv", dims: ["channel"], measures: ["leads", "spend"],
            rows: [("2026-02", ["search"], [1, 7]), ("2026-01", ["social"], [2, 6]), ("2026-01", ["search"], [3, nil])])
        let (_, d) = UnitData.aggregate([a, b], dictionary: .builtIn)
        // b.csv line 3 (second row) repeats a.csv line 3; the empty cell on line 4 is not a report.
        #expect(
            d == [
                .error(
                    "duplicate row: `spend` for 2026-01, channel=social is reported at data/a.csv:3 and again at data/b.csv:3",
                    at: SourceLocation(file: "data/b.csv", line: 3))
            ])
    }

    @Test func duplicateDatesAndMonthOverDate() {
        let a = Fixture.file(
            "data/daily.csv", measures: ["spend"],
            rows: [("2026-01-05", [], [1]), ("2026-01-06", [], [2]), ("2026-01-05", [], [3])])
        let b = Fixture.file("data/monthly.csv", measures: ["spend"], rows: [("2026-01", [], [10])])
        let (_, d) = UnitData.aggregate([a, b], dictionary: .builtIn)
        #expect(
            d.map(\.message) == [
                "duplicate row: `spend` for 2026-01-05 is reported at data/daily.csv:2 and again at data/daily.csv:4",
                "duplicate row: `spend` for 2026-01 is reported at data/daily.csv:2 and again at data/monthly.csv:2",
            ])
    }
}
