import BoardpackContent
import BoardpackMetrics

/// Small HTML pieces every section shares: status badges, partial marks, tables.
enum PackHTML {
    static func statusClass(_ status: KPIStatus) -> String { "status-\(status.rawValue)" }

    /// A status as a word with a shape, so it never rests on colour alone.
    static func statusBadge(_ ctx: PackContext, _ status: KPIStatus, word: String? = nil) -> HTMLBuffer {
        guard let word else { return badges[ctx.locale.isItalian ? 1 : 0][badgeIndex(status)] }
        return badge(status, word: word)
    }

    /// A KPI's status badge, with the word its status speaks in (``KPIResult/statusWordKey``):
    /// a status the playbook decided says "act now" rather than "off target".
    static func statusBadge(_ ctx: PackContext, _ r: KPIResult) -> HTMLBuffer {
        switch (r.status, r.statusWordKey) {
        case (.red, "act_now"), (.green, "strength"): statusBadge(ctx, r.status, word: ctx.locale.label(r.statusWordKey))
        default: statusBadge(ctx, r.status)
        }
    }

    /// The badge with its text, `word` escaped.
    private static func badge(_ status: KPIStatus, word: String) -> HTMLBuffer {
        let shape: String =
            switch status {
            case .green: "●"
            case .amber: "▲"
            case .red: "■"
            case .none, .na: "○"
            }
        return "<span class=\"badge \(statusClass(status))\"><span aria-hidden=\"true\">\(shape)</span> \(word)</span>"
    }

    /// The statuses in the order of ``badges``.
    private static let statuses: [KPIStatus] = [.green, .amber, .red, .none, .na]

    private static func badgeIndex(_ status: KPIStatus) -> Int {
        switch status {
        case .green: 0
        case .amber: 1
        case .red: 2
        case .none: 3
        case .na: 4
        }
    }

    /// Every status's badge with its word, in English and in Italian (the words depend on the
    /// language only), written once rather than for every row of every table.
    private static let badges: [[HTMLBuffer]] = [PackLocale.enGB, .itIT].map { locale in
        statuses.map { badge($0, word: PackContext.statusWord($0, locale)) }
    }

    /// The mark on a partial figure, explained in the legend under the tables.
    static func partialMark(_ ctx: PackContext) -> HTMLBuffer { partialMarks[ctx.locale.isItalian ? 1 : 0] }

    private static let partialMarks = [PackLocale.enGB, .itIT].map { locale -> HTMLBuffer in
        "<abbr class=\"partial\" title=\"\(locale.label("partial_some_rows_did_not"))\">*</abbr>"
    }

    /// What a table's caption, header or cell holds: text, escaped as it is written, or markup
    /// the code made (a status badge, a span around text it escaped itself).
    enum Cell: Sendable {
        case text(String)
        case markup(HTMLBuffer)

        /// Writes the cell's content.
        func write(into html: inout HTMLBuffer) {
            switch self {
            case .text(let text): html.appendEscaped(text)
            case .markup(let markup): html.append(markup)
            }
        }

        var byteCount: Int {
            switch self {
            case .text(let text): text.utf8.count
            case .markup(let markup): markup.bytes.count
            }
        }
    }

    /// A data table: a caption, headers and rows; `numeric` columns align right.
    static func table(
        into html: inout HTMLBuffer, caption: Cell? = nil, headers: [Cell], rows: [[Cell]], numeric: Set<Int> = [],
        classes: String = "data"
    ) {
        // Which columns are numeric, looked up by index rather than hashed once per cell.
        let columns = rows.reduce(headers.count) { max($0, $1.count) }
        let isNumeric = (0..<columns).map { numeric.contains($0) }
        // Room for the whole table at once: the cells' text (an eighth more for entities) and
        // the tags around them.
        var size = 96 + classes.utf8.count + (caption?.byteCount ?? 0)
        for h in headers { size += h.byteCount + 40 }
        for row in rows {
            size += 16
            for cell in row { size += cell.byteCount + 20 }
        }
        html.reserve(size + size / 8)
        tableHead(into: &html, caption: caption, headers: headers, isNumeric: isNumeric, classes: classes)
        for row in rows {
            html.append(literal: "<tr>")
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    html.append(literal: "<th scope=\"row\">")
                    cell.write(into: &html)
                    html.append(literal: "</th>")
                } else {
                    html.append(literal: isNumeric[i] ? "<td class=\"num\">" : "<td>")
                    cell.write(into: &html)
                    html.append(literal: "</td>")
                }
            }
            html.append(literal: "</tr>\n")
        }
        tableEnd(into: &html)
    }

    /// What ``table(into:caption:headers:rows:numeric:classes:)`` writes before the rows, for a
    /// table whose rows are written in place (each `<tr>` with a `<th scope="row">` then `<td>`
    /// cells, as that function writes them).
    static func tableHead(into html: inout HTMLBuffer, caption: Cell?, headers: [Cell], isNumeric: [Bool], classes: String) {
        // A table wider than a phone scrolls inside its wrapper: a region a keyboard can reach,
        // named by the table's caption or its column heads (SPEC §6 v2, accessibility).
        // Markup gives its text without its tags (already escaped), text is escaped here.
        func plain(_ cell: Cell) -> HTMLBuffer {
            var out = HTMLBuffer()
            switch cell {
            case .text(let text): out.appendEscaped(text)
            case .markup(let markup):
                var inTag = false
                let bytes = markup.bytes.filter { byte in
                    if byte == UInt8(ascii: "<") { inTag = true }
                    defer { if byte == UInt8(ascii: ">") { inTag = false } }
                    return !inTag && byte != UInt8(ascii: ">")
                }
                out.append(HTMLBuffer(trusted: String(decoding: bytes, as: UTF8.self)))
            }
            return out
        }
        let names = caption.map { [plain($0)] } ?? headers.map(plain).filter { !$0.bytes.isEmpty }
        html.append(literal: "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"")
        for (i, name) in names.enumerated() {
            if i > 0 { html.append(literal: ", ") }
            html.append(name)
        }
        html.append(literal: "\"><table class=\"")
        html.appendEscaped(classes)
        html.append(literal: "\">\n")
        if let caption {
            html.append(literal: "<caption>")
            caption.write(into: &html)
            html.append(literal: "</caption>\n")
        }
        html.append(literal: "<thead><tr>")
        for (i, h) in headers.enumerated() {
            html.append(literal: isNumeric[i] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            h.write(into: &html)
            html.append(literal: "</th>")
        }
        html.append(literal: "</tr></thead>\n<tbody>\n")
    }

    /// What ``table(into:caption:headers:rows:numeric:classes:)`` writes after the rows.
    static func tableEnd(into html: inout HTMLBuffer) {
        html.append(literal: "</tbody>\n</table></div>\n")
    }

    /// ``table(into:caption:headers:rows:numeric:classes:)`` as a value.
    static func table(
        caption: Cell? = nil, headers: [Cell], rows: [[Cell]], numeric: Set<Int> = [], classes: String = "data"
    ) -> HTMLBuffer {
        var html = HTMLBuffer()
        table(into: &html, caption: caption, headers: headers, rows: rows, numeric: numeric, classes: classes)
        return html
    }
}
