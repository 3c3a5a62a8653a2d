/// One named series of values, one per period; `nil` is a gap (not reported), never zero.
package struct ChartSeries: Sendable, Hashable {
    /// The name shown in labels, legends and data tables.
    package var name: String
    /// The values in period order.
    package var values: [Double?]

    /// Creates a series.
    package init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }

    /// The value at `index`, nil when missing or out of range.
    func value(at index: Int) -> Double? {
        values.indices.contains(index) ? values[index].flatMap { $0.isFinite ? $0 : nil } : nil
    }

    /// Maximal runs of consecutive present values, as index ranges.
    func runs(count: Int) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for index in 0..<max(0, count) {
            if value(at: index) != nil {
                if start == nil { start = index }
            } else if let s = start {
                runs.append(s...(index - 1))
                start = nil
            }
        }
        if let s = start { runs.append(s...(count - 1)) }
        return runs
    }

    /// The index of the last present value.
    func lastIndex(count: Int) -> Int? {
        (0..<max(0, count)).last { value(at: $0) != nil }
    }
}
