/// Accumulates SVG markup line by line, with coordinates at one fixed decimal.
///
/// Attribute order is the call order and every attribute value and text node goes through
/// `escapeHTML`, so the output is deterministic and safe whatever the labels contain.
struct SVGBuilder: Sendable {
    /// Where the text sits relative to its x coordinate.
    enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// The markup so far.
    private(set) var markup = ""

    /// A coordinate with one decimal, `.0` dropped and never `-0`: 12.25 → `12.3`, 40 → `40`.
    static func number(_ value: Double) -> String {
        guard let r = RoundedDecimal(value, fractionDigits: 1) else { return "0" }
        let digits = r.fractionDigits == "0" ? r.integerDigits : r.integerDigits + "." + r.fractionDigits
        return (r.isNegative ? "-" : "") + digits
    }

    /// Appends `<name a="v" …>` (self-closed unless `content` or `open` is given).
    mutating func element(
        _ name: String, _ attributes: [(String, String)], content: String? = nil, open: Bool = false
    ) {
        markup += "<" + name
        for (key, value) in attributes { markup += " \(key)=\"\(escapeHTML(value))\"" }
        if let content {
            markup += ">" + escapeHTML(content) + "</\(name)>\n"
        } else {
            markup += open ? ">\n" : "/>\n"
        }
    }

    /// Closes an element opened with `open: true`.
    mutating func close(_ name: String) { markup += "</\(name)>\n" }

    /// Opens a `<g class="…">` group.
    mutating func group(_ cssClass: String) { element("g", [("class", cssClass)], open: true) }

    /// A straight line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cssClass: String) {
        let n = Self.number
        element("line", [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("class", cssClass)])
    }

    /// A rectangle; negative sizes are normalised.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ cssClass: String) {
        let n = Self.number
        element("rect", [
            ("x", n(min(x, x + width))), ("y", n(min(y, y + height))),
            ("width", n(abs(width))), ("height", n(abs(height))), ("class", cssClass),
        ])
    }

    /// A circle.
    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, _ cssClass: String) {
        let n = Self.number
        element("circle", [("cx", n(cx)), ("cy", n(cy)), ("r", n(r)), ("class", cssClass)])
    }

    /// A path from a point list: `M x y L x y …` (`Z` when closed), plus extra presentation attributes.
    mutating func polyline(
        _ points: [(Double, Double)], _ cssClass: String, _ extra: [(String, String)] = [], closed: Bool = false
    ) {
        guard let first = points.first else { return }
        var d = "M\(Self.number(first.0)) \(Self.number(first.1))"
        for p in points.dropFirst() { d += " L\(Self.number(p.0)) \(Self.number(p.1))" }
        if closed { d += " Z" }
        element("path", [("d", d), ("class", cssClass)] + extra)
    }

    /// A text label, truncated with an ellipsis to `maxWidth` (full text then in a `<title>`
    /// child), optionally rotated about its anchor point.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: String,
        maxWidth: Double? = nil, fontSize: Double = ChartStyle.fontSize, rotate: Double? = nil,
        middleBaseline: Bool = false
    ) {
        let shown = maxWidth.map { TextMetrics.truncate(text, to: $0, fontSize: fontSize) } ?? text
        let n = Self.number
        var attributes = [("x", n(x)), ("y", n(y))]
        if middleBaseline { attributes.append(("dy", "0.35em")) }
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if fontSize != ChartStyle.fontSize { attributes.append(("font-size", n(fontSize))) }
        if let rotate { attributes.append(("transform", "rotate(\(n(rotate)) \(n(x)) \(n(y)))")) }
        attributes.append(("class", cssClass))
        if shown == text {
            element("text", attributes, content: text)
        } else {
            element("text", attributes, open: true)
            markup.removeLast()  // keep the label and its title on one line
            markup += escapeHTML(shown) + "<title>" + escapeHTML(text) + "</title></text>\n"
        }
    }

    /// Appends another builder's markup.
    mutating func append(_ other: SVGBuilder) { markup += other.markup }
}
