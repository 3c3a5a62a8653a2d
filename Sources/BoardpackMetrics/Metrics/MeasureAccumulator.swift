import BoardpackContent
import BoardpackSupport

/// Accumulates one measure's rows into flat cells indexed by `combo * monthCount + monthOffset`,
/// checking for duplicate rows on the way.
struct MeasureAccumulator {
    /// One (dimension combination, month) cell.
    struct Cell {
        var agg = MonthAggregate()
        /// Day of the kept `last` value (0 for a month row).
        var lastDay: Int8 = -1
        /// The month-grain row that reported here: file index and row, or -1.
        var monthFile: Int32 = -1
        var monthRow: Int32 = -1
        /// Days of date-grain rows that reported here (bit `day`).
        var dayMask: UInt32 = 0

        /// Adds a reported (non-n/a) value `x` of day `day` (0 for a month row) with the row's
        /// `weight` for a weighted mean: `last` keeps the latest day's value, `mean` sums the
        /// plain and the weighted values, `sum` adds.
        @inline(__always)
        mutating func add(_ x: Double, day: Int8, weight: Double?, isLast: Bool, isMean: Bool) {
            if isLast {
                if day > lastDay {
                    agg.sum = x
                    lastDay = day
                }
            } else if isMean {
                agg.plainSum += x
                if let w = weight, !w.isNaN {
                    agg.sum += w * x
                    agg.weight += w
                    agg.weightedRows += 1
                }
            } else {
                agg.sum += x
            }
            agg.reported += 1
        }
    }

    let measure: String
    let aggregation: MeasureDefinition.Aggregation
    let grain: [String]
    let layout: GrainLayout
    let files: [DataFile]
    var cells: [Cell]

    init(
        measure: String, aggregation: MeasureDefinition.Aggregation, grain: [String], layout: GrainLayout,
        files: [DataFile]
    ) {
        self.measure = measure
        self.aggregation = aggregation
        self.grain = grain
        self.layout = layout
        self.files = files
        cells = Array(repeating: Cell(), count: (layout.combos[grain]?.count ?? 1) * layout.monthCount)
    }

    /// Per row of file `f`: the index of its cell (`combo * monthCount + monthOffset`), the
    /// same for every measure of the file, so computed once per file. (32 bits: every measure
    /// of the file reads them again, and they are a third of what its loop reads.)
    static func rowCells(of f: Int, in files: [DataFile], layout: GrainLayout) -> [Int32] {
        let combos = layout.rowCombo[f]
        let months = files[f].months
        let first = layout.firstMonth.index
        let count = layout.monthCount
        return (0..<files[f].rowCount).map { r in Int32(Int(combos[r]) * count + (months[r].index - first)) }
    }

    /// True when no two rows of `file` fall in the same cell on the same day (for month rows:
    /// in the same cell), `rowCells` being their cells among `cellCount`. A measure that only
    /// this file reports then has no duplicate row, whichever cells its rows leave empty.
    static func rowsAreDistinct(_ file: DataFile, rowCells: [Int32], cellCount: Int) -> Bool {
        var seen = [UInt32](repeating: 0, count: cellCount)
        let dated = file.grain == .date
        return seen.withUnsafeMutableBufferPointer { seen in
            for r in 0..<file.rowCount {
                let bit: UInt32 = dated ? 1 << UInt32(file.days[r]) : 1
                let i = Int(rowCells[r])
                if seen[i] & bit != 0 { return false }
                seen[i] |= bit
            }
            return true
        }
    }

    /// Adds column `column` of file `f`, whose rows' cells are `rowCells`.
    ///
    /// The loop works on the cells through a pointer (no uniqueness check per row); a clash
    /// with date rows is only noted there, and the earlier row it clashes with is looked up
    /// afterwards (it depends on the files alone, not on the cells), so the diagnostics keep
    /// row order.
    ///
    /// With `checked` false the caller knows no row can clash (the file is the measure's only
    /// source and `rowsAreDistinct`): the rows are summed alone, in the same order and so to
    /// the same values, without the duplicate bookkeeping.
    mutating func accumulate(
        file f: Int, column: Int, rowCells: [Int32], checked: Bool = true, into diagnostics: inout [Diagnostic]
    ) {
        let file = files[f]
        let values = file.measureValues[column]
        var weights: [Double]?
        if case .mean(let w?) = aggregation, let wc = file.measures.firstIndex(of: w) { weights = file.measureValues[wc] }
        let isLast: Bool = { if case .last = aggregation { true } else { false } }()
        let isMean: Bool = { if case .mean = aggregation { true } else { false } }()
        let dated = file.grain == .date
        if !checked {
            addDistinctRows(values, weights: weights, days: dated ? file.days : nil, rowCells: rowCells, isLast: isLast, isMean: isMean)
            return
        }
        // Duplicate rows: the earlier row when known, or the day to look for among date rows.
        var clashes: [(row: Int, cell: Int, earlier: (Int, Int)?, day: Int8?)] = []
        cells.withUnsafeMutableBufferPointer { cells in
            for r in 0..<file.rowCount {
                let i = Int(rowCells[r])
                let x = values[r]
                if x.isNaN {
                    cells[i].agg.empty += 1
                    continue
                }
                let day = dated ? Int8(file.days[r]) : 0
                let cell = cells[i]
                if cell.monthRow >= 0 {
                    clashes.append((r, i, (Int(cell.monthFile), Int(cell.monthRow)), nil))
                    continue
                }
                if day == 0 ? cell.dayMask != 0 : cell.dayMask & (1 << UInt32(day)) != 0 {
                    clashes.append((r, i, nil, day == 0 ? nil : day))
                    continue
                }
                if dated { cells[i].dayMask |= 1 << UInt32(day) } else { (cells[i].monthFile, cells[i].monthRow) = (Int32(f), Int32(r)) }
                cells[i].add(x, day: day, weight: weights?[r], isLast: isLast, isMean: isMean)
            }
        }
        for clash in clashes {
            // A clash with date rows always has an earlier one: the cell's day bits come from them.
            let earlier = clash.earlier ?? findDated(cellIndex: clash.cell, day: clash.day, before: (f, clash.row))
            if let earlier { diagnostics.append(duplicateError(file: f, row: clash.row, column: column, earlier: earlier)) }
        }
    }

