import BoardpackContent
import BoardpackSupport

extension DataQuality {
    /// Unit totals per month: the funnel, when the two measures do not come from the same files
    /// (otherwise the row check already covers it).
    static func periodFunnel(_ data: UnitData) -> [DataQualityFinding] {
        var out: [DataQualityFinding] = []
        for (wide, narrow) in funnelPairs {
            let ws = data.sources(of: wide).map(\.file)
            let ns = data.sources(of: narrow).map(\.file)
            guard !ws.isEmpty, !ns.isEmpty, ws != ns else { continue }
            for month in data.monthsWithData {
                let p = Period.month(month)
                guard let w = data.aggregate(wide, over: p, through: month).value,
                    let n = data.aggregate(narrow, over: p, through: month).value, n > w
                else { continue }
                let text = "funnel widens in \(month): `\(narrow)` (\(JSONText.format(n))) exceeds `\(wide)` (\(JSONText.format(w)))"
                out.append(DataQualityFinding(check: .funnel, month: month, diagnostic: .warning(text, at: location(data, narrow))))
            }
        }
        return out
    }

    /// Months without any row between the first and the last month of data.
    static func missingMonths(_ data: UnitData) -> [DataQualityFinding] {
        guard let first = data.firstMonth else { return [] }
        let folder =
            data.files.first.map { f in
                f.path.lastIndex(of: "/").map { String(f.path[..<$0]) } ?? "."
            } ?? "."
        // Up to the last month with data: a plan for the months to come is no gap.
        let count = (data.hasData.lastIndex(of: true) ?? -1) + 1
        return (0..<count).map { first.advanced(by: $0) }.filter { !data.hasData(in: $0) }.map { m in
            DataQualityFinding(
                check: .missingMonth, month: m,
                diagnostic: .warning("no data for \(m), between the first and the last month of data", at: SourceLocation(file: folder)))
        }
    }

    /// Unit totals more than five times the median of the previous twelve months (at least three
    /// of them reported, median above zero).
    static func outliers(_ data: UnitData) -> [DataQualityFinding] {
        var out: [DataQualityFinding] = []
        guard let first = data.firstMonth else { return [] }
        for measure in data.measureIDs {
            let values = (0..<data.monthCount).map { o -> Double? in
                let m = first.advanced(by: o)
                return data.aggregate(measure, over: .month(m), through: m).value
            }
            for o in values.indices {
                guard let v = values[o] else { continue }
                let history = values[max(0, o - 12)..<o].compactMap { $0 }.sorted()
                guard history.count >= 3 else { continue }
                let mid = history.count / 2
                let median = history.count % 2 == 1 ? history[mid] : (history[mid - 1] + history[mid]) / 2
                guard median > 0, v > 5 * median else { continue }
                let month = first.advanced(by: o)
                let at = data.sources(of: measure, in: .month(month)).first.map { source in
                    data.files.first { $0.path == source.path }?.location(ofLine: source.lines[0])
                        ?? SourceLocation(file: source.path, line: source.lines[0])
                }
                let text =
                    "possible outlier: the unit's `\(measure)` in \(month) totals \(JSONText.format(v)), more than five times the median of the previous twelve months (\(JSONText.format(median))); the line shown is its first row that month"
                out.append(DataQualityFinding(check: .outlier, month: month, diagnostic: .warning(text, at: at)))
            }
        }
        return out
    }

    /// Months whose spend exceeds the marketing budget by more than the tolerance.
    static func budget(_ data: UnitData, tolerance: Double) -> [DataQualityFinding] {
        var out: [DataQualityFinding] = []
        for month in data.monthsWithData {
            let p = Period.month(month)
            guard let spend = data.aggregate("spend", over: p, through: month).value,
                let budget = data.aggregate("marketing_budget", over: p, through: month).value,
                spend > budget * (1 + tolerance)
            else { continue }
            let text =
                "`spend` in \(month) (\(JSONText.format(spend))) exceeds the marketing budget (\(JSONText.format(budget))) by more than the tolerance"
            out.append(DataQualityFinding(check: .budget, month: month, diagnostic: .warning(text, at: location(data, "spend"))))
        }
        return out
    }
}
