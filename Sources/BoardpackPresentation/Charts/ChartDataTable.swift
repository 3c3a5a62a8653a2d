/// The numbers behind a chart, formatted, for the appendix (the integrator renders it as HTML).
public struct ChartDataTable: Sendable, Equatable {
    /// Column headings.
    public var headers: [String]
    /// One array of cells per row, as many as `headers`.
    public var rows: [[String]]

    /// Creates a table.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }
}