    /// `accumulate` for rows known to be distinct: the same sums, without duplicate checks.
    private mutating func addDistinctRows(
        _ values: [Double], weights: [Double]?, days: [UInt8]?, rowCells: [Int32], isLast: Bool, isMean: Bool
    ) {
        cells.withUnsafeMutableBufferPointer { cells in
            for (r, cell) in rowCells.enumerated() {
                let i = Int(cell)
                let x = values[r]
                if x.isNaN {
                    cells[i].agg.empty += 1
                    continue
                }
                let day = isLast ? days.map { Int8($0[r]) } ?? 0 : 0
                cells[i].add(x, day: day, weight: weights?[r], isLast: isLast, isMean: isMean)
            }
        }
    }

    /// Finds an earlier reporting date row of the same cell (and day, when given). Error path only.
    private func findDated(cellIndex i: Int, day: Int8?, before: (Int, Int)) -> (Int, Int)? {
        let months = layout.monthCount
        for f in 0...before.0 {
            let file = files[f]
            guard file.grain == .date, let c = file.measures.firstIndex(of: measure), layout.grainKey[f] == grain else {
                continue
            }
            let end = f == before.0 ? before.1 : file.rowCount
            for r in 0..<end where !file.measureValues[c][r].isNaN {
                let j = Int(layout.rowCombo[f][r]) * months + (file.months[r].index - layout.firstMonth.index)
                if j == i && (day == nil || Int8(file.days[r]) == day) { return (f, r) }
            }
        }
        return nil
    }

    private func duplicateError(file f: Int, row r: Int, column: Int, earlier: (Int, Int)) -> Diagnostic {
        let file = files[f]
        let combo = layout.combos[grain]?[Int(layout.rowCombo[f][r])] ?? []
        let dims = zip(grain, combo).map { "\($0)=\(layout.labels[$0]![Int($1)])" }
        let day = file.grain == .date ? "-" + (file.days[r] < 10 ? "0" : "") + "\(file.days[r])" : ""
        let what = "\(file.months[r])\(day)" + (dims.isEmpty ? "" : ", " + dims.joined(separator: ", "))
        let other = files[earlier.0]
        let otherPlace = other.place(ofRow: earlier.1)
        let here = file.place(ofRow: r)
        return .error(
            "duplicate row: `\(measure)` for \(what) is reported at \(otherPlace) and again at \(here)",
            at: file.location(ofRow: r))  // the row; its cells move with their width
    }

    /// Sums the cells into the unit total and per dimension value.
    func finish(sources: [(file: Int, column: Int)], labelCounts: [String: Int]) -> MeasureSeries {
        let months = layout.monthCount
        let combos = layout.combos[grain] ?? [[]]
        var total = Array(repeating: MonthAggregate(), count: months)
        var slices: [String: [[MonthAggregate]]] = [:]
        for (p, dim) in grain.enumerated() {
            var perValue = Array(repeating: [MonthAggregate](), count: labelCounts[dim] ?? 0)
            for (c, combo) in combos.enumerated() {
                let v = Int(combo[p])
                if perValue[v].isEmpty { perValue[v] = Array(repeating: MonthAggregate(), count: months) }
                for o in 0..<months { perValue[v][o].add(cells[c * months + o].agg) }
            }
            slices[dim] = perValue
        }
        for c in 0..<combos.count {
            for o in 0..<months { total[o].add(cells[c * months + o].agg) }
        }
        return MeasureSeries(aggregation: aggregation, grain: grain, total: total, slices: slices, sources: sources)
    }
}
