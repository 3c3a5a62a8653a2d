import BoardpackFormat

/// Accumulates SVG markup line by line, with coordinates at one fixed decimal.
///
/// Attribute order is the call order and every attribute value and text node goes through
/// `appendEscapedHTML`, so the output is deterministic and safe whatever the labels contain.
struct SVGBuilder: Sendable {
    /// Where the text sits relative to its x coordinate.
    enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// The markup so far, as UTF-8.
    private var bytes: [UInt8] = []

    init() {}

    /// An empty builder with room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The markup so far.
    var markup: String { String(decoding: bytes, as: UTF8.self) }

    /// The markup so far, as UTF-8.
    var utf8: [UInt8] { bytes }

    /// The length of the markup in bytes.
    var byteCount: Int { bytes.count }

    /// A coordinate with one decimal, `.0` dropped and never `-0`: 12.25 → `12.3`, 40 → `40`.
    static func number(_ value: Double) -> String {
        var out: [UInt8] = []
        appendNumber(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``number(_:)`` written straight into `out`.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(UInt8(ascii: "0"))
            return
        }
        if let tenths = tenths(value) {
            appendTenths(tenths, to: &out)
            return
        }
        // Beyond ±10^12 (never a coordinate of a chart), the general decimal rounding.
        guard let r = RoundedDecimal(value, fractionDigits: 1) else {
            out.append(UInt8(ascii: "0"))
            return
        }
        let digits = r.fractionDigits == "0" ? r.integerDigits : r.integerDigits + "." + r.fractionDigits
        out.appendUTF8((r.isNegative ? "-" : "") + digits)
    }

    /// `value` in tenths, rounded as ``number(_:)`` rounds its shortest text (half away from
    /// zero on the decimal digits), without writing that text; nil outside ±10^12, where the
    /// general path is taken.
    ///
    /// The text rounds up past a boundary `b = (2n + 1) / 20` (`x.x5`) exactly when it is at
    /// least `b`. Below 10^12 a double's rounding interval is narrower than 0.01, so the
    /// shortest text of a double lies on the same side of `b` as the double does of the double
    /// nearest to `b` (`Double(2n + 1) / 20`, IEEE division being correctly rounded), and is
    /// `b` itself when the two are equal. Comparing doubles therefore gives the same tenths.
    private static func tenths(_ value: Double) -> Int? {
        let magnitude = abs(value)
        guard magnitude < 1e12 else { return nil }
        var n = Int((magnitude * 10).rounded())
        while n > 0 && magnitude < Double(2 * n - 1) / 20 { n -= 1 }
        while magnitude >= Double(2 * n + 1) / 20 { n += 1 }
        return value < 0 ? -n : n
    }

