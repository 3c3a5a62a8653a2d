/// One field as the scanner found it: a byte range into the file, never a copy.
struct CSVField: Sendable {
    /// Offset of the first content byte (after the opening quote for a quoted field).
    var contentStart: Int
    /// Offset just past the last content byte (before the closing quote).
    var contentEnd: Int
    /// Where the field starts: its first byte, or its opening quote.
    var position: CSVPosition
    /// Where the field's terminator (delimiter, line ending or end of file) is.
    var terminator: CSVPosition
    /// True for a quoted field holding `""`: its content must be unescaped before use.
    var hasEscapedQuotes: Bool
    /// What follows the field.
    var end: CSVFieldEnd
    /// A structural problem found in this field, if any.
    var problem: CSVProblem?

    /// Length of the raw content in bytes (escaped quotes counted twice).
    var contentLength: Int { contentEnd - contentStart }

    /// Calls `body` with the field's content: a slice of the file, or an unescaped copy when
    /// the field holds doubled quotes.
    func withContent<R>(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let raw = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
        guard hasEscapedQuotes else { return body(raw) }
        var copy: [UInt8] = []
        copy.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            copy.append(raw[i])
            i += raw[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return copy.withUnsafeBufferPointer(body)
    }
}
