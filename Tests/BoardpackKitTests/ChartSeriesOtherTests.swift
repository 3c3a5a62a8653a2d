import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Collapsing many series into the largest ones and "Other".
@Suite struct ChartSeriesOtherTests {
    @Test func fewSeriesStayAsTheyAre() {
        let series = (1...3).map { ChartSeries(name: "s\($0)", values: [Double($0)]) }
        #expect(ChartSeries.top(series, limit: 3, otherName: "Other") == series)
    }

    @Test func theLargestStayAndTheRestAreSummedPerPeriod() {
        let series = [
            ChartSeries(name: "a", values: [1, 1]),  // total 2
            ChartSeries(name: "b", values: [5, nil]),  // total 5
            ChartSeries(name: "c", values: [nil, 3]),  // total 3
            ChartSeries(name: "d", values: [2, nil]),  // total 2, ties with a: a keeps its place
            ChartSeries(name: "e", values: [nil, nil]),  // total 0
        ]
        let top = ChartSeries.top(series, limit: 3, otherName: "Altri")
        // Kept: b (5), c (3). Other = a + d + e: period 0 is 1 + 2 = 3, period 1 is 1.
        #expect(
            top == [
                ChartSeries(name: "b", values: [5, nil]),
                ChartSeries(name: "c", values: [nil, 3]),
                ChartSeries(name: "Altri", values: [3, 1]),
            ])
    }

    @Test func otherIsMissingWhereNoneOfTheRestIsPresent() {
        let series = [
            ChartSeries(name: "a", values: [9, 9]), ChartSeries(name: "b", values: [nil, 1]), ChartSeries(name: "c", values: [nil, 2]),
        ]
        // Kept: a. Other = b + c: period 0 has neither (n/a), period 1 is 1 + 2 = 3.
        #expect(ChartSeries.top(series, limit: 2, otherName: "Other").last == ChartSeries(name: "Other", values: [nil, 3]))
    }
}
