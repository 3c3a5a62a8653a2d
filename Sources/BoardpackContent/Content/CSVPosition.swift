import BoardpackSupport

/// A place in a CSV file's bytes, with enough context to turn it into a line and column.
///
/// The column is computed only when a diagnostic needs it, by counting the Unicode scalars
/// between the start of the line and the offset: the hot loop stores three integers and
/// never counts characters.
struct CSVPosition: Sendable, Equatable {
    /// Byte offset into the file.
    var offset: Int
    /// 1-based line number.
    var line: Int
    /// Byte offset where that line starts (after the BOM on line 1).
    var lineStart: Int

    /// The 1-based line and column (in Unicode scalars) of this position.
    func location(in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var column = 1
        var i = lineStart
        while i < offset {
            // Count every byte that is not a UTF-8 continuation byte (10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// How a field ended.
enum CSVFieldEnd: Sendable, Equatable {
    /// A delimiter follows: more fields in this record.
    case delimiter
    /// A line ending (LF or CRLF) follows: the record is complete.
    case record
    /// The file ends right after the field.
    case file
    /// The scanner met something it cannot read past; `CSVField.problem` says what.
    case fatal
}

/// A structural problem found while splitting fields.
enum CSVProblem: Sendable, Equatable {
    /// A `"` inside a field that does not start with one.
    case quoteInUnquotedField(CSVPosition)
    /// Text between a closing quote and the next delimiter, as in `"abc"x`.
    case textAfterClosingQuote(CSVPosition)
    /// A quoted field that never closes; the position is its opening quote. Fatal.
    case unterminatedQuote(CSVPosition)
    /// A carriage return not followed by a line feed outside quotes. Fatal.
    case bareCarriageReturn(CSVPosition)

    /// The problem as a diagnostic.
    func diagnostic(in bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic {
        switch self {
        case .quoteInUnquotedField(let p):
            return .error(
                "unexpected quote in an unquoted field", at: p.location(in: bytes, file: file),
                hint: "enclose the whole field in quotes and double the quote (\"\")")
        case .textAfterClosingQuote(let p):
            return .error(
                "unexpected text after a closing quote", at: p.location(in: bytes, file: file),
                hint: "a quoted field must end at the quote; double a quote (\"\") to include it")
        case .unterminatedQuote(let p):
            return .error("unterminated quoted field", at: p.location(in: bytes, file: file))
        case .bareCarriageReturn(let p):
            return .error(
                "carriage return without a line feed", at: p.location(in: bytes, file: file),
                hint: "save the file with LF or CRLF line endings")
        }
    }
}
