import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Builds `DataFile` values by hand for the metrics tests.
enum Fixture {
    /// A file whose rows are `(period, dimension values, measure values)`; `nil` is an empty cell.
    /// Periods are `YYYY-MM` (month grain) or `YYYY-MM-DD` (date grain). Rows start on line 2.
    static func file(
        _ path: String = "data/a.csv", dims: [String] = [], measures: [String],
        rows: [(String, [String], [Double?])]
    ) -> DataFile {
        let dated = rows.first.map { $0.0.count == 10 } ?? false
        var labels = Array(repeating: [String](), count: dims.count)
        var dimValues = Array(repeating: [Int32](), count: dims.count)
        var values = Array(repeating: [Double](), count: measures.count)
        var months: [Month] = []
        var days: [UInt8] = []
        for (period, dv, mv) in rows {
            months.append(Month(parsing: period.prefix(7))!)
            days.append(dated ? UInt8(period.suffix(2))! : 0)
            for (d, v) in dv.enumerated() {
                if let i = labels[d].firstIndex(of: v) {
                    dimValues[d].append(Int32(i))
                } else {
                    dimValues[d].append(Int32(labels[d].count))
                    labels[d].append(v)
                }
            }
            for (m, v) in mv.enumerated() { values[m].append(v ?? .nan) }
        }
        return DataFile(
            path: path, sha256: "", grain: dated ? .date : .month, dimensions: dims, measures: measures,
            months: months, days: days, lines: (0..<rows.count).map { Int32($0 + 2) }, dimensionValues: dimValues,
            dimensionLabels: labels, measureValues: values,
            measureColumns: measures.indices.map { dims.count + 2 + $0 },
            dimensionColumns: dims.indices.map { $0 + 2 })
    }

    /// Aggregates `files` with the built-in dictionary and returns the engine, requiring no diagnostics.
    static func engine(
        _ files: [DataFile], sector: String = "retail", targets: [String: Target] = [:], tolerance: Double = 0.10,
        dictionary: MetricDictionary = .builtIn
    ) throws -> UnitMetrics {
        let metrics = try CompiledMetrics(dictionary)
        let (data, diagnostics) = UnitData.aggregate(files, dictionary: dictionary)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return UnitMetrics(
            metrics: metrics, profile: UnitProfile(id: "u", sector: sector, targets: targets, tolerance: tolerance),
            data: data)
    }

    static func month(_ text: String) -> Period { Period(parsing: text)! }
}

/// Approximate equality for hand-worked values.
func close(_ a: Double?, _ b: Double, _ eps: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= eps * max(1, abs(b))
}

@Suite struct MetricsFixtureTests {
    @Test func fixtureBuildsColumns() {
        let f = Fixture.file(dims: ["channel"], measures: ["spend"], rows: [("2026-01", ["a"], [1]), ("2026-01", ["b"], [nil])])
        #expect(f.rowCount == 2)
        #expect(f.dimensionLabels == [["a", "b"]])
        #expect(f.measureValues[0][1].isNaN)
        #expect(f.lines == [2, 3])
    }

    @Test func builtInDictionaryCompiles() throws {
        let metrics = try CompiledMetrics(.builtIn)
        #expect(metrics.dictionary.kpiOrder.count == 22)
        #expect(
            metrics.measures(readBy: "clv_to_cac") == [
                "active_customers", "churned_customers", "gross_profit", "new_customers", "overhead", "revenue", "spend",
            ])
    }
}