    /// Writes a number of tenths as ``number(_:)`` does: `-12.3`, `40`, never `-0`.
    private static func appendTenths(_ tenths: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            let start = writeTenths(tenths, endingAt: 24, in: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<24]))
        }
    }

    /// Writes a number of tenths as ``number(_:)`` does into `buffer`, right to left, ending
    /// just before `end`; returns where it starts. It takes at most 16 bytes: 13 integer
    /// digits (below 10^12, as ``tenths(_:)`` ensures), `.`, one decimal and the sign.
    private static func writeTenths(_ tenths: Int, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var start = end
        let magnitude = tenths.magnitude
        let fraction = magnitude % 10
        if fraction != 0 {
            start -= 2
            buffer[start] = UInt8(ascii: ".")
            buffer[start + 1] = UInt8(ascii: "0") + UInt8(fraction)
        }
        var rest = magnitude / 10
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        if tenths < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return start
    }

    /// Appends `text` escaped by the project's one escaping routine.
    private mutating func appendEscaped(_ text: String) { appendEscapedHTML(text, to: &bytes) }

    /// Appends ` key="value"` with the value escaped. A short value with nothing to escape (a
    /// class, an id) is put together with its key in a stack buffer and appended in one copy.
    private mutating func attribute(_ key: StaticString, _ value: String) {
        let keyCount = key.utf8CodeUnitCount
        let done: Bool? = value.utf8.withContiguousStorageIfAvailable { v in
            guard keyCount <= 28, v.count <= 96, !v.contains(where: isEscapedInHTML) else { return false }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
                let base = buffer.baseAddress!
                base[0] = UInt8(ascii: " ")
                (base + 1).initialize(from: key.utf8Start, count: keyCount)
                base[keyCount + 1] = UInt8(ascii: "=")
                base[keyCount + 2] = UInt8(ascii: "\"")
                if let value = v.baseAddress { (base + keyCount + 3).initialize(from: value, count: v.count) }
                base[keyCount + 3 + v.count] = UInt8(ascii: "\"")
                bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: keyCount + 4 + v.count))
            }
            return true
        }
        if done == true { return }
        bytes.appendLiteral(" ")
        bytes.appendLiteral(key)
        bytes.appendLiteral("=\"")
        appendEscaped(value)
        bytes.appendLiteral("\"")
    }

    /// Appends ` key="number"`: coordinates are most of a chart's markup, so the common case
    /// (a number of tenths, ``tenths(_:)``) is put together in a stack buffer and appended in
    /// one copy.
    private mutating func attribute(_ key: StaticString, _ value: Double) {
        let keyCount = key.utf8CodeUnitCount
        guard value.isFinite, let tenths = Self.tenths(value), keyCount <= 32 else {
            bytes.append(UInt8(ascii: " "))
            bytes.appendLiteral(key)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            Self.appendNumber(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            // The number right-aligned at the end, then the key and ` ="` before it.
            var start = 63
            buffer[63] = UInt8(ascii: "\"")
            start = Self.writeTenths(tenths, endingAt: start, in: buffer)
            start -= 2
            buffer[start] = UInt8(ascii: "=")
            buffer[start + 1] = UInt8(ascii: "\"")
            start -= keyCount
            (buffer.baseAddress! + start).initialize(from: key.utf8Start, count: keyCount)
            start -= 1
            buffer[start] = UInt8(ascii: " ")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<64]))
        }
    }

    /// Appends `<name`.
    private mutating func start(_ name: StaticString) {
        bytes.appendLiteral("<")
        bytes.appendLiteral(name)
    }

    /// Appends `<name a="v" …>` (self-closed unless `content` or `open` is given).
    mutating func element(
        _ name: StaticString, _ attributes: [(StaticString, String)], content: String? = nil, open: Bool = false
    ) {
        start(name)
        for (key, value) in attributes { attribute(key, value) }
        finish(name, content: content, open: open)
    }

    /// Ends an element started with `start`: content and closing tag, `>` or `/>`.
    private mutating func finish(_ name: StaticString, content: String? = nil, open: Bool = false) {
        if let content {
            bytes.appendLiteral(">")
            appendEscaped(content)
            close(name)
        } else {
            bytes.appendLiteral(open ? ">\n" : "/>\n")
        }
    }

    /// Closes an element opened with `open: true`.
    mutating func close(_ name: StaticString) {
        bytes.appendLiteral("</")
        bytes.appendLiteral(name)
        bytes.appendLiteral(">\n")
    }

    /// Opens a `<g class="…">` group.
    mutating func group(_ cssClass: String) {
        start("g")
        attribute("class", cssClass)
        finish("g", open: true)
    }

    /// A straight line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cssClass: String) {
        start("line")
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        attribute("class", cssClass)
        finish("line")
    }

    /// A rectangle; negative sizes are normalised.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ cssClass: String) {
        start("rect")
        attribute("x", min(x, x + width))
        attribute("y", min(y, y + height))
        attribute("width", abs(width))
        attribute("height", abs(height))
        attribute("class", cssClass)
        finish("rect")
    }

    /// A circle.
    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, _ cssClass: String) {
        start("circle")
        attribute("cx", cx)
        attribute("cy", cy)
        attribute("r", r)
        attribute("class", cssClass)
        finish("circle")
    }

    /// A path from a point list: `M x y L x y …` (`Z` when closed), plus extra presentation attributes.
    mutating func polyline(
        _ points: [(Double, Double)], _ cssClass: String, _ extra: [(StaticString, String)] = [], closed: Bool = false
    ) {
        guard let first = points.first else { return }
        start("path")
        bytes.appendLiteral(" d=\"M")
        Self.appendNumber(first.0, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        Self.appendNumber(first.1, to: &bytes)
        for p in points.dropFirst() {
            bytes.appendLiteral(" L")
            Self.appendNumber(p.0, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            Self.appendNumber(p.1, to: &bytes)
        }
        if closed { bytes.appendLiteral(" Z") }
        bytes.append(UInt8(ascii: "\""))
        attribute("class", cssClass)
        for (key, value) in extra { attribute(key, value) }
        finish("path")
    }

    /// A text label, truncated with an ellipsis to `maxWidth` (full text then in a `<title>`
    /// child), optionally rotated about its anchor point. `truncated` is the label as
    /// ``TextMetrics/truncate(_:to:fontSize:)`` cuts it to `maxWidth`, when the caller measured
    /// it already to place it.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: String,
        maxWidth: Double? = nil, truncated: String? = nil, fontSize: Double = ChartStyle.fontSize, rotate: Double? = nil,
        middleBaseline: Bool = false
    ) {
        let shown = truncated ?? maxWidth.map { TextMetrics.truncate(text, to: $0, fontSize: fontSize) } ?? text
        start("text")
        attribute("x", x)
        attribute("y", y)
        if middleBaseline { attribute("dy", "0.35em") }
        if anchor != .start { attribute("text-anchor", anchor.rawValue) }
        if fontSize != ChartStyle.fontSize { attribute("font-size", fontSize) }
        if let rotate {
            bytes.appendLiteral(" transform=\"rotate(")
            Self.appendNumber(rotate, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            Self.appendNumber(x, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            Self.appendNumber(y, to: &bytes)
            bytes.appendLiteral(")\"")
        }
        attribute("class", cssClass)
        if shown == text {
            finish("text", content: text)
        } else {
            // The label and its title on one line.
            bytes.append(UInt8(ascii: ">"))
            appendEscaped(shown)
            bytes.appendLiteral("<title>")
            appendEscaped(text)
            bytes.appendLiteral("</title></text>\n")
        }
    }

    /// Appends another builder's markup.
    mutating func append(_ other: SVGBuilder) { bytes += other.bytes }
}
