/// The project's one HTML/SVG escaping routine.
///
/// Every piece of text that reaches a page or a chart goes through here, so there is a single
/// place to audit. It escapes the five characters that matter in element content and in quoted
/// attribute values alike: `&`, `<`, `>`, `"` and `'`. The apostrophe becomes `&#39;` (valid in
/// HTML and XML, unlike `&apos;` in old HTML).
func escapeHTML(_ text: some StringProtocol) -> String {
    // Works on UTF-8 bytes: the five characters are ASCII, and every other byte (including
    // those of multi-byte characters) is copied as is. Most text needs no escaping at all.
    let special = isEscapedInHTML
    // Scanned in place where the text is contiguous (native strings and their substrings),
    // rather than through the generic UTF-8 view.
    let plain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: special) } ?? !text.utf8.contains(where: special)
    if plain { return String(text) }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    appendEscapedHTML(text, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Whether `byte` is one of the five characters ``escapeHTML(_:)`` replaces: one test of a
/// bit mask of `"` (0x22), `&` (0x26), `'` (0x27), `<` (0x3C) and `>` (0x3E), as every byte of
/// every text is tested.
@inline(__always)
func isEscapedInHTML(_ byte: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
    return byte < 64 && (mask >> UInt64(byte)) & 1 != 0
}

/// Appends `text` escaped exactly as `escapeHTML` does, for writers that build pages or
/// charts as UTF-8 bytes.
func appendEscapedHTML(_ text: some StringProtocol, to out: inout [UInt8]) {
    // Native strings and their substrings expose their UTF-8 in place; anything else is
    // copied into a native string first.
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscapedHTML(utf8: $0, to: &out) }
    if done == nil {
        var copy = String(text)
        copy.withUTF8 { appendEscapedHTML(utf8: $0, to: &out) }
    }
}

/// Appends the UTF-8 `text` escaped: each of the five special characters becomes its entity.
/// Most text has none and is copied in one piece; otherwise the runs between them are.
private func appendEscapedHTML(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
    guard let first = text.firstIndex(where: isEscapedInHTML) else {
        out.appendSmall(text)
        return
    }
    var start = 0
    for i in first..<text.count where isEscapedInHTML(text[i]) {
        guard let entity = entity(text[i]) else { continue }
        if start < i { out.appendSmall(UnsafeBufferPointer(rebasing: text[start..<i])) }
        out.appendLiteral(entity)
        start = i + 1
    }
    if start < text.count { out.appendSmall(UnsafeBufferPointer(rebasing: text[start...])) }
}

extension StringProtocol {
    /// This text escaped for HTML/SVG element content or a quoted attribute value.
    var htmlEscaped: String { escapeHTML(self) }
}
