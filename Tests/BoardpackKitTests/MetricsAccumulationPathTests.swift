import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The shortcuts of the aggregation pass give what the general code gives: a measure read from
/// one file whose rows are distinct is summed without duplicate checks, and rows are grouped
/// by month by counting.
@Suite struct MetricsAccumulationPathTests {
    /// A random file: month or date grain, one or two dimensions, empty cells, and now and then
    /// a row repeated (so that some files have duplicates and some do not).
    func randomFile(_ random: inout SplitMix, dated: Bool, dims: [String]) -> DataFile {
        var rows: [(String, [String], [Double?])] = []
        for _ in 0..<Int.random(in: 1..<80, using: &random) {
            let month = Int.random(in: 1...4, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            let period = "2026-0\(month)" + (dated ? "-\(day < 10 ? "0" : "")\(day)" : "")
            let labels = dims.map { _ in ["a", "b", "c"].randomElement(using: &random)! }
            let values: [Double?] = (0..<2).map { _ in
                Int.random(in: 0..<5, using: &random) == 0 ? nil : Double(Int.random(in: -50...500, using: &random)) / 4
            }
            rows.append((period, labels, values))
            if Int.random(in: 0..<40, using: &random) == 0 { rows.append(rows[Int.random(in: 0..<rows.count, using: &random)]) }
        }
        return Fixture.file(dims: dims, measures: ["spend", "leads"], rows: rows)
    }

    @Test func distinctRowsSumAsWithChecks() {
        var random = SplitMix(state: 3)
        var unchecked = 0
        for iteration in 0..<300 {
            let dims = iteration % 3 == 0 ? [] : (iteration % 3 == 1 ? ["channel"] : ["channel", "store"])
            let file = randomFile(&random, dated: iteration % 2 == 0, dims: dims)
            let months = file.months
            let first = months.min()!
            let layout = GrainLayout(files: [file], firstMonth: first, monthCount: months.max()!.index - first.index + 1)
            let rowCells = MeasureAccumulator.rowCells(of: 0, in: [file], layout: layout)
            let grain = layout.grainKey[0]
            let cellCount = (layout.combos[grain]?.count ?? 1) * layout.monthCount
            // The reference: the set of (cell, day) keys has a repeat.
            var keys = Set<[Int]>()
            var repeated = false
            for r in 0..<file.rowCount where !keys.insert([Int(rowCells[r]), Int(file.days[r])]).inserted { repeated = true }
            let distinct = MeasureAccumulator.rowsAreDistinct(file, rowCells: rowCells, cellCount: cellCount)
            #expect(distinct == !repeated)
            guard distinct else { continue }
            unchecked += 1
            for aggregation: MeasureDefinition.Aggregation in [.sum, .last, .mean(weight: "leads"), .mean(weight: nil)] {
                func cells(checked: Bool) -> [MeasureAccumulator.Cell] {
                    var accumulator = MeasureAccumulator(
                        measure: "spend", aggregation: aggregation, grain: grain, layout: layout, files: [file])
                    var diagnostics: [Diagnostic] = []
                    accumulator.accumulate(file: 0, column: 0, rowCells: rowCells, checked: checked, into: &diagnostics)
                    #expect(diagnostics.isEmpty)
                    return accumulator.cells
                }
                let slow = cells(checked: true)
                let fast = cells(checked: false)
                // The aggregates, bit for bit (the duplicate bookkeeping differs on purpose).
                #expect(fast.map(\.agg) == slow.map(\.agg), "\(aggregation)")
                #expect(fast.map(\.agg.sum.bitPattern) == slow.map(\.agg.sum.bitPattern))
            }
        }
        #expect(unchecked > 30, "enough files without duplicates to compare")
    }

    @Test func duplicatesAreStillReported() throws {
        // A repeated row in a file that alone reports the measure: the checked path runs.
        let file = Fixture.file(
            dims: ["channel"], measures: ["spend"],
            rows: [("2026-01-05", ["web"], [1]), ("2026-01-06", ["web"], [2]), ("2026-01-05", ["web"], [3])])
        let (_, diagnostics) = UnitData.aggregate([file], dictionary: .builtIn)
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("duplicate row: `spend` for 2026-01-05, channel=web") })
    }

    @Test func rowsGroupByMonthInAnyOrder() {
        var random = SplitMix(state: 9)
        for iteration in 0..<200 {
            var months = (0..<Int.random(in: 0..<60, using: &random)).map { _ in
                Month(year: 2026, month: Int.random(in: 1...6, using: &random))
            }
            if iteration % 2 == 0 { months.sort() }
            let file = DataFile(
                path: "d.csv", sha256: "", grain: .month, dimensions: [], measures: [], months: months,
                days: months.map { _ in 0 }, lines: months.indices.map { Int32($0 + 2) }, dimensionValues: [],
                dimensionLabels: [], measureValues: [], measureColumns: [], dimensionColumns: [])
            let first = Month(year: 2026, month: 1)
            let groups = UnitData.rowsByMonth(of: file, firstMonth: months.isEmpty ? nil : first, monthCount: 6)
            let expected =
                months.isEmpty
                ? Array(repeating: [], count: 6)
                : (0..<6).map { o in months.indices.filter { months[$0].index - first.index == o }.map { Int32($0) } }
            #expect(groups == expected, "\(months)")
        }
    }
}
