import BoardpackContent

/// The dimension layout of a unit's files: global value tables per dimension name, one table of
/// dimension combinations per grain, each row's combination, and which months have data.
struct GrainLayout {
    /// Dimension name → values in order of first appearance.
    var labels: [String: [String]] = [:]
    /// Per file, per file dimension: file-local value index → global value index.
    var labelMaps: [[[Int32]]] = []
    /// Per file: its sorted dimension names.
    var grainKey: [[String]] = []
    /// Per grain: combinations, each a list of global value indexes in sorted-dimension order.
    var combos: [[String]: [[Int32]]] = [:]
    /// Per file, per row: index into `combos[grainKey[file]]`.
    var rowCombo: [[Int32]] = []
    var hasData: [Bool]
    var presence: [String: [[Bool]]] = [:]
    let firstMonth: Month
    let monthCount: Int

    /// Number of values per dimension.
    var labelCounts: [String: Int] { labels.mapValues(\.count) }

    /// `plan`: the plan measures, whose rows alone give a month no data.
    init(files: [DataFile], firstMonth: Month, monthCount: Int, plan: Set<String> = []) {
        self.firstMonth = firstMonth
        self.monthCount = monthCount
        hasData = Array(repeating: false, count: monthCount)
        var comboIndex: [[String]: [[Int32]: Int32]] = [:]
        for file in files {
            var maps: [[Int32]] = []
            for (d, name) in file.dimensions.enumerated() {
                var table = labels[name] ?? []
                var map: [Int32] = []
                for label in file.dimensionLabels[d] {
                    if let i = table.firstIndex(of: label) {
                        map.append(Int32(i))
                    } else {
                        map.append(Int32(table.count))
                        table.append(label)
                    }
                }
                labels[name] = table
                maps.append(map)
            }
            labelMaps.append(maps)
            let sortedPositions = file.dimensions.indices.sorted { file.dimensions[$0] < file.dimensions[$1] }
            let key = sortedPositions.map { file.dimensions[$0] }
            grainKey.append(key)
            var table = combos[key] ?? []
            var index = comboIndex[key] ?? [:]
            // File-local combination code (mixed radix of local value indexes) → global combo, filled lazily.
            let radices = sortedPositions.map { max(1, file.dimensionLabels[$0].count) }
            let space = radices.reduce(1) { $0 > (1 << 22) ? $0 : $0 * $1 }
            var dense = space <= (1 << 22) ? [Int32](repeating: -1, count: space) : []
            var sparse: [Int: Int32] = [:]
            // Each row's code, built one dimension column at a time.
            var codes = [Int](repeating: 0, count: file.rowCount)
            codes.withUnsafeMutableBufferPointer { codes in
                for (k, p) in sortedPositions.enumerated() {
                    for (r, value) in file.dimensionValues[p].enumerated() { codes[r] = codes[r] * radices[k] + Int(value) }
                }
            }
            var rows = [Int32](repeating: 0, count: file.rowCount)
            for (r, code) in codes.enumerated() {
                var g = dense.isEmpty ? (sparse[code] ?? -1) : dense[code]
                if g < 0 {
                    let combo = sortedPositions.map { maps[$0][Int(file.dimensionValues[$0][r])] }
                    if let known = index[combo] {
                        g = known
                    } else {
                        g = Int32(table.count)
                        table.append(combo)
                        index[combo] = g
                    }
                    if dense.isEmpty { sparse[code] = g } else { dense[code] = g }
                }
                rows[r] = g
            }
            combos[key] = table
            comboIndex[key] = index
            rowCombo.append(rows)
            markPresence(file, maps, plan: plan)
        }
    }

    /// Marks the months that have rows, and per dimension value the months a row carries it.
    /// Each file's marks go to flat tables first (a million writes into nested arrays cost a
    /// uniqueness check each), merged into `presence` once per dimension.
    private mutating func markPresence(_ file: DataFile, _ maps: [[Int32]], plan: Set<String>) {
        let first = firstMonth.index
        let offsets = file.months.map { $0.index - first }
        // A row gives its month data when it reports something other than a plan: a file
        // without plan measures, every row.
        let actual = file.measures.indices.filter { !plan.contains(file.measures[$0]) }
        let planned = actual.count < file.measures.count
        hasData.withUnsafeMutableBufferPointer { hasData in
            for (r, o) in offsets.enumerated() where !planned || actual.contains(where: { !file.measureValues[$0][r].isNaN }) {
                hasData[o] = true
            }
        }
        for (d, name) in file.dimensions.enumerated() {
            // Per file label: the months carrying it.
            let labelCount = file.dimensionLabels[d].count
            var marks = [Bool](repeating: false, count: labelCount * monthCount)
            marks.withUnsafeMutableBufferPointer { marks in
                for (value, o) in zip(file.dimensionValues[d], offsets) { marks[Int(value) * monthCount + o] = true }
            }
            var rows = presence[name] ?? []
            let count = labels[name]!.count
            while rows.count < count { rows.append(Array(repeating: false, count: monthCount)) }
            for label in 0..<labelCount {
                let global = Int(maps[d][label])
                for o in 0..<monthCount where marks[label * monthCount + o] { rows[global][o] = true }
            }
            presence[name] = rows
        }
    }
}
