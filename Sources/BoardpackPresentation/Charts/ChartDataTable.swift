/// The numbers behind a chart, formatted, for the appendix (the integrator renders it as HTML).
package struct ChartDataTable: Sendable, Equatable {
    /// Column headings.
    package var headers: [String]
    /// One array of cells per row, as many as `headers`.
    package var rows: [[String]]

    /// Creates a table.
    package init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }
}
