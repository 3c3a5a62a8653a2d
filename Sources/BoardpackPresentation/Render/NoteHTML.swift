import BoardpackContent
import BoardpackMarkdown
import BoardpackSupport

/// A visible note rendered for a pack: its HTML with charts and KPI values put in place.
package struct NoteHTML: Sendable {
    package var note: Note
    package var html: String
    package var tasks: [TaskItem]
    /// Time spent in `Markdown.render` for this note, for `build --timings`.
    package var markdownNanoseconds: UInt64 = 0

    /// Puts the embeds into `note`'s body as read (`doc`), asking `kpi` and `chart` for the
    /// text that replaces each. `kpi` returns plain text (escaped here); `chart` returns
    /// trusted SVG/HTML.
    package static func render(
        _ note: Note, _ doc: RenderedMarkdown,
        kpi: (InlineKPI, Int) -> String, chart: (ChartBlock, Int) -> String, taskWords: (open: String, done: String) = ("Open", "Done")
    ) -> NoteHTML {
        // Every KPI first, then every chart, in order: the chart callback records the charts'
        // data tables as it goes.
        let texts = doc.kpis.enumerated().map { i, reference in kpi(reference, i) }
        let kpis = texts.map { text -> String in
            let html: HTMLBuffer = "<span class=\"kpi-inline\">\(text)</span>"
            return html.string
        }
        // Inside an attribute (an image's alt text) a value is plain text, never markup.
        let plain = texts.map { text -> String in
            let html: HTMLBuffer = "\(text)"
            return html.string
        }
        let charts = doc.charts.enumerated().map { i, block in chart(block, i) }
        var html =
            kpis.isEmpty && charts.isEmpty
            ? doc.html : substitutingPlaceholders(doc.html, kpis: kpis, plainKPIs: plain, charts: charts)
        if !doc.tasks.isEmpty {
            // A task item's checkbox says what it shows (SPEC §6 v2, accessibility).
            html = labellingCheckboxes(html, open: taskWords.open, done: taskWords.done)
        }
        return NoteHTML(note: note, html: html, tasks: doc.tasks, markdownNanoseconds: doc.nanoseconds)
    }

    /// cmark-gfm's task checkboxes (`<input type="checkbox" [checked="" ]disabled="" />`) with an
    /// `aria-label` naming their state, in one pass over the bytes (Foundation's string search
    /// over every note of every pack was a tenth of a bench build).
    static func labellingCheckboxes(_ html: String, open: String, done: String) -> String {
        let start = Array("<input type=\"checkbox\" ".utf8)
        let checked = Array("checked=\"\" ".utf8)
        func attribute(_ word: String) -> [UInt8] {
            let escaped: HTMLBuffer = "\(word)"
            return Array(" aria-label=\"".utf8) + escaped.bytes + [UInt8(ascii: "\"")]
        }
        let (openLabel, doneLabel) = (attribute(open), attribute(done))
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), bytes[i...].starts(with: start),
                let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")), close > i, bytes[close - 1] == UInt8(ascii: "/")
            else {
                out.append(bytes[i])
                i += 1
                continue
            }
            // Up to the ` />`, the label, then the ` />`.
            let end = bytes[close - 2] == UInt8(ascii: " ") ? close - 2 : close - 1
            out.append(contentsOf: bytes[i..<end])
            out.append(contentsOf: bytes[(i + start.count)...].starts(with: checked) ? doneLabel : openLabel)
            out.append(contentsOf: bytes[end...close])
            i = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `html` with each `Markdown.placeholder(kind:index:)` replaced by `kpis[index]` or
    /// `charts[index]`, in one pass over the bytes. A chart replaced a whole code block, which
    /// cmark wrapped in a paragraph: `<p>placeholder</p>` becomes the bare figure. A
    /// placeholder with no text to put in stays as it is. A KPI placeholder inside a tag (an
    /// attribute's value: cmark writes an image's alt text there) gets `plainKPIs[index]`.
    static func substitutingPlaceholders(_ html: String, kpis: [String], plainKPIs: [String]? = nil, charts: [String]) -> String {
        let marker = Array(String(Markdown.marker).utf8)
        let open = Array("<p>".utf8), close = Array("</p>".utf8)
        var source = html
        return source.withUTF8 { h in
            var out: [UInt8] = []
            out.reserveCapacity(h.count + kpis.reduce(0) { $0 + $1.utf8.count } + charts.reduce(0) { $0 + $1.utf8.count })
            /// True when `bytes` occur in `h` at `offset`.
            func occurs(_ bytes: [UInt8], at offset: Int) -> Bool {
                offset >= 0 && offset + bytes.count <= h.count && h[offset..<offset + bytes.count].elementsEqual(bytes)
            }
            var copied = 0
            for at in offsets(of: marker, in: h) where at >= copied {
                guard let (kind, index, end) = placeholder(in: h, at: at, marker: marker) else { continue }
                if kind == "kpi", index < kpis.count {
                    out += UnsafeBufferPointer(rebasing: h[copied..<at])
                    out.appendUTF8(insideTag(h, at) ? (plainKPIs ?? kpis)[index] : kpis[index])
                    copied = end
                } else if kind == "chart", index < charts.count {
                    let wrapped = at - open.count >= copied && occurs(open, at: at - open.count) && occurs(close, at: end)
                    out += UnsafeBufferPointer(rebasing: h[copied..<(wrapped ? at - open.count : at)])
                    out.appendUTF8(charts[index])
                    copied = wrapped ? end + close.count : end
                }
            }
            out += UnsafeBufferPointer(rebasing: h[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// True when offset `at` of `h` is inside a tag: the nearest `<` or `>` before it is a `<`.
    /// (cmark escapes both in text and attribute values, so each is markup.)
    private static func insideTag(_ h: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var i = at - 1
        while i >= 0 {
            if h[i] == UInt8(ascii: ">") { return false }
            if h[i] == UInt8(ascii: "<") { return true }
            i -= 1
        }
        return false
    }

    /// The kind and index of the placeholder starting at `at` (`marker kind:index marker`)
    /// and the offset just past it; nil when the bytes there are not one.
    private static func placeholder(
        in h: UnsafeBufferPointer<UInt8>, at: Int, marker: [UInt8]
    ) -> (kind: String, index: Int, end: Int)? {
        var i = at + marker.count
        let kindStart = i
        while i < h.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(h[i]) { i += 1 }
        guard i > kindStart, i < h.count, h[i] == UInt8(ascii: ":") else { return nil }
        let kind = String(decoding: UnsafeBufferPointer(rebasing: h[kindStart..<i]), as: UTF8.self)
        i += 1
        var index = 0, digits = 0
        while i < h.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(h[i]), digits < 9 {
            index = index * 10 + Int(h[i] - UInt8(ascii: "0"))
            i += 1
            digits += 1
        }
        guard digits > 0, i + marker.count <= h.count, h[i..<i + marker.count].elementsEqual(marker) else { return nil }
        return (kind, index, i + marker.count)
    }
}
