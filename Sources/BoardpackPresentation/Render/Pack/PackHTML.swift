import BoardpackContent
import BoardpackMetrics

/// Small HTML pieces every section shares: status badges, partial marks, tables.
enum PackHTML {
    static func statusClass(_ status: KPIStatus) -> String { "status-\(status.rawValue)" }

    /// A status as a word with a shape, so it never rests on colour alone.
    static func statusBadge(_ ctx: PackContext, _ status: KPIStatus, word: String? = nil) -> String {
        guard let word else { return badges[ctx.locale.isItalian ? 1 : 0][badgeIndex(status)] }
        return badge(status, word: word)
    }

    /// The badge with its text, `word` escaped.
    private static func badge(_ status: KPIStatus, word: String) -> String {
        let shape: String =
            switch status {
            case .green: "●"
            case .amber: "▲"
            case .red: "■"
            case .none, .na: "○"
            }
        return "<span class=\"badge \(statusClass(status))\"><span aria-hidden=\"true\">\(shape)</span> \(escapeHTML(word))</span>"
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
    private static let badges: [[String]] = [PackLocale.enGB, .itIT].map { locale in
        statuses.map { badge($0, word: PackContext.statusWord($0, locale)) }
    }

    /// The mark on a partial figure, explained in the legend under the tables.
    static func partialMark(_ ctx: PackContext) -> String { partialMarks[ctx.locale.isItalian ? 1 : 0] }

    private static let partialMarks = [PackLocale.enGB, .itIT].map { locale in
        "<abbr class=\"partial\" title=\"\(locale.label("partial_some_rows_did_not"))\">*</abbr>"
    }

    /// A data table: headers and rows of already-escaped cells; `numeric` columns align right.
    /// With `escaping`, the caption, headers and cells are plain text, escaped as written.
    static func table(
        into html: inout HTMLBuffer, caption: String? = nil, headers: [String], rows: [[String]], numeric: Set<Int> = [],
        classes: String = "data", escaping: Bool = false
    ) {
        func cell(_ text: String) {
            if escaping { html.appendEscaped(text) } else { html.append(text) }
        }
        // Which columns are numeric, looked up by index rather than hashed once per cell.
        let columns = rows.reduce(headers.count) { max($0, $1.count) }
        let isNumeric = (0..<columns).map { numeric.contains($0) }
        // Room for the whole table at once: the cells' text (an eighth more for entities) and
        // the tags around them.
        var size = 96 + classes.utf8.count + (caption?.utf8.count ?? 0)
        for h in headers { size += h.utf8.count + 40 }
        for row in rows {
            size += 16
            for text in row { size += text.utf8.count + 20 }
        }
        html.reserve(size + size / 8)
        tableHead(into: &html, caption: caption, headers: headers, isNumeric: isNumeric, classes: classes, escaping: escaping)
        for row in rows {
            html.append(literal: "<tr>")
            for (i, text) in row.enumerated() {
                if i == 0 {
                    html.append(literal: "<th scope=\"row\">")
                    cell(text)
                    html.append(literal: "</th>")
                } else {
                    html.append(literal: isNumeric[i] ? "<td class=\"num\">" : "<td>")
                    cell(text)
                    html.append(literal: "</td>")
                }
            }
            html.append(literal: "</tr>\n")
        }
        tableEnd(into: &html)
    }

    /// What ``table(into:caption:headers:rows:numeric:classes:escaping:)`` writes before the
    /// rows, for a table whose rows are written in place (each `<tr>` with a `<th scope="row">`
    /// then `<td>` cells, as that function writes them).
    static func tableHead(
        into html: inout HTMLBuffer, caption: String?, headers: [String], isNumeric: [Bool], classes: String, escaping: Bool
    ) {
        func cell(_ text: String) {
            if escaping { html.appendEscaped(text) } else { html.append(text) }
        }
        html.append(literal: "<div class=\"table-wrap\"><table class=\"")
        html.append(classes)
        html.append(literal: "\">\n")
        if let caption {
            html.append(literal: "<caption>")
            cell(caption)
            html.append(literal: "</caption>\n")
        }
        html.append(literal: "<thead><tr>")
        for (i, h) in headers.enumerated() {
            html.append(literal: isNumeric[i] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            cell(h)
            html.append(literal: "</th>")
        }
        html.append(literal: "</tr></thead>\n<tbody>\n")
    }

    /// What ``table(into:caption:headers:rows:numeric:classes:escaping:)`` writes after the rows.
    static func tableEnd(into html: inout HTMLBuffer) {
        html.append(literal: "</tbody>\n</table></div>\n")
    }

    /// ``table(into:caption:headers:rows:numeric:classes:escaping:)`` as a string.
    static func table(
        caption: String? = nil, headers: [String], rows: [[String]], numeric: Set<Int> = [], classes: String = "data"
    ) -> String {
        var html = HTMLBuffer()
        table(into: &html, caption: caption, headers: headers, rows: rows, numeric: numeric, classes: classes)
        return html.string
    }
}
