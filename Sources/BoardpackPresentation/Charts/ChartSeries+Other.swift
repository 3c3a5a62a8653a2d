extension ChartSeries {
    /// Most series a legend and a stack stay readable with: one per colour of the stylesheet.
    static let readableCount = ChartStyle.seriesColours

    /// At most `limit` series: unchanged when there are no more, otherwise the `limit − 1`
    /// largest by the sum of their present values (largest first, ties keep their order) and
    /// one series named `otherName` summing the rest per period (n/a where none of the rest
    /// is present). Dozens of stacked parts read as noise on a board slide; the data table
    /// keeps every series.
    static func top(_ series: [ChartSeries], limit: Int = readableCount, otherName: String) -> [ChartSeries] {
        topIndexed(series, limit: limit, otherName: otherName).map(\.series)
    }

    /// ``top(_:limit:otherName:)`` with, for each series it returns, its index in `series`
    /// (nil for the one named `otherName`).
    static func topIndexed(
        _ series: [ChartSeries], limit: Int = readableCount, otherName: String
    ) -> [(index: Int?, series: ChartSeries)] {
        guard series.count > limit, limit >= 2 else { return series.enumerated().map { ($0.offset, $0.element) } }
        let count = series.map { $0.values.count }.max() ?? 0
        let totals = series.map { s in (0..<count).reduce(0.0) { $0 + (s.value(at: $1) ?? 0) } }
        let ranked = series.indices.sorted { a, b in totals[a] != totals[b] ? totals[a] > totals[b] : a < b }
        let kept = ranked.prefix(limit - 1)
        let rest = ranked.dropFirst(limit - 1)
        let other = (0..<count).map { i -> Double? in
            var sum = 0.0, any = false
            for k in rest {
                if let v = series[k].value(at: i) {
                    sum += v
                    any = true
                }
            }
            return any ? sum : nil
        }
        return kept.map { ($0, series[$0]) } + [(nil, ChartSeries(name: otherName, values: other))]
    }
}
