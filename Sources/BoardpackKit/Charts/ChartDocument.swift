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
        let base = safeID(id)
        let n = SVGBuilder.number
        var root = SVGBuilder(capacity: body.byteCount + title.utf8.count + description.utf8.count + 512)
        root.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", "bp-chart bp-chart-\(kind)"),
                ("viewBox", "0 0 \(n(width)) \(n(height))"),
                ("width", "100%"),
                ("role", "img"),
                ("aria-labelledby", "\(base)-title \(base)-desc"),
                ("font-family", "sans-serif"),
                ("font-size", n(ChartStyle.fontSize)),
            ], open: true)
        root.element("title", [("id", "\(base)-title")], content: title)
        root.element("desc", [("id", "\(base)-desc")], content: description)
        root.append(body)
        root.close("svg")
        return root.utf8
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
}
