/// The project's one HTML/SVG escaping routine.
///
/// Every piece of text that reaches a page or a chart goes through here, so there is a single
/// place to audit. It escapes the five characters that matter in element content and in quoted
/// attribute values alike: `&`, `<`, `>`, `"` and `'`. The apostrophe becomes `&#39;` (valid in
/// HTML and XML, unlike `&apos;` in old HTML).
public func escapeHTML(_ text: some StringProtocol) -> String {
    // Works on UTF-8 bytes: the five characters are ASCII, and every other byte (including
    // those of multi-byte characters) is copied as is. Most text needs no escaping at all.
    func special(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    guard text.utf8.contains(where: special) else { return String(text) }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    appendEscapedHTML(text, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends `text` escaped exactly as `escapeHTML` does, for writers that build pages or
/// charts as UTF-8 bytes.
func appendEscapedHTML(_ text: some StringProtocol, to out: inout [UInt8]) {
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\""): out += "&quot;".utf8
        case UInt8(ascii: "'"): out += "&#39;".utf8
        default: out.append(byte)
        }
    }
}

extension StringProtocol {
    /// This text escaped for HTML/SVG element content or a quoted attribute value.
    public var htmlEscaped: String { escapeHTML(self) }
}
