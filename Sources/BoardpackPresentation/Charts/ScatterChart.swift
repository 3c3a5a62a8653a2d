import BoardpackContent
import BoardpackFormat

/// Labelled points on two value axes (e.g. CAC against CLV by channel), with an optional
/// reference line y = k·x (e.g. CLV = 3 × CAC). Labels are placed beside their points so
/// that they do not overlap one another.
package struct ScatterChart: Sendable {
    /// One labelled point; a missing coordinate leaves it out of the plot but not the table.
    package struct Point: Sendable, Hashable {
        /// The point's name, e.g. a channel.
        package var label: String
        /// Horizontal and vertical values.
        package var x: Double?, y: Double?
        /// Optional status, drawn as the marker's shape and colour.
        package var status: ChartStatus?

        /// Creates a point.
        package init(label: String, x: Double?, y: Double?, status: ChartStatus? = nil) {
            self.label = label
            self.x = x
            self.y = y
            self.status = status
        }
    }

    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name.
    package var title: String
    /// The points.
    package var points: [Point]
    /// Axis titles, e.g. "CAC" and "CLV".
    var xTitle: String, yTitle: String
    /// How each axis reads.
    var xFormat: ValueFormat, yFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// Slope k of a reference line y = k·x, and its label.
    var referenceRatio: Double?, referenceLabel: String?
    /// viewBox size.
    var width = ChartStyle.width, height = ChartStyle.height
    /// Each point's coordinates as written with `xFormat` and `yFormat`, when the caller has
    /// them already (a table beside the chart shows the same figures); nil: the chart writes them.
    var valueTexts: [(x: String, y: String)]?

    /// Creates a scatter chart.
    package init(
        id: String, title: String, points: [Point], xTitle: String, yTitle: String, xFormat: ValueFormat,
        yFormat: ValueFormat, locale: PackLocale, referenceRatio: Double? = nil, referenceLabel: String? = nil
    ) {
        self.id = id
        self.title = title
        self.points = points
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.locale = locale
        self.referenceRatio = referenceRatio
        self.referenceLabel = referenceLabel
    }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// Each point's coordinates in full, as the description and the data table write them.
    func formattedTexts() -> [(x: String, y: String)] {
        if let valueTexts, valueTexts.count == points.count { return valueTexts }
        return points.map { (xFormat.format($0.x, locale: locale), yFormat.format($0.y, locale: locale)) }
    }

    func svgDocument(texts: [(x: String, y: String)]) -> [UInt8] {
        let plotted = points.filter { ($0.x?.isFinite ?? false) && ($0.y?.isFinite ?? false) }
        let xScale = NiceScale(covering: plotted.map(\.x), includeZero: true)
        let yScale = NiceScale(covering: plotted.map(\.y), includeZero: true)
        let xTicks = xFormat.tickLabels(for: xScale, locale: locale)
        let yTicks = yFormat.tickLabels(for: yScale, locale: locale)
        let left = ChartAxes.widest(yTicks) + ChartAxes.gap + 2
        let right = width - max(12, ChartAxes.widest(xTicks) / 2 + 2), top = 26.0, bottom = height - 40
        let px = { (v: Double) in xScale.position(v, from: left, to: right) }
        let py = { (v: Double) in yScale.position(v, from: bottom, to: top) }
        var svg = SVGBuilder()
        ChartAxes.drawHorizontalGrid(into: &svg, scale: yScale, labels: yTicks, left: left, right: right, top: top, bottom: bottom)
        svg.group("x-labels")
        for (tick, text) in zip(xScale.ticks, xTicks) {
            svg.text(text, x: px(tick), y: bottom + 16, anchor: .middle, cssClass: "tick-label", fontSize: ChartStyle.tickFontSize)
        }
        svg.close("g")
        svg.text(yTitle, x: left - ChartAxes.gap, y: 12, cssClass: "axis-title", maxWidth: right - left)
        svg.text(xTitle, x: right, y: bottom + 32, anchor: .end, cssClass: "axis-title", maxWidth: right - left)
        if let k = referenceRatio, k > 0 {
            let x0 = max(xScale.lower, yScale.lower / k), x1 = min(xScale.upper, yScale.upper / k)
            if x1 > x0 {
                svg.polyline([(px(x0), py(k * x0)), (px(x1), py(k * x1))], "reference", [("stroke-dasharray", "5 4")])
                if let referenceLabel {
                    // Beside the line's end: to its right when it leaves through the top, above
                    // and to its left when it leaves through the right edge.
                    let exitsTop = x1 < xScale.upper
                    svg.text(
                        referenceLabel, x: px(x1) + (exitsTop ? 6 : -4), y: py(k * x1) + (exitsTop ? 10 : -8),
                        anchor: exitsTop ? .start : .end, cssClass: "label-muted", fontSize: ChartStyle.tickFontSize)
                }
            }
        }
        var taken: [Box] = plotted.map { Box(x: px($0.x!) - 5, y: py($0.y!) - 5, w: 10, h: 10) }
        svg.group("points \(ChartStyle.seriesClass(0))")
        for p in plotted {
            let (x, y) = (px(p.x!), py(p.y!))
            if let status = p.status {
                status.drawMarker(into: &svg, x: x, y: y)
            } else {
                svg.circle(x, y, 4.5, "dot")
            }
        }
        for p in plotted {
            let (x, y) = (px(p.x!), py(p.y!))
            let text = TextMetrics.truncate(p.label, to: 140)
            let w = TextMetrics.width(text)
            let candidates: [(Double, Double, SVGBuilder.Anchor, Box)] = [
                (x + 8, y, .start, Box(x: x + 8, y: y - 7, w: w, h: 14)),
                (x - 8, y, .end, Box(x: x - 8 - w, y: y - 7, w: w, h: 14)),
                (x, y - 12, .middle, Box(x: x - w / 2, y: y - 19, w: w, h: 14)),
                (x, y + 14, .middle, Box(x: x - w / 2, y: y + 7, w: w, h: 14)),
            ]
            let fits = { (b: Box) in b.x >= left - 4 && b.x + b.w <= self.width - 2 && b.y >= 0 && b.y + b.h <= bottom + 4 }
            let choice =
                candidates.first { c in fits(c.3) && !taken.contains { $0.overlaps(c.3) } }
                ?? candidates.first { fits($0.3) } ?? candidates[0]
            taken.append(choice.3)
            svg.text(
                p.label, x: choice.0, y: choice.1, anchor: choice.2, cssClass: "label", maxWidth: 140, truncated: text,
                middleBaseline: true)
        }
        svg.close("g")
        return ChartDocument.document(id: id, kind: "scatter", width: width, height: height, title: title, body: svg) {
            writeDescription(texts: texts, into: &$0)
        }
    }

    private struct Box {
        var x, y, w, h: Double
        func overlaps(_ o: Box) -> Bool { x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h }
    }

    /// The description, escaped: "title: label x-title x, y-title y (status); …." — with a
    /// point per channel it runs to kilobytes, written piece by piece.
    private func writeDescription(texts: [(x: String, y: String)], into out: inout [UInt8]) {
        appendEscapedHTML(title, to: &out)
        out.appendLiteral(": ")
        for (i, (p, value)) in zip(points, texts).enumerated() {
            if i > 0 { out.appendLiteral("; ") }
            appendEscapedHTML(p.label, to: &out)
            out.appendLiteral(" ")
            appendEscapedHTML(xTitle, to: &out)
            out.appendLiteral(" ")
            appendEscapedHTML(value.x, to: &out)
            out.appendLiteral(", ")
            appendEscapedHTML(yTitle, to: &out)
            out.appendLiteral(" ")
            appendEscapedHTML(value.y, to: &out)
            if let status = p.status {
                out.appendLiteral(" (")
                appendEscapedHTML(status.word(locale), to: &out)
                out.appendLiteral(")")
            }
        }
        out.appendLiteral(".")
    }

    /// Label, x, y and status.
    func dataTable() -> ChartDataTable { dataTable(texts: formattedTexts()) }

    func dataTable(texts: [(x: String, y: String)]) -> ChartDataTable {
        ChartDataTable(
            headers: ["", xTitle, yTitle, locale.label("status")],
            rows: zip(points, texts).map { p, text in [p.label, text.x, text.y, p.status?.word(locale) ?? ""] })
    }
}
