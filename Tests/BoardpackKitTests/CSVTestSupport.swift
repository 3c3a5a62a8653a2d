@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Helpers shared by the CSV reader tests.
enum CSVTestSupport {
    /// A schema like a retail unit's: dimension `store` (plus `channel`), a few measures.
    static let schema = DataFileSchema(
        allowedDimensions: ["store"],
        knownMeasures: ["spend", "leads", "new_customers", "revenue", "qualified_leads"])

    /// Reads `text` as `data/test.csv`.
    static func read(_ text: String, options: CSVOptions = CSVOptions()) -> (DataFile?, [Diagnostic]) {
        read(bytes: Array(text.utf8), options: options)
    }

    /// Reads raw bytes as `data/test.csv`.
    static func read(bytes: [UInt8], options: CSVOptions = CSVOptions()) -> (DataFile?, [Diagnostic]) {
        DataFileReader.read(bytes: bytes, path: "data/test.csv", options: options, schema: schema)
    }

    /// The diagnostics as `line:column: message`, the form the tests assert on.
    static func errors(_ text: String, options: CSVOptions = CSVOptions()) -> [String] {
        render(read(text, options: options).1)
    }

    /// Diagnostics rendered as `line:column: message`.
    static func render(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            let l = d.location ?? SourceLocation(file: "")
            return "\(l.line):\(l.column): \(d.message)"
        }
    }
}
