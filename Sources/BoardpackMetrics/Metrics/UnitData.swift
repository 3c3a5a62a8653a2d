import BoardpackContent

/// One unit's data files, aggregated once into per-month series for every measure, the unit
/// total and each dimension value (SPEC §3.4 rules 1, 3, 4).
///
/// Reading goes through ``aggregate(_:over:slice:through:)``, which never looks past the
/// `through` month: that is how a pack is kept from seeing later data (§4).
package struct UnitData: Sendable {
    /// The files, in the order given (diagnostics and provenance refer to them).
    package let files: [DataFile]
    /// The first month with any row (`nil` when there are no rows).
    package let firstMonth: Month?
    /// Months from the first to the last month with a row.
    package let monthCount: Int
    /// Per month offset: whether any file has a row in that month (beside a plan's).
    let hasData: [Bool]
    /// Per measure number: a plan measure (`marketing_budget`), read in any month it has a
    /// value, data or not (a budget for the months to come).
    var isPlan: [Bool] = []
    /// The measures some file reports, sorted: a measure's number is its index here.
    let measureIDs: [String]
    /// Measure id → its number.
    let measureNumbers: [String: Int]
    /// Per measure number: sorted dimension names of the files reporting it.
    let grains: [[String]]
    /// Per measure number: (file index, measure column index), in file order.
    let measureSources: [[(file: Int, column: Int)]]
    /// Every measure's aggregates, by number.
    let table: AggregateTable
    /// Dimension name → its values, in order of first appearance across the files.
    package let dimensionLabels: [String: [String]]
    /// Dimension name → value → index into `dimensionLabels`.
    let labelIndex: [String: [String: Int]]
    /// Dimension name → its number (dimension names in sorted order), as carried by ``Slice``.
    let dimensionNumbers: [String: Int]
    /// Dimension name → value index → per month offset: whether a row carries that value.
    let presence: [String: [[Bool]]]
    /// Per file, per month offset: the file's row numbers in that month, ascending. Provenance
    /// reads only a period's rows through it instead of scanning whole files.
    let rowsByMonth: [[[Int32]]]

    init(
        files: [DataFile], firstMonth: Month?, monthCount: Int, hasData: [Bool], series: [String: MeasureSeries],
        dimensionLabels: [String: [String]], presence: [String: [[Bool]]]
    ) {
        self.files = files
        self.firstMonth = firstMonth
        self.monthCount = monthCount
        self.hasData = hasData
        self.dimensionLabels = dimensionLabels
        self.labelIndex = dimensionLabels.mapValues { labels in
            Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let dimensionNumbers = Dictionary(
            uniqueKeysWithValues: dimensionLabels.keys.sorted().enumerated().map { ($1, $0) })
        self.dimensionNumbers = dimensionNumbers
        let measureIDs = series.keys.sorted()
        let measureNumbers = Dictionary(uniqueKeysWithValues: measureIDs.enumerated().map { ($1, $0) })
        let byNumber = measureIDs.map { series[$0]! }
        self.measureIDs = measureIDs
        self.measureNumbers = measureNumbers
        grains = byNumber.map(\.grain)
        measureSources = byNumber.map(\.sources)
        table = AggregateTable(
            byNumber, monthCount: monthCount, measureNumbers: measureNumbers, dimensionNumbers: dimensionNumbers)
        self.presence = presence
        self.rowsByMonth = files.map { Self.rowsByMonth(of: $0, firstMonth: firstMonth, monthCount: monthCount) }
    }

    /// The file's row numbers grouped by month offset, ascending in each group: counted per
    /// month first, so each group is filled once at its final size (appending a million rows
    /// one by one to nested arrays cost a uniqueness check and a capacity check per row).
    static func rowsByMonth(of file: DataFile, firstMonth: Month?, monthCount: Int) -> [[Int32]] {
        guard let first = firstMonth?.index else { return Array(repeating: [], count: monthCount) }
        var counts = [Int](repeating: 0, count: monthCount)
        for month in file.months {
            let o = month.index - first
            if o >= 0 && o < monthCount { counts[o] += 1 }
        }
        // Rows usually come month by month: then every group is a range of row numbers.
        if zip(file.months, file.months.dropFirst()).allSatisfy({ $0 <= $1 }) {
            var next = file.months.firstIndex { $0.index >= first } ?? 0
            return counts.map { count in
                defer { next += count }
                return Array(Int32(next)..<Int32(next + count))
            }
        }
        var groups = counts.map { [Int32](repeating: 0, count: $0) }
        var filled = [Int](repeating: 0, count: monthCount)
        for (r, month) in file.months.enumerated() {
            let o = month.index - first
            guard o >= 0 && o < monthCount else { continue }
            groups[o][filled[o]] = Int32(r)
            filled[o] += 1
        }
        return groups
    }

    /// Months that have data (any row in any file), oldest first.
    var monthsWithData: [Month] {
        guard let first = firstMonth else { return [] }
        return hasData.indices.filter { hasData[$0] }.map { first.advanced(by: $0) }
    }

    /// Whether any file has a row in `month`.
    package func hasData(in month: Month) -> Bool {
        guard let o = offset(month) else { return false }
        return hasData[o]
    }

    /// The measures the data reports at all (a column of some file).
    package var reportedMeasures: Set<String> { Set(measureNumbers.keys) }

    /// The dimension names a measure is reported by (its grain), sorted; `nil` when not reported.
    package func grain(of measure: String) -> [String]? { measureNumbers[measure].map { grains[$0] } }

    /// Files (index into ``files``) and their column index that report `measure`.
    package func sources(of measure: String) -> [(file: Int, column: Int)] { measureNumbers[measure].map { measureSources[$0] } ?? [] }

    func offset(_ m: Month) -> Int? {
        guard let first = firstMonth else { return nil }
        let o = m.index - first.index
        return o >= 0 && o < monthCount ? o : nil
    }

    /// The aggregate of `measure` over `period`, for the unit or one dimension value, reading no
    /// month after `through`. n/a when a month of the period is after `through`, has no data
    /// (a quarter missing a month has no aggregates), or nothing was reported.
    func aggregate(_ measure: String, over period: Period, slice: Slice? = nil, through: Month) -> MeasureValue {
        guard let number = measureNumbers[measure] else { return .na }
        return aggregate(number: number, over: period, slice: slice, through: through)
    }

    /// ``aggregate(_:over:slice:through:)`` for the measure numbered `number` (its index in
    /// ``measureIDs``): the evaluation path, which resolves ids once and hashes nothing here.
    func aggregate(number: Int, over period: Period, slice: Slice?, through: Month) -> MeasureValue {
        guard let values = months(number: number, over: period, slice: slice, through: through) else { return .na }
        let aggregation = table.aggregations[number]
        if values.count == 1, let a = values.first { return MeasureValue(value: a.value(aggregation), partial: a.isPartial) }
        return monthWeightedMean(number, values, over: period, slice: slice) ?? MonthAggregate.combine(values, aggregation)
    }

    /// The per-month aggregates of measure `number` over `period` (for the unit or one dimension
    /// value), `nil` when a month is after `through` or outside the data, has no data, or no row
    /// of the measure carries the slice's value.
    private func months(number: Int, over period: Period, slice: Slice?, through: Month) -> PeriodCells? {
        guard let first = firstMonth else { return nil }
        let count = period.monthCount
        let start = period.firstMonth.index - first.index
        guard start + count - 1 <= through.index - first.index, start >= 0, start + count <= monthCount else { return nil }
        if number >= isPlan.count || !isPlan[number] {
            for o in start..<(start + count) where !hasData[o] { return nil }
        }
        guard let block = table.block(number, dimension: slice?.dimensionNumber ?? -1, value: slice?.valueIndex ?? 0) else {
            return nil
        }
        return PeriodCells(cells: table.cells, first: start * table.blockCount + block, stride: table.blockCount, count: count)
    }

    /// A quarter's `mean` whose rows did not carry the weight (it lives in another file, as
    /// `sales_cycle_days` beside `new_customers`): each month's mean weighted by that month's
    /// aggregate of the weight measure. Nil when the rows were weighted already, or a month
    /// lacks a positive weight (then the plain mean of the rows stands).
    private func monthWeightedMean(
        _ number: Int, _ months: PeriodCells, over period: Period, slice: Slice?
    ) -> MeasureValue? {
        let aggregation = table.aggregations[number]
        guard case .mean(_?) = aggregation, months.contains(where: { $0.reported > 0 && $0.weightedRows < $0.reported }) else {
            return nil
        }
        // The weight is read at the same months and slice; a weight the unit does not report
        // (or not for the slice's value) gives no positive weight.
        let w = table.weights[number]
        guard w >= 0, let weights = self.months(number: w, over: period, slice: slice, through: period.lastMonth) else {
            return nil
        }
        let weightAggregation = table.aggregations[w]
        var numerator = 0.0, denominator = 0.0, partial = false
        for (a, weight) in zip(months, weights) where a.reported > 0 {
            guard let v = a.value(aggregation), let wv = weight.value(weightAggregation), wv > 0 else { return nil }
            numerator += v * wv
            denominator += wv
            partial = partial || a.isPartial || weight.isPartial
        }
        guard denominator > 0 else { return nil }
        let base = MonthAggregate.combine(months, aggregation)
        return MeasureValue(value: numerator / denominator, partial: base.partial || partial)
    }

    /// The values of `dimension` that appear on some row in `period`, in order of first appearance.
    package func values(of dimension: String, in period: Period) -> [String] {
        guard let labels = dimensionLabels[dimension] else { return [] }
        return presentValues(of: dimension, in: period).map { labels[$0] }
    }

    /// ``values(of:in:)`` as slices, in the same order: what a breakdown iterates.
    func slices(of dimension: String, in period: Period) -> [Slice] {
        guard let labels = dimensionLabels[dimension], let number = dimensionNumbers[dimension] else { return [] }
        return presentValues(of: dimension, in: period).map {
            Slice(dimension: dimension, value: labels[$0], dimensionNumber: number, valueIndex: $0)
        }
    }

    /// Indices into `dimensionLabels[dimension]` of the values on some row in `period`, ascending.
    private func presentValues(of dimension: String, in period: Period) -> [Int] {
        guard let rows = presence[dimension] else { return [] }
        let offsets = period.months.compactMap(offset)
        return rows.indices.filter { v in offsets.contains { rows[v][$0] } }
    }

    /// A dimension value, resolved to its index; `nil` when the value never appears.
    func slice(_ dimension: String, _ value: String) -> Slice? {
        guard let index = labelIndex[dimension]?[value], let number = dimensionNumbers[dimension] else { return nil }
        return Slice(dimension: dimension, value: value, dimensionNumber: number, valueIndex: index)
    }

    /// One value of one dimension: the rows a breakdown computes from.
    package struct Slice: Sendable, Hashable {
        package var dimension: String
        package var value: String
        /// The dimension's number in the unit's data (``dimensionNumbers``).
        var dimensionNumber: Int
        /// The value's index in ``dimensionLabels``.
        var valueIndex: Int
    }
}

/// One measure's aggregates.
struct MeasureSeries: Sendable {
    var aggregation: MeasureDefinition.Aggregation
    /// Sorted dimension names of the files reporting it.
    var grain: [String]
    /// Per month offset, over all dimension values.
    var total: [MonthAggregate]
    /// Dimension in the grain → value index → per month offset (empty when the value never carries it).
    var slices: [String: [[MonthAggregate]]]
    /// (file index, measure column index), in file order.
    var sources: [(file: Int, column: Int)]
}
