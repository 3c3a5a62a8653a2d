/// Every measure's per-month aggregates of one unit in one flat table, read by number: the unit
/// totals and each dimension value of each measure are numbered blocks, one cell per month.
/// Evaluating a KPI reads a few integers and cells here, with no names hashed and no nested
/// arrays to follow.
///
/// Cells are stored month by month: a pack reads every dimension value of a few months, and
/// the values of one measure then sit side by side in memory.
struct AggregateTable: Sendable {
    /// Months from the unit's first to its last month of data.
    let monthCount: Int
    /// Dimensions of the unit (``UnitData/dimensionNumbers``).
    let dimensionCount: Int
    /// Number of blocks.
    let blockCount: Int
    /// Block `b`, month offset `o`: `cells[o * blockCount + b]`.
    let cells: [MonthAggregate]
    /// Per block: whether some row carries it (a dimension value outside a measure's rows has
    /// an all-empty block, and reads as n/a rather than as an unreported month).
    let carried: [Bool]
    /// Per measure number: the block of its unit totals.
    let totalBlock: [Int]
    /// Per measure number × ``dimensionCount`` + dimension number: the block of the dimension's
    /// first value (its values follow in label order); −1 for a dimension outside the grain.
    let firstValueBlock: [Int]
    /// Per measure number: how it aggregates.
    let aggregations: [MeasureDefinition.Aggregation]
    /// Per measure number: the number of a `mean`'s weight measure, −1 when it has none or the
    /// unit does not report it.
    let weights: [Int]

    /// Lays out `series` (in measure-number order), numbering weights by `measureNumbers` and
    /// dimensions by `dimensionNumbers`.
    init(
        _ series: [MeasureSeries], monthCount: Int, measureNumbers: [String: Int], dimensionNumbers: [String: Int]
    ) {
        self.monthCount = monthCount
        dimensionCount = dimensionNumbers.count
        var blocks: [[MonthAggregate]] = []
        var totalBlock: [Int] = []
        var firstValueBlock = [Int](repeating: -1, count: series.count * dimensionNumbers.count)
        for (number, s) in series.enumerated() {
            totalBlock.append(blocks.count)
            blocks.append(s.total)
            for (dimension, values) in s.slices.sorted(by: { $0.key < $1.key }) {
                guard let d = dimensionNumbers[dimension] else { continue }
                firstValueBlock[number * dimensionNumbers.count + d] = blocks.count
                blocks += values
            }
        }
        blockCount = blocks.count
        carried = blocks.map { !$0.isEmpty }
        var cells = [MonthAggregate](repeating: MonthAggregate(), count: blocks.count * monthCount)
        for (b, block) in blocks.enumerated() {
            for (o, cell) in block.enumerated() { cells[o * blocks.count + b] = cell }
        }
        self.cells = cells
        self.totalBlock = totalBlock
        self.firstValueBlock = firstValueBlock
        aggregations = series.map(\.aggregation)
        weights = series.map { s in
            if case .mean(let w?) = s.aggregation { measureNumbers[w] ?? -1 } else { -1 }
        }
    }

    /// The block of measure `number` for the unit (`dimension` −1) or value `value` of dimension
    /// number `dimension`; `nil` when the dimension is outside the measure's grain or no row
    /// carries the value.
    func block(_ number: Int, dimension: Int, value: Int) -> Int? {
        guard dimension >= 0 else { return totalBlock[number] }
        let first = firstValueBlock[number * dimensionCount + dimension]
        guard first >= 0, carried[first + value] else { return nil }
        return first + value
    }
}

/// The cells of one block over consecutive months (a period), oldest first.
struct PeriodCells: RandomAccessCollection {
    /// ``AggregateTable/cells``.
    let cells: [MonthAggregate]
    /// Index in `cells` of the first month.
    let first: Int
    /// Distance in `cells` from one month to the next (``AggregateTable/blockCount``).
    let stride: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(i: Int) -> MonthAggregate { cells[first + i * stride] }
}
