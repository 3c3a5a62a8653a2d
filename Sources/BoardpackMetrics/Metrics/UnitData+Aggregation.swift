import BoardpackContent
import BoardpackSupport

extension UnitData {
    /// Aggregates a unit's files: each file is read once per measure column into flat
    /// per-(dimension combination, month) cells, then summed into the unit total and per
    /// dimension value. Reports a measure reported at two grains (rule 4) and duplicate rows.
    /// Columns the dictionary does not know are aggregated as `sum` (the CSV reader reports them).
    static func aggregate(_ files: [DataFile], dictionary: MetricDictionary) -> (UnitData, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let nonEmpty = files.filter { $0.rowCount > 0 }
        guard let lo = nonEmpty.compactMap({ $0.months.min() }).min(),
            let hi = nonEmpty.compactMap({ $0.months.max() }).max()
        else {
            return (
                UnitData(
                    files: files, firstMonth: nil, monthCount: 0, hasData: [], series: [:], dimensionLabels: [:],
                    presence: [:]), []
            )
        }
        let monthCount = hi.index - lo.index + 1
        let plan = Set(dictionary.measures.values.filter(\.plan).map(\.id))
        let layout = GrainLayout(files: files, firstMonth: lo, monthCount: monthCount, plan: plan)

        // Sources per measure, in file order; the first file fixes the grain.
        var order: [String] = []
        var sources: [String: [(file: Int, column: Int)]] = [:]
        for (f, file) in files.enumerated() {
            for (c, m) in file.measures.enumerated() {
                if sources[m] == nil { order.append(m) }
                sources[m, default: []].append((f, c))
            }
        }
        var rowCells: [[Int32]?] = Array(repeating: nil, count: files.count)
        // Per file, once known: whether no two of its rows share a cell and a day.
        var distinctRows: [Bool?] = Array(repeating: nil, count: files.count)
        var series: [String: MeasureSeries] = [:]
        for m in order {
            let def = dictionary.measures[m] ?? MeasureDefinition(m)
            var kept: [(file: Int, column: Int)] = []
            let grain = layout.grainKey[sources[m]![0].file]
            for src in sources[m]! {
                if layout.grainKey[src.file] == grain {
                    kept.append(src)
                    continue
                }
                let first = files[sources[m]![0].file]
                let file = files[src.file]
                diagnostics.append(
                    .error(
                        "`\(m)` is reported by \(describe(layout.grainKey[src.file])) here but by \(describe(grain)) in \(first.path); a measure has one grain per unit (it would be counted twice)",
                        at: file.location(ofMeasure: src.column)))
            }
            var accumulator = MeasureAccumulator(
                measure: m, aggregation: def.aggregation, grain: grain, layout: layout, files: files)
            for src in kept {
                if rowCells[src.file] == nil { rowCells[src.file] = MeasureAccumulator.rowCells(of: src.file, in: files, layout: layout) }
                // A measure from one file whose rows are distinct has no duplicate to look for.
                var checked = true
                if kept.count == 1 {
                    if distinctRows[src.file] == nil {
                        distinctRows[src.file] = MeasureAccumulator.rowsAreDistinct(
                            files[src.file], rowCells: rowCells[src.file]!, cellCount: accumulator.cells.count)
                    }
                    checked = !distinctRows[src.file]!
                }
                accumulator.accumulate(
                    file: src.file, column: src.column, rowCells: rowCells[src.file]!, checked: checked, into: &diagnostics)
            }
            series[m] = accumulator.finish(sources: kept, labelCounts: layout.labelCounts)
        }
        var data = UnitData(
            files: files, firstMonth: lo, monthCount: monthCount, hasData: layout.hasData, series: series,
            dimensionLabels: layout.labels, presence: layout.presence)
        data.isPlan = data.measureIDs.map { plan.contains($0) }
        return (data, diagnostics)
    }

    private static func describe(_ grain: [String]) -> String {
        grain.isEmpty ? "the whole unit" : grain.map { "`\($0)`" }.joined(separator: " × ")
    }
}
