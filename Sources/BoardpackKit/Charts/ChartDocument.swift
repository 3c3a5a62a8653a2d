/// Wraps a chart's marks in the root `<svg>` with its accessible name and description.
enum ChartDocument {
    /// The root element: fixed viewBox scaled to the container's width, `role="img"`,
    /// labelled by its `<title>` and `<desc>` (ids derived from the chart id, so several
    /// charts on one page never clash).
    static func svg(
        id: String, kind: String, width: Double, height: Double,
        title: String, description: String, body: SVGBuilder
    ) -> String {
        let base = safeID(id)
        let n = SVGBuilder.number
        var root = SVGBuilder()
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
        return root.markup
    }

    /// The id with anything but ASCII letters, digits, `-` and `_` replaced by `-`, and a
    /// leading `c-` when it does not start with a letter (XML ids must).
    static func safeID(_ id: String) -> String {
        let cleaned = String(
            id.unicodeScalars.map { s -> Character in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_")
                    ? Character(s) : "-"
            })
        guard let first = cleaned.unicodeScalars.first, first.properties.isAlphabetic else {
            return "c-" + cleaned
        }
        return cleaned
    }

    /// "Name: label value, label value" — the sentence a `<desc>` uses for one series.
    static func listing(_ labels: [String], _ values: [String]) -> String {
        zip(labels, values).map { "\($0) \($1)" }.joined(separator: ", ")
    }
}
