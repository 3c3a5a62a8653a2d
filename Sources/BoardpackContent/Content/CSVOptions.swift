/// How a unit's KPI data files are written: the delimiter and the decimal separator.
///
/// Both come from `unit.yml` (`csv_delimiter`, `csv_decimal`) and are never guessed from the
/// data: a file that looks Italian in an English unit is an error, not a silent switch.
package struct CSVOptions: Sendable, Hashable {
    /// The field separator, one ASCII byte: `,` by default, `;` for Italian-style exports.
    var delimiter: UInt8 = UInt8(ascii: ",")
    /// When true, numbers use a decimal comma (`1234,5`); otherwise a decimal point.
    var decimalComma: Bool = false

    /// A command source's snapshot: what `psql --csv`, `sqlite3 -csv` and `duckdb -csv` write.
    package static let snapshot = CSVOptions()

    /// Creates options; the defaults are RFC 4180 with a decimal point.
    package init(delimiter: UInt8 = UInt8(ascii: ","), decimalComma: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
    }
}
