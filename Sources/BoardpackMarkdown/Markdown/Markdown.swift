import BoardpackSupport
import CMarkGFM
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fenced ```` ```chart ```` block found in a note, to be replaced by an SVG chart.
package struct ChartBlock: Sendable, Equatable {
    /// The block's YAML body.
    package var source: String
    /// 1-based line of the opening fence in the note's file.
    package var line: Int
}

/// A `{{ kpi ID }}` or `{{ kpi ID change }}` reference found in a note's text.
package struct InlineKPI: Sendable, Equatable {
    package var id: String
    /// True for `{{ kpi ID change }}`: the change vs the previous period.
    package var change: Bool
    package var line: Int
    package var column: Int
}

/// A task-list item (`- [ ] Approve …`), collected into the pack's decisions table.
package struct TaskItem: Sendable, Equatable {
    package var text: String
    package var done: Bool
    package var line: Int
}

/// A note body rendered to HTML, with placeholders where charts and KPI values go.
package struct RenderedMarkdown: Sendable, Equatable {
    /// Safe HTML. `Markdown.placeholder(kind:index:)` marks where `charts[i]` and `kpis[i]` go.
    package var html: String
    package var charts: [ChartBlock]
    package var kpis: [InlineKPI]
    package var tasks: [TaskItem]
    /// Problems found while reading the body (e.g. a malformed `{{ kpi }}` reference).
    package var diagnostics: [Diagnostic]
    /// Wall-clock time the rendering took, for `build --timings` (never part of the output).
    package var nanoseconds: UInt64 = 0
}

/// The one place that talks to cmark-gfm: GitHub-flavoured Markdown in safe mode.
///
/// Raw HTML is never passed through (no `CMARK_OPT_UNSAFE`): cmark-gfm replaces it with a
/// comment and empties `javascript:`/`vbscript:`/`data:` links; tagfilter is applied as a
/// second line of defence.
package enum Markdown {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    package static let marker: Character = "\u{E000}"

    /// The text that stands for chart or KPI number `index` in `RenderedMarkdown.html`.
    package static func placeholder(kind: String, index: Int) -> String { "\(marker)\(kind):\(index)\(marker)" }

    /// cmark-gfm is not thread-safe while it parses: parsing inlines adds its extensions'
    /// special characters (`~` for strikethrough…) to a process-wide table and removes them
    /// again afterwards, so two notes parsed at once can lose their strikethrough. Parsing
    /// (set-up, feeding, finishing) holds this lock; the walk over the finished document,
    /// HTML rendering and the rewrites touch only that document and run in parallel.
    static let lock = NSLock()

    static let options = Int32(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES)

    /// Renders `text`, whose first line is line `firstLine` of `path`. `idPrefix` keeps
    /// footnote ids unique when several notes share a page.
    package static func render(_ text: String, path: String, firstLine: Int, idPrefix: String) -> RenderedMarkdown {
        // Time spent waiting for the lock is not Markdown work: measure around it.
        var start = DispatchTime.now().uptimeNanoseconds
        // The private-use marker is ours; a note cannot smuggle one in.
        let clean = text.replacingBytes(String(marker), with: "")
        var nanoseconds = DispatchTime.now().uptimeNanoseconds - start
        let (parser, root) = lock.withLock {
            start = DispatchTime.now().uptimeNanoseconds
            defer { nanoseconds += DispatchTime.now().uptimeNanoseconds - start }
            return parseLocked(clean)
        }
        start = DispatchTime.now().uptimeNanoseconds
        defer {
            cmark_node_free(root)
            cmark_parser_free(parser)
        }
        // `{{ kpi … }}` may be split across text nodes (at `_`, `*`…): merge them, but only in
        // notes that have a reference at all.
        if clean.containsBytes("{{") { cmark_consolidate_text_nodes(root) }

        var walker = NoteWalker(path: path, lineOffset: firstLine - 1)
        walker.body = clean
        // The walk looks for `{{ kpi }}`, ```chart blocks and task items: a note with none of
        // their markers has nothing to find.
        if ["{{", "chart", "[ ]", "[x]", "[X]"].contains(where: clean.containsBytes) { walker.walk(root) }
        for node in walker.chartNodes { replaceWithPlaceholderParagraph(node.node, text: placeholder(kind: "chart", index: node.index)) }

        guard let raw = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark-gfm could not render HTML")
        }
        // The HTML rewrites read cmark-gfm's buffer directly: the note's HTML becomes a String once.
        var html = HTMLCleanup.apply(cString: raw, idPrefix: idPrefix)
        free(raw)
        if html.containsBytes(emptiedImage) { html = droppingEmptiedImages(html) }
        nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        return RenderedMarkdown(
            html: html, charts: walker.charts, kpis: walker.kpis, tasks: walker.tasks, diagnostics: walker.diagnostics,
            nanoseconds: nanoseconds)
    }

    /// Parses `clean` with cmark-gfm; the caller holds `lock`, and frees the document and
    /// then the parser (whose extensions the HTML renderer needs).
    private static func parseLocked(_ clean: String) -> (parser: OpaquePointer, root: OpaquePointer) {
        cmark_gfm_core_extensions_ensure_registered()
        // No CMARK_OPT_VALIDATE_UTF8: the text is a Swift String, valid UTF-8 by construction
        // (the loader rejects files that are not).
        guard let parser = cmark_parser_new(options) else { fatalError("cmark-gfm could not allocate a parser") }
        for name in extensionNames {
            // A missing extension would silently change what notes mean: refuse to go on.
            guard let ext = cmark_find_syntax_extension(name) else { fatalError("cmark-gfm extension `\(name)` is not available") }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var text = clean
        text.withUTF8 { bytes in bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark-gfm returned no document") }
        return (parser, root)
    }

    /// How cmark-gfm's safe mode writes an image whose URL it emptied (`javascript:`, a
    /// `data:` URL that is not an image…).
    static let emptiedImage = "<img src=\"\""

    /// `html` without the images whose URL safe mode emptied (SPEC §7): an image with no
    /// source is a broken frame on the page. Attribute values are escaped, so the tag ends at
    /// the first `>`.
    static func droppingEmptiedImages(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: emptiedImage) {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { return out }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    static func replaceWithPlaceholderParagraph(_ node: OpaquePointer, text: String) {
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let literal = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(literal, text)
        cmark_node_append_child(paragraph, literal)
        cmark_node_replace(node, paragraph)
        cmark_node_free(node)
    }
}

/// Walks a parsed note, collecting chart blocks, `{{ kpi }}` references and task items.
struct NoteWalker {
    let path: String
    let lineOffset: Int
    /// The note's body as parsed, for positions cmark-gfm does not give.
    var body = ""
    var charts: [ChartBlock] = []
    var chartNodes: [(node: OpaquePointer, index: Int)] = []
    var kpis: [InlineKPI] = []
    var tasks: [TaskItem] = []
    var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            guard event == CMARK_EVENT_ENTER else { continue }
            // Node types by enum (no string per node); a task item is a list item whose
            // type name the tasklist extension turns into "tasklist".
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT {
                replaceKPIReferences(in: node)
                continue
            }
            if type == CMARK_NODE_CODE_BLOCK {
                // Most code blocks are not charts: only an info string containing "chart" can
                // trim to it, and only those are turned into Swift strings.
                guard let info = cmark_node_get_fence_info(node), strstr(info, "chart") != nil,
                    String(cString: info).trimmingCharacters(in: .whitespaces) == "chart"
                else { continue }
                let source = String(cString: cmark_node_get_literal(node))
                chartNodes.append((node, charts.count))
                charts.append(ChartBlock(source: source, line: Int(cmark_node_get_start_line(node)) + lineOffset))
            } else if type == CMARK_NODE_ITEM, strcmp(cmark_node_get_type_string(node), "tasklist") == 0 {
                let done = cmark_gfm_extensions_get_tasklist_item_checked(node)
                let text = plainText(node)
                tasks.append(TaskItem(text: text, done: done, line: Int(cmark_node_get_start_line(node)) + lineOffset))
            }
        }
    }

    /// The item's text without its list marker and checkbox: its children rendered as plain
    /// text, joined by spaces, on one line (line breaks become one space) and trimmed.
    func plainText(_ item: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        var parts = 0
        var child = cmark_node_first_child(item)
        while let node = child {
            if let raw = cmark_render_plaintext(node, Int32(CMARK_OPT_DEFAULT), 0) {
                if parts > 0 { bytes.append(UInt8(ascii: " ")) }
                parts += 1
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
                free(raw)
            }
            child = cmark_node_next(node)
        }
        return Self.oneLine(bytes)
    }

    /// `text` with its runs of line breaks replaced by one space and surrounding white space
    /// removed: Unicode's newlines and white space (`Character.isNewline`,
    /// `.whitespacesAndNewlines`), decided byte by byte when the text is ASCII.
    static func oneLine(_ bytes: [UInt8]) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // ASCII newlines are LF, VT, FF and CR; white space adds tab and space.
        let isNewline = { (b: UInt8) in (0x0A...0x0D).contains(b) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for line in bytes.split(whereSeparator: isNewline) {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            out.append(contentsOf: line)
        }
        let isSpace = { (b: UInt8) in b == 0x20 || (0x09...0x0D).contains(b) }
        let start = out.firstIndex { !isSpace($0) } ?? out.endIndex
        let end = out.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return String(decoding: out[start..<max(start, end)], as: UTF8.self)
    }

    /// True when line `line`, byte column `column` (1-based) of the body starts with the first
    /// line of `text`. Walks the body's bytes without splitting it: every reference of every
    /// note is checked.
    func holds(_ text: String, atLine line: Int, column: Int) -> Bool {
        guard line >= 1, column >= 1 else { return false }
        let bytes = body.utf8
        var start = bytes.startIndex
        for _ in 1..<line {
            guard let feed = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
            start = bytes.index(after: feed)
        }
        guard let at = bytes.index(start, offsetBy: column - 1, limitedBy: bytes.endIndex) else { return false }
        return bytes[at...].starts(with: text.utf8.prefix { $0 != UInt8(ascii: "\n") })
    }

    /// The 1-based line and byte column of the first place in the body that holds the first
    /// line of `text` (for a node cmark-gfm placed wrongly).
    func position(of text: String) -> (line: Int, column: Int)? {
        guard let first = text.split(separator: "\n", omittingEmptySubsequences: false).first, !first.isEmpty else { return nil }
        for (index, bodyLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = bodyLine.range(of: first) {
                return (index + 1, bodyLine.utf8.distance(from: bodyLine.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    /// Replaces each `{{ kpi ID }}` / `{{ kpi ID change }}` in a text node by a placeholder.
    mutating func replaceKPIReferences(in node: OpaquePointer) {
        guard let literalPointer = cmark_node_get_literal(node), strstr(literalPointer, "{{") != nil else { return }
        let literal = String(cString: literalPointer)
        var (line, column) = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
        // The table extension re-reads a paragraph just before a table and leaves it with no
        // source position (0:0) or a wrong one: when the body does not hold the text there,
        // find it.
        if !holds(literal, atLine: line, column: column), let found = position(of: literal) { (line, column) = found }
        line += lineOffset
        var output = ""
        var rest = Substring(literal)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                output += rest[open.lowerBound...]
                rest = ""
                break
            }
            let words = rest[open.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
            let offset = literal.distance(from: literal.startIndex, to: open.lowerBound)
            if words.first == "kpi", words.count == 2 || (words.count == 3 && words[2] == "change") {
                output += Markdown.placeholder(kind: "kpi", index: kpis.count)
                kpis.append(InlineKPI(id: words[1], change: words.count == 3, line: line, column: column + offset))
            } else {
                diagnostics.append(
                    .error(
                        "`{{\(rest[open.upperBound..<close.lowerBound])}}` is not a KPI reference",
                        at: SourceLocation(file: path, line: line, column: column + offset),
                        hint: "write {{ kpi ID }} or {{ kpi ID change }}"))
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        cmark_node_set_literal(node, output)
    }
}
