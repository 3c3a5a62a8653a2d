import BoardpackSupport
import Foundation

/// What a header column holds, decided once from its name.
enum CSVColumnKind: Sendable, Equatable {
    /// The period column, `month` or `date`.
    case period
    /// Dimension number `index` (into `DataFile.dimensions`).
    case dimension(Int)
    /// Measure number `index` (into `DataFile.measures`).
    case measure(Int)
    /// A column already reported as wrong (unknown, duplicate, unnamed): its cells are skipped.
    case ignored
}

/// The state of reading one data file: scanner, header, the columns being filled, and the
/// diagnostics so far. Used once, by `DataFileReader.read`.
struct CSVFileParser {
    /// The whole file (valid UTF-8 without NUL bytes, checked before parsing).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The path shown in diagnostics.
    let path: String
    /// Delimiter and decimal separator.
    let options: CSVOptions
    /// The names the header may use.
    let schema: DataFileSchema
    /// Splits the bytes into fields and counts lines.
    var scanner: CSVScanner
    /// Every error found so far, in reading order.
    var diagnostics: [Diagnostic] = []
    /// Errors in the current row's cells, kept back until the row is known not to be ragged.
    var cellErrors: [Diagnostic] = []

    /// The kind of each header column, by field index.
    var columns: [CSVColumnKind] = []
    /// Set by the period column's name.
    var grain: DataFile.Grain = .month
    /// Dimension names, in file order.
    var dimensions: [String] = []
    /// Measure names, in file order.
    var measures: [String] = []
    /// 1-based field index of each dimension.
    var dimensionColumns: [Int] = []
    /// 0-based field index of each dimension.
    var dimensionFields: [Int] = []
    /// Where the text starts (past the BOM, if any).
    let start: Int
    /// 1-based field index of each measure.
    var measureColumns: [Int] = []

    /// Per row: the period's month.
    var months: [Month] = []
    /// Per row: the day of month for `date` grain, 0 for `month`.
    var days: [UInt8] = []
    /// Per row: the line where it starts.
    var lines: [Int32] = []
    /// Per dimension, per row: the label's index.
    var dimensionValues: [[Int32]] = []
    /// Per dimension: its distinct labels.
    var labelTables: [CSVLabelTable] = []
    /// Per measure, per row: the value, NaN when empty.
    var measureValues: [[Double]] = []
    /// Data records seen, ragged ones included.
    var recordCount = 0

    /// Whether rows are first tried with `readPlainRows` (off only in tests, to compare).
    var readsPlainRows = true
    /// Where `readPlainRows` collects rows, made on its first call.
    var rowChunk: CSVRowChunk?
    /// Offset where the current row starts.
    var rowStart = 0
    /// Each row whose month differs from the previous row's: its index and the offset where
    /// it starts (the start of its line, since a valid file has no blank lines between rows).
    /// The provenance prefixes end there.
    var monthChanges: [(row: Int, offset: Int)] = []
    /// Line feeds in the file (counted by `CSVTextCheck`).
    let lineFeeds: Int

    /// The last valid period cell read (where its text is in the file) and its value: rows
    /// share periods.
    var lastPeriod: (start: Int, end: Int, month: Month, day: UInt8)?

    /// Fields longer than this are an error (SPEC §2.3).
    static let maxFieldLength = 64 * 1024

    /// Prepares to read `bytes` from `start` (past the BOM, if any), which hold `lineFeeds`
    /// line feeds.
    init(
        bytes: UnsafeBufferPointer<UInt8>, start: Int, lineFeeds: Int, path: String, options: CSVOptions,
        schema: DataFileSchema
    ) {
        self.bytes = bytes
        self.lineFeeds = lineFeeds
        self.path = path
        self.options = options
        self.schema = schema
        self.scanner = CSVScanner(bytes: bytes, delimiter: options.delimiter, start: start)
        self.start = start
    }

    /// Reads the whole file.
    mutating func run() -> (DataFile?, [Diagnostic]) {
        guard readHeader() else { return (nil, diagnostics) }
        readRows()
        if diagnostics.isEmpty && recordCount == 0 {
            error("no data rows after the header", at: SourceLocation(file: path, line: 1))
        }
        if diagnostics.isEmpty { checkPaddedLabels() }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        let file = DataFile(
            path: path, sha256: "", grain: grain, dimensions: dimensions, measures: measures,
            months: months, days: days, lines: lines, dimensionValues: dimensionValues,
            dimensionLabels: labelTables.map(\.strings), measureValues: measureValues,
            measureColumns: measureColumns, dimensionColumns: dimensionColumns)
        return (file, diagnostics)
    }

    /// A dimension value with leading or trailing spaces is an error (SPEC §7): values are
    /// compared exactly, and ` paid_search ` would become a channel of its own. Checked once
    /// per distinct value, after the rows are read; the error points at its first cell.
    mutating func checkPaddedLabels() {
        let space: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        for (d, table) in labelTables.enumerated() {
            for (index, label) in table.strings.enumerated() {
                let utf8 = label.utf8
                guard let first = utf8.first, let last = utf8.last, space(first) || space(last) else { continue }
                guard let row = dimensionValues[d].firstIndex(of: Int32(index)) else { continue }
                error(
                    "`\(label)` has \(space(first) ? "leading" : "trailing") spaces: a `\(dimensions[d])` value is compared exactly, so it would count apart from `\(label.trimmingCharacters(in: .whitespaces))`",
                    at: fieldLocation(line: Int(lines[row]), column: dimensionFields[d]), hint: "remove the spaces in the file")
            }
        }
    }

    /// The place of field `column` (0-based) on line `line`, for a problem found after the rows
    /// were read.
    func fieldLocation(line: Int, column: Int) -> SourceLocation {
        var offset = start, current = 1
        while current < line, let feed = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) {
            offset = feed + 1
            current += 1
        }
        let lineStart = offset
        var field = 0, quoted = false
        while field < column, offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            if bytes[offset] == UInt8(ascii: "\"") { quoted.toggle() }
            if bytes[offset] == options.delimiter && !quoted { field += 1 }
            offset += 1
        }
        return location(CSVPosition(offset: offset, line: line, lineStart: lineStart))
    }

    /// True once the error limit is reached; the caller stops reading.
    var tooManyErrors: Bool { diagnostics.count >= DataFileReader.maxErrors }

    /// The line and column of a position in this file.
    func location(_ position: CSVPosition) -> SourceLocation {
        position.location(in: bytes, file: path)
    }

    /// Records an error at a location.
    mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
    }

    /// Records a structural problem; returns true when it is fatal.
    mutating func report(_ problem: CSVProblem) -> Bool {
        diagnostics.append(problem.diagnostic(in: bytes, file: path))
        switch problem {
        case .unterminatedQuote, .bareCarriageReturn: return true
        case .quoteInUnquotedField, .textAfterClosingQuote: return false
        }
    }

    /// Reports a field over the size limit; returns true when it is.
    mutating func checkLength(_ field: CSVField) -> Bool {
        guard field.contentLength > Self.maxFieldLength else { return false }
        error(
            "field is longer than 64 KiB (\(field.contentLength) bytes)", at: location(field.position),
            hint: "is a quote left open further up?")
        return true
    }
}
