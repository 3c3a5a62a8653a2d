/// One unit's data files, aggregated once into per-month series for every measure, the unit
/// total and each dimension value (SPEC §3.4 rules 1, 3, 4).
///
/// Reading goes through ``aggregate(_:over:slice:through:)``, which never looks past the
/// `through` month: that is how a pack is kept from seeing later data (§4).
public struct UnitData: Sendable {
    /// The files, in the order given (diagnostics and provenance refer to them).
    public let files: [DataFile]
    /// The first month with any row (`nil` when there are no rows).
    public let firstMonth: Month?
    /// Months from the first to the last month with a row.
    public let monthCount: Int
    /// Per month offset: whether any file has a row in that month.
    let hasData: [Bool]
    /// Per measure id.
    let series: [String: MeasureSeries]
    /// Dimension name → its values, in order of first appearance across the files.
    public let dimensionLabels: [String: [String]]
    /// Dimension name → value → index into `dimensionLabels`.
    let labelIndex: [String: [String: Int]]
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
        self.series = series
        self.dimensionLabels = dimensionLabels
        self.labelIndex = dimensionLabels.mapValues { labels in
            Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.presence = presence
        self.rowsByMonth = files.map { file in
            var groups = [[Int32]](repeating: [], count: monthCount)
            guard let first = firstMonth else { return groups }
            for (r, month) in file.months.enumerated() {
                let o = month.index - first.index
                if o >= 0 && o < monthCount { groups[o].append(Int32(r)) }
            }
            return groups
        }
    }

    /// Months that have data (any row in any file), oldest first.
    public var monthsWithData: [Month] {
        guard let first = firstMonth else { return [] }
        return hasData.indices.filter { hasData[$0] }.map { first.advanced(by: $0) }
    }

    /// Whether any file has a row in `month`.
    public func hasData(in month: Month) -> Bool {
        guard let o = offset(month) else { return false }
        return hasData[o]
    }

    /// The measures some file reports, sorted.
    public var measureIDs: [String] { series.keys.sorted() }

    /// The dimension names a measure is reported by (its grain), sorted; `nil` when not reported.
    public func grain(of measure: String) -> [String]? { series[measure]?.grain }

    /// Files (index into ``files``) and their column index that report `measure`.
    public func sources(of measure: String) -> [(file: Int, column: Int)] { series[measure]?.sources ?? [] }

    func offset(_ m: Month) -> Int? {
        guard let first = firstMonth else { return nil }
        let o = m.index - first.index
        return o >= 0 && o < monthCount ? o : nil
    }

    /// The aggregate of `measure` over `period`, for the unit or one dimension value, reading no
    /// month after `through`. n/a when a month of the period is after `through`, has no data
    /// (a quarter missing a month has no aggregates), or nothing was reported.
    public func aggregate(_ measure: String, over period: Period, slice: Slice? = nil, through: Month) -> MeasureValue {
        guard period.lastMonth <= through, let s = series[measure] else { return .na }
        if case .month(let m) = period {
            guard let o = offset(m), hasData[o] else { return .na }
            let a: MonthAggregate
            if let slice {
                guard let values = s.slices[slice.dimension]?[slice.valueIndex], !values.isEmpty else { return .na }
                a = values[o]
            } else {
                a = s.total[o]
            }
            return MeasureValue(value: a.value(s.aggregation), partial: a.isPartial)
        }
        var months: [MonthAggregate] = []
        for m in period.months {
            guard let o = offset(m), hasData[o] else { return .na }
            if let slice {
                guard let bySlice = s.slices[slice.dimension] else { return .na }
                let values = bySlice[slice.valueIndex]
                guard !values.isEmpty else { return .na }
                months.append(values[o])
            } else {
                months.append(s.total[o])
            }
        }
        let combined = MonthAggregate.combine(months, s.aggregation)
        return monthWeightedMean(measure, s.aggregation, months, over: period, slice: slice, through: through) ?? combined
    }

    /// A quarter's `mean` whose rows did not carry the weight (it lives in another file, as
    /// `sales_cycle_days` beside `new_customers`): each month's mean weighted by that month's
    /// aggregate of the weight measure. Nil when the rows were weighted already, or a month
    /// lacks a positive weight (then the plain mean of the rows stands).
    func monthWeightedMean(
        _ measure: String, _ aggregation: MeasureDefinition.Aggregation, _ months: [MonthAggregate], over period: Period,
        slice: Slice?, through: Month
    ) -> MeasureValue? {
        guard case .mean(let w?) = aggregation, months.contains(where: { $0.reported > 0 && $0.weightedRows < $0.reported }) else {
            return nil
        }
        var numerator = 0.0, denominator = 0.0, partial = false
        for (month, a) in zip(period.months, months) where a.reported > 0 {
            let weight = aggregate(w, over: .month(month), slice: slice, through: through)
            guard let v = a.value(aggregation), let wv = weight.value, wv > 0 else { return nil }
            numerator += v * wv
            denominator += wv
            partial = partial || a.isPartial || weight.partial
        }
        guard denominator > 0 else { return nil }
        let base = MonthAggregate.combine(months, aggregation)
        return MeasureValue(value: numerator / denominator, partial: base.partial || partial)
    }

    /// The values of `dimension` that appear on some row in `period`, in order of first appearance.
    public func values(of dimension: String, in period: Period) -> [String] {
        guard let labels = dimensionLabels[dimension], let rows = presence[dimension] else { return [] }
        let offsets = period.months.compactMap(offset)
        return labels.indices.filter { v in offsets.contains { rows[v][$0] } }.map { labels[$0] }
    }

    /// A dimension value, resolved to its index; `nil` when the value never appears.
    public func slice(_ dimension: String, _ value: String) -> Slice? {
        labelIndex[dimension]?[value].map { Slice(dimension: dimension, value: value, valueIndex: $0) }
    }

    /// One value of one dimension: the rows a breakdown computes from.
    public struct Slice: Sendable, Hashable {
        public var dimension: String
        public var value: String
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
