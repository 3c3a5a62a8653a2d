/// The project's one HTML/SVG escaping routine is ``appendEscapedHTML(_:to:)``.
///
/// Every piece of text that reaches a page (through `HTMLBuffer`) or a chart (through
/// `SVGBuilder`) goes through it, so there is a single place to audit. It escapes the five
/// characters that matter in element content and in quoted attribute values alike: `&`, `<`,
/// `>`, `"` and `'`. The apostrophe becomes `&#39;` (valid in HTML and XML, unlike `&apos;` in
/// old HTML).

/// Whether `byte` is one of the five characters ``appendEscapedHTML(_:to:)`` replaces: one test of a
/// bit mask of `"` (0x22), `&` (0x26), `'` (0x27), `<` (0x3C) and `>` (0x3E), as every byte of
/// every text is tested.
@inline(__always)
func isEscapedInHTML(_ byte: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
    return byte < 64 && (mask >> UInt64(byte)) & 1 != 0
}

/// Appends `text` escaped, for the writers that build pages and charts as UTF-8 bytes.
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
