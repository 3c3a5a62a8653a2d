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
        guard value.isFinite else { return "0" }
        var text = value.description
        if let plain = text.withUTF8(oneDecimal) { return plain }
        guard let r = RoundedDecimal(value, fractionDigits: 1) else { return "0" }
        let digits = r.fractionDigits == "0" ? r.integerDigits : r.integerDigits + "." + r.fractionDigits
        return (r.isNegative ? "-" : "") + digits
    }

    /// `number` for a shortest text in plain notation (`-12.25`), without the general
    /// `RoundedDecimal` machinery: the same digits rounded half away from zero, written
    /// straight into the result. Nil for exponent notation, which takes the general path.
    private static func oneDecimal(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        let negative = text.first == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        guard let dot = text.firstIndex(of: UInt8(ascii: ".")), dot > start,
            !text.contains(UInt8(ascii: "e")), !text.contains(UInt8(ascii: "E"))
        else { return nil }
        let fraction = text[(dot + 1)...]
        // Slot 0 is kept for a carry out of the first digit (9.95 → 10.0).
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: dot - start + 2)
        for (k, byte) in text[start..<dot].enumerated() { digits[k + 1] = byte }
        digits[digits.count - 1] = fraction.first ?? UInt8(ascii: "0")
        var first = 1
        if fraction.count >= 2 && fraction[fraction.startIndex + 1] >= UInt8(ascii: "5") {
            var k = digits.count - 1
            while digits[k] == UInt8(ascii: "9") {
                digits[k] = UInt8(ascii: "0")
                k -= 1
            }
            digits[k] += 1
            if k == 0 { first = 0 }
        }
        let last = digits.count - 1
        while first < last - 1 && digits[first] == UInt8(ascii: "0") { first += 1 }
        let isZero = digits[first...].allSatisfy { $0 == UInt8(ascii: "0") }
        var out: [UInt8] = negative && !isZero ? [UInt8(ascii: "-")] : []
        out += digits[first..<last]
        if digits[last] != UInt8(ascii: "0") { out += [UInt8(ascii: "."), digits[last]] }
        return String(decoding: out, as: UTF8.self)
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
