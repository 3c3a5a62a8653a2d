import BoardpackMarkdown
import FuzzSupport

/// A strict reading of a note's HTML as a page shows it: the markup must be the small set
/// cmark-gfm writes in safe mode plus boardpack's own embeds, every tag well formed, every
/// attribute double-quoted, no event handler, no style and no dangerous URL.
enum HTMLSafety {
    static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong", "del", "a",
        "img", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "input", "section", "sup",
        // boardpack's: a `{{ kpi }}` and a chart.
        "span", "figure",
    ]
    static let attributes: Set<String> = [
        "href", "src", "alt", "title", "class", "id", "type", "disabled", "checked", "start", "data-footnotes",
        "data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx", "aria-label",
    ]
    /// URL schemes cmark-gfm empties in safe mode (images may keep a few `data:image/…` types).
    static let dangerousSchemes = ["javascript:", "vbscript:", "file:", "data:"]
    static let safeImageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String)]
    }

    static func check(_ html: String, kpis: Int, charts: Int) {
        FuzzCheck.require(!html.contains(Markdown.marker), "every placeholder is filled")
        FuzzCheck.require(!html.contains("<x-kpi>"), "a {{ kpi }}'s text is escaped")
        // The elements `NoteHTML` writes for `{{ kpi }}`s are checked apart: where they land.
        checkKPIsOutsideTags(html, count: kpis)
        let tags = scan(Array(removingKPIs(html).utf8))
        var figures = 0
        var ids: Set<String> = []
        for tag in tags {
            FuzzCheck.require(elements.contains(tag.name), "element <\(tag.name)> is not one cmark-gfm or boardpack writes")
            if tag.closing { continue }
            for (name, value) in tag.attributes {
                FuzzCheck.require(attributes.contains(name), "attribute `\(name)` on <\(tag.name)>")
                if name == "href" || name == "src" {
                    let url = String(value.lowercased().drop { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
                    let allowed = tag.name == "img" && name == "src" && safeImageData.contains { url.hasPrefix($0) }
                    FuzzCheck.require(allowed || !dangerousSchemes.contains { url.hasPrefix($0) }, "dangerous URL `\(value)`")
                }
                // SPEC §7: a {{ kpi }} in an attribute is text, an emptied image is dropped, ids are unique.
                FuzzCheck.require(!value.contains("<") && !value.contains(">"), "markup inside attribute `\(name)=\"\(value)\"`")
                if name == "id" { FuzzCheck.require(ids.insert(value).inserted, "element id `\(value)` is not unique") }
                if tag.name == "img" && name == "src" { FuzzCheck.require(!value.isEmpty, "an image with an emptied URL is kept") }
            }
            if tag.name == "figure" { figures += 1 }
        }
        FuzzCheck.require(figures == charts, "\(charts) charts shown as \(figures) figures")
    }

    /// Each `{{ kpi }}`'s element is in text, not inside another tag (an image's `alt`, where
    /// the value is plain text): the last `<` before it was closed by a `>` (text and
    /// attribute values have both escaped).
    static func checkKPIsOutsideTags(_ html: String, count: Int) {
        let b = Array(html.utf8), open = Array(kpiElement.utf8)
        var found = 0, lastOpen = -1, lastClose = -1
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                if b.count - i >= open.count && b[i..<i + open.count].elementsEqual(open) {
                    FuzzCheck.require(
                        lastOpen <= lastClose, "a {{ kpi }} lands inside a tag: \(String(decoding: b[lastOpen..<i], as: UTF8.self))")
                    found += 1
                }
                lastOpen = i
            } else if b[i] == UInt8(ascii: ">") {
                lastClose = i
            }
            i += 1
        }
        FuzzCheck.require(found <= count, "\(count) {{ kpi }} shown as \(found) elements")
    }

    static let kpiElement = "<span class=\"kpi-inline\">"

    /// `html` without the elements `NoteHTML` writes for `{{ kpi }}`s.
    static func removingKPIs(_ html: String) -> String {
        var rest = Substring(html), out = ""
        while let open = rest.firstRange(of: kpiElement), let close = rest[open.upperBound...].firstRange(of: "</span>") {
            out += rest[..<open.lowerBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The tags of `html`, checking that text holds no bare `>` and that comments, tags and
    /// attribute values are closed.
    static func scan(_ b: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
        func isNameByte(_ c: UInt8) -> Bool {
            (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) || c == UInt8(ascii: "-")
        }
        func starts(_ s: String, at k: Int) -> Bool { b.count - k >= s.utf8.count && b[k..<k + s.utf8.count].elementsEqual(s.utf8) }
        while i < b.count {
            if b[i] == UInt8(ascii: ">") { FuzzCheck.require(false, "a bare `>` in text at byte \(i)") }
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                var k = i + 4
                while k < b.count && !starts("-->", at: k) { k += 1 }
                FuzzCheck.require(k < b.count, "an unclosed comment")
                FuzzCheck.require(String(decoding: b[i..<k + 3], as: UTF8.self) == "<!-- raw HTML omitted -->", "a comment")
                i = k + 3
                continue
            }
            var k = i + 1
            let closing = k < b.count && b[k] == UInt8(ascii: "/")
            if closing { k += 1 }
            let nameStart = k
            while k < b.count && isNameByte(b[k]) { k += 1 }
            var tag = Tag(name: String(decoding: b[nameStart..<k], as: UTF8.self).lowercased(), closing: closing, attributes: [])
            FuzzCheck.require(!tag.name.isEmpty, "a bare `<` in text at byte \(i)")
            while true {
                while k < b.count && isSpace(b[k]) { k += 1 }
                FuzzCheck.require(k < b.count, "an unclosed tag <\(tag.name)")
                if b[k] == UInt8(ascii: ">") { break }
                if starts("/>", at: k) {
                    k += 1
                    break
                }
                let attrStart = k
                while k < b.count && isNameByte(b[k]) { k += 1 }
                FuzzCheck.require(k > attrStart, "a malformed attribute in <\(tag.name)> at byte \(k)")
                let name = String(decoding: b[attrStart..<k], as: UTF8.self).lowercased()
                var value = ""
                if k < b.count && b[k] == UInt8(ascii: "=") {
                    k += 1
                    FuzzCheck.require(k < b.count && b[k] == UInt8(ascii: "\""), "attribute `\(name)` is double-quoted")
                    let valueStart = k + 1
                    k = valueStart
                    while k < b.count && b[k] != UInt8(ascii: "\"") { k += 1 }
                    FuzzCheck.require(k < b.count, "an unclosed attribute value")
                    value = String(decoding: b[valueStart..<k], as: UTF8.self)
                    k += 1
                }
                tag.attributes.append((name, value))
            }
            tags.append(tag)
            i = k + 1
        }
        return tags
    }
}
