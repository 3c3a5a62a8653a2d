/// Wraps a chart's marks in the root `<svg>` with its accessible name and description.
enum ChartDocument {
    /// The root element: fixed viewBox scaled to the container's width, `role="img"`,
    /// labelled by its `<title>` and `<desc>` (ids derived from the chart id, so several
    /// charts on one page never clash).
    static func svg(
        id: String, kind: String, width: Double, height: Double,
        title: String, description: String, body: SVGBuilder
    ) -> String {
        let bytes = document(
            id: id, kind: kind, width: width, height: height, title: title, description: description, body: body)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``svg(id:kind:width:height:title:description:body:)`` as UTF-8, for pages that are
    /// built as bytes.
    static func document(
        id: String, kind: String, width: Double, height: Double,
        title: String, description: String, body: SVGBuilder
    ) -> [UInt8] {
        document(id: id, kind: kind, width: width, height: height, title: title, body: body) {
            appendEscapedHTML(description, to: &$0)
        }
    }

    /// The document with a description that `description` appends already escaped: a chart
    /// whose description runs to kilobytes writes it piece by piece, each escaped as it goes
    /// (the same bytes as escaping the whole sentence), instead of building a string first.
    ///
    /// The root is written as ``SVGBuilder/element(_:_:content:open:)`` would write it, with
    /// the attributes in the same order, straight into the document's bytes.
    static func document(
        id: String, kind: String, width: Double, height: Double, title: String, body: SVGBuilder,
        description: (inout [UInt8]) -> Void
    ) -> [UInt8] {
        let base = safeID(id)
        var out: [UInt8] = []
        out.reserveCapacity(body.byteCount + 2 * title.utf8.count + 1024)
        out.appendLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-chart bp-chart-")
        appendEscapedHTML(kind, to: &out)
        out.appendLiteral("\" viewBox=\"0 0 ")
        SVGBuilder.appendNumber(width, to: &out)
        out.appendLiteral(" ")
        SVGBuilder.appendNumber(height, to: &out)
        out.appendLiteral("\" width=\"100%\" role=\"img\" aria-labelledby=\"")
        appendEscapedHTML(base, to: &out)
        out.appendLiteral("-title ")
        appendEscapedHTML(base, to: &out)
        out.appendLiteral("-desc\" font-family=\"sans-serif\" font-size=\"")
        SVGBuilder.appendNumber(ChartStyle.fontSize, to: &out)
        out.appendLiteral("\">\n<title id=\"")
        appendEscapedHTML(base, to: &out)
        out.appendLiteral("-title\">")
        appendEscapedHTML(title, to: &out)
        out.appendLiteral("</title>\n<desc id=\"")
        appendEscapedHTML(base, to: &out)
        out.appendLiteral("-desc\">")
        description(&out)
        out.appendLiteral("</desc>\n")
        out.append(contentsOf: body.utf8)
        out.appendLiteral("</svg>\n")
        return out
    }

    /// The id with anything but ASCII letters, digits, `-` and `_` replaced by `-`, and a
    /// leading `c-` when it does not start with a letter (XML ids must).
    static func safeID(_ id: String) -> String {
        func isLetter(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        func kept(_ s: Unicode.Scalar) -> Bool {
            isLetter(s.value) || (0x30...0x39).contains(s.value) || s == "-" || s == "_"
        }
        var cleaned = id
        if !id.unicodeScalars.allSatisfy(kept) {
            // One `-` per scalar replaced.
            cleaned = String(String.UnicodeScalarView(id.unicodeScalars.map { kept($0) ? $0 : "-" }))
        }
        guard let first = cleaned.unicodeScalars.first, isLetter(first.value) else {
            return "c-" + cleaned
        }
        return cleaned
    }

    /// "Name: label value, label value" — the sentence a `<desc>` uses for one series.
    static func listing(_ labels: [String], _ values: [String]) -> String {
        var text = ""
        appendListing(labels, values, to: &text)
        return text
    }

    /// Appends ``listing(_:_:)`` to `text`, piece by piece: descriptions run to kilobytes,
    /// and one string grown in place beats a string per pair joined afterwards.
    static func appendListing(_ labels: [String], _ values: [String], to text: inout String) {
        for (i, (label, value)) in zip(labels, values).enumerated() {
            if i > 0 { text += ", " }
            text += label
            text += " "
            text += value
        }
    }

    /// Appends ``listing(_:_:)`` escaped to a description's bytes.
    static func appendListing(_ labels: [String], _ values: [String], escapedTo out: inout [UInt8]) {
        for (i, (label, value)) in zip(labels, values).enumerated() {
            if i > 0 { out.appendLiteral(", ") }
            appendEscapedHTML(label, to: &out)
            out.appendLiteral(" ")
            appendEscapedHTML(value, to: &out)
        }
    }
}
