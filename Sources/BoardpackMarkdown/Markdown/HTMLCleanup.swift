#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small rewrites of cmark-gfm's HTML so a page with many notes stays valid HTML5 under a
/// strict Content-Security-Policy:
/// - table alignment: `align="…"` is obsolete in HTML5 and `style=` is forbidden by the
///   CSP, so ` align="left|center|right"` becomes ` class="align-…"`;
/// - footnote ids: several notes share one page, so when a note has footnotes (its HTML
///   contains `id="fn`), every `id="fn…` and `href="#fn…` gets the note's prefix.
///
/// Every rewritten pattern contains one `=`, so one pass that stops only at `=` (rare in
/// HTML outside attributes) and looks around it replaces them all; the bytes between are
/// copied in whole runs. The result is the same as replacing each pattern in turn over the
/// whole text: no two patterns can match around the same `=`, and no replacement contains
/// a pattern (HTMLCleanupTests compares the two).
enum HTMLCleanup {
    /// Rewrites cmark-gfm's NUL-terminated output and returns it as a String (one UTF-8
    /// validation, no intermediate copies).
    static func apply(cString raw: UnsafePointer<CChar>, idPrefix: String) -> String {
        let count = strlen(raw)
        return raw.withMemoryRebound(to: UInt8.self, capacity: count) { base in
            apply(UnsafeBufferPointer(start: base, count: count), idPrefix: idPrefix)
        }
    }

    /// The rewrites applied to UTF-8 `html`.
    static func apply(_ html: UnsafeBufferPointer<UInt8>, idPrefix: String) -> String {
        guard let base = html.baseAddress, !html.isEmpty else { return "" }
        // One scan finds every candidate; footnote links are rewritten only when the note has
        // a footnote (`id="fn`), which may come after its first link.
        var hits: [(start: Int, end: Int, kind: Rewrite)] = []
        var searchFrom = 0
        while searchFrom < html.count, let hit = memchr(base + searchFrom, Int32(UInt8(ascii: "=")), html.count - searchFrom) {
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            searchFrom = at + 1
            guard let found = rewrite(html, equalsAt: at) else { continue }
            hits.append(found)
            searchFrom = found.end
        }
        let footnotes = hits.contains { $0.kind == .footnoteId }
        let prefix = Array(idPrefix.utf8) + [UInt8(ascii: "-")]
        var out: [UInt8] = []
        var copied = 0
        for hit in hits {
            let replacement: [UInt8]
            switch hit.kind {
            case .align(let side): replacement = alignSides[side].replacement
            case .footnoteId where footnotes: replacement = Array("=\"".utf8) + prefix
            case .footnoteLink where footnotes: replacement = Array("=\"#".utf8) + prefix
            default: continue
            }
            if out.isEmpty { out.reserveCapacity(html.count + 16 * hits.count + (footnotes ? hits.count * prefix.count : 0)) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<hit.start]))
            out.append(contentsOf: replacement)
            copied = hit.end
        }
        if copied == 0 { return String(decoding: html, as: UTF8.self) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return String(decoding: out, as: UTF8.self)
    }

    private enum Rewrite: Equatable {
        case align(Int), footnoteId, footnoteLink
    }

    private static let alignSides: [(value: [UInt8], replacement: [UInt8])] = ["left", "center", "right"].map {
        (Array("=\"\($0)\"".utf8), Array(" class=\"align-\($0)\"".utf8))
    }
    private static let footnoteIdValue = Array("=\"fn".utf8)
    private static let footnoteLinkValue = Array("=\"#fn".utf8)

    /// The pattern around the `=` at `at`, if any: the bytes it replaces and which it is.
    private static func rewrite(_ html: UnsafeBufferPointer<UInt8>, equalsAt at: Int) -> (start: Int, end: Int, kind: Rewrite)? {
        if has(html, " align", endingAt: at) {
            for (i, side) in alignSides.enumerated() where has(html, side.value, at: at) {
                return (at - 6, at + side.value.count, .align(i))
            }
            return nil
        }
        // id="fn → id="PREFIX-fn and href="#fn → href="#PREFIX-fn: only `="` and `="#` are
        // replaced, the rest is copied as is.
        if has(html, "id", endingAt: at), has(html, footnoteIdValue, at: at) { return (at, at + 2, .footnoteId) }
        if has(html, "href", endingAt: at), has(html, footnoteLinkValue, at: at) { return (at, at + 3, .footnoteLink) }
        return nil
    }

    /// True when the bytes just before `at` are `suffix`.
    private static func has(_ html: UnsafeBufferPointer<UInt8>, _ suffix: StaticString, endingAt at: Int) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return at >= n && memcmp(html.baseAddress! + at - n, suffix.utf8Start, n) == 0
    }

    /// True when the bytes from `at` on start with `bytes`.
    private static func has(_ html: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], at: Int) -> Bool {
        html.count - at >= bytes.count
            && bytes.withUnsafeBufferPointer { memcmp(html.baseAddress! + at, $0.baseAddress!, bytes.count) == 0 }
    }
}
