/// One KPI data file (`data/*.csv`), parsed and validated, stored column by column.
///
/// Columnar storage keeps a million rows in a few flat arrays: no per-row dictionaries and
/// no per-field `String`s on the aggregation path.
public struct DataFile: Sendable {
    /// Whether the period column is `month` (`YYYY-MM`) or `date` (`YYYY-MM-DD`).
    public enum Grain: String, Sendable { case month, date }

    /// Path as shown in diagnostics and in the pack's provenance table.
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var grain: Grain
    /// Names of the dimension columns, in file order.
    public var dimensions: [String]
    /// Names of the measure columns, in file order.
    public var measures: [String]

    /// Per row: the month of the row.
    public var months: [Month]
    /// Per row: day of month (1...31) for `date` grain; 0 for `month` grain.
    public var days: [UInt8]
    /// Per row: the 1-based line number where the row starts (for diagnostics).
    public var lines: [Int32]
    /// `dimensionValues[d][row]` is an index into `dimensionLabels[d]`.
    public var dimensionValues: [[Int32]]
    /// `dimensionLabels[d]` holds the distinct values of dimension column `d`, in order of first appearance.
    public var dimensionLabels: [[String]]
    /// `measureValues[m][row]`; `Double.nan` marks an empty cell (*not reported*). NaN cannot
    /// come from the file itself: the number grammar rejects it.
    public var measureValues: [[Double]]
    /// 1-based column number of each measure in the header (for diagnostics).
    public var measureColumns: [Int]
    /// 1-based column number of each dimension in the header.
    public var dimensionColumns: [Int]

    /// Number of data rows.
    public var rowCount: Int { months.count }

    public init(
        path: String, sha256: String, grain: Grain, dimensions: [String], measures: [String],
        months: [Month], days: [UInt8], lines: [Int32], dimensionValues: [[Int32]],
        dimensionLabels: [[String]], measureValues: [[Double]], measureColumns: [Int], dimensionColumns: [Int]
    ) {
        self.path = path
        self.sha256 = sha256
        self.grain = grain
        self.dimensions = dimensions
        self.measures = measures
        self.months = months
        self.days = days
        self.lines = lines
        self.dimensionValues = dimensionValues
        self.dimensionLabels = dimensionLabels
        self.measureValues = measureValues
        self.measureColumns = measureColumns
        self.dimensionColumns = dimensionColumns
    }
}
