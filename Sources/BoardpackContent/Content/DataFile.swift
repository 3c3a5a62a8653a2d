import BoardpackSupport

/// One KPI data file (`data/*.csv`), parsed and validated, stored column by column.
///
/// Columnar storage keeps a million rows in a few flat arrays: no per-row dictionaries and
/// no per-field `String`s on the aggregation path.
package struct DataFile: Sendable {
    /// Whether the period column is `month` (`YYYY-MM`) or `date` (`YYYY-MM-DD`).
    package enum Grain: String, Sendable { case month, date }

    /// Path as shown in diagnostics and in the pack's provenance table.
    package var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    package var sha256: String
    package var grain: Grain
    /// Names of the dimension columns, in file order.
    package var dimensions: [String]
    /// Names of the measure columns, in file order.
    package var measures: [String]

    /// Per row: the month of the row.
    package var months: [Month]
    /// Per row: day of month (1...31) for `date` grain; 0 for `month` grain.
    package var days: [UInt8]
    /// Per row: the 1-based line number where the row starts (for diagnostics).
    package var lines: [Int32]
    /// `dimensionValues[d][row]` is an index into `dimensionLabels[d]`.
    package var dimensionValues: [[Int32]]
    /// `dimensionLabels[d]` holds the distinct values of dimension column `d`, in order of first appearance.
    package var dimensionLabels: [[String]]
    /// `measureValues[m][row]`; `Double.nan` marks an empty cell (*not reported*). NaN cannot
    /// come from the file itself: the number grammar rejects it.
    package var measureValues: [[Double]]
    /// 1-based character column of each measure's name in the header line (for diagnostics).
    var measureColumns: [Int]
    /// 1-based character column of each dimension's name in the header line.
    var dimensionColumns: [Int]
    /// The header's line (an export's preamble comes before it) or a workbook's header row.
    var headerLine: Int32 = 1
    /// The sheet a workbook's rows were read from: positions are then cells (`Budget!C3`),
    /// `lines` are row numbers and the columns above are column numbers.
    package var sheet: String?

    /// Number of data rows.
    package var rowCount: Int { months.count }

    /// The file read up to the end of a month: what a pack of that month saw. Lets an
    /// earlier pack cite its inputs (rows, lines, SHA-256 of those bytes) unchanged when
    /// later months are appended to the same file.
    package struct Prefix: Sendable, Hashable {
        /// The last month included.
        package var through: Month
        /// Data rows included.
        package var rows: Int
        /// Physical lines included, header first: `head -n lines FILE | sha256sum` reproduces the hash.
        package var lines: Int
        package var sha256: String
    }

    /// One prefix per month, oldest first; empty when the rows are not in month order (the
    /// pack then cites the whole file).
    var prefixes: [Prefix] = []

    /// The rows of an export or a workbook that were read (its totals left out), when the
    /// file was converted: more than the rows they added up to.
    package var rowsRead: Int?

    /// What a pack ending with `month` read of this file: the longest prefix through it, or
    /// the whole file when the file is not in month order.
    package func provenance(through month: Month) -> (rows: Int, lines: Int?, sha256: String) {
        guard !prefixes.isEmpty else {
            // A converted export or workbook is cited whole, by a pack that read any of it:
            // this month's export is no input of last year's pack.
            if let rowsRead, let first = months.min() {
                return first <= month ? (rowsRead, nil, sha256) : (0, nil, "")
            }
            return (rowCount, nil, sha256)
        }
        guard let prefix = prefixes.last(where: { $0.through <= month }) else { return (0, 1, "") }
        return (prefix.rows, prefix.lines, prefix.sha256)
    }

    /// Where row `row` is in the file, as diagnostics name it: its line (`file:line`), or
    /// a workbook's row as Excel writes a whole row (`file:Budget!17:17`).
    package func location(ofRow row: Int) -> SourceLocation { location(ofLine: Int(lines[row])) }

    /// A line of the file (a workbook's row) as diagnostics name it.
    package func location(ofLine line: Int) -> SourceLocation {
        guard let sheet else { return SourceLocation(file: path, line: line) }
        return SourceLocation(file: path, cell: "\(sheet)!\(line):\(line)")
    }

    /// Where the header names measure `m` (`file:1:column`, `file:Budget!C3`).
    package func location(ofMeasure m: Int) -> SourceLocation {
        guard let sheet else { return SourceLocation(file: path, line: Int(headerLine), column: measureColumns[m]) }
        return SourceLocation(file: path, cell: "\(sheet)!\(Workbook.columnLetters(measureColumns[m]))\(headerLine)")
    }

    /// Row `row`'s place as a message quotes it: `file:line`.
    package func place(ofRow row: Int) -> String { location(ofRow: row).description }

    package init(
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
