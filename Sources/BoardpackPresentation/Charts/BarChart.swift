import BoardpackContent
import BoardpackFormat

/// Bars for categories or periods, vertical or horizontal, from a zero baseline: negative
/// values go below (or left of) it, each bar carries its value, a missing value shows the
/// n/a text instead of a bar.
package struct BarChart: Sendable {
    /// Which way the bars run.
    package enum Orientation: Sendable, Hashable {
        /// Columns rising from a horizontal baseline; suits periods.
        case vertical
        /// Bars running right from a vertical baseline; suits long category names.
        case horizontal
    }

    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name, e.g. "Media ROMI by channel".
    package var title: String
    /// Category or period labels.
    var categories: [String]
    /// One value per category; nil is not reported.
    package var values: [Double?]
    /// How values read.
    package var valueFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// Bar direction.
    var orientation: Orientation
    /// viewBox width; the height is fixed for vertical bars and grows with the rows for horizontal.
    var width = ChartStyle.width

    /// Creates a bar chart.
    package init(
        id: String, title: String, categories: [String], values: [Double?], valueFormat: ValueFormat,
        locale: PackLocale, orientation: Orientation = .vertical
    ) {
        self.id = id
        self.title = title
        self.categories = categories
        self.values = values
        self.valueFormat = valueFormat
        self.locale = locale
        self.orientation = orientation
    }

    /// Number of bars.
    var count: Int { categories.count }
    /// The value of bar `i`, nil when missing or not finite.
    func value(_ i: Int) -> Double? { ChartSeries(name: "", values: values).value(at: i) }
    /// The value scale, always including the zero baseline.
    var scale: NiceScale { NiceScale(covering: values, includeZero: true) }
    /// The value label of each bar.
    var labels: [String] { valueFormat.shortLabels((0..<count).map(value), locale: locale) }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// ``svg()`` as UTF-8, for pages that are built as bytes.
    func svgDocument() -> [UInt8] {
        let (body, height) = orientation == .vertical ? verticalBody() : horizontalBody()
        return ChartDocument.document(
            id: id, kind: "bar", width: width, height: height,
            title: title, description: description(), body: body)
    }

    private func verticalBody() -> (SVGBuilder, Double) {
        let height = ChartStyle.height
        let ticks = valueFormat.tickLabels(for: scale, locale: locale)
        var left = ChartAxes.widest(ticks) + ChartAxes.gap + 2
        let right = width - 8, top = 20.0
        let widest = ChartAxes.widest(categories)
        let rotate = widest > (right - left) / Double(max(count, 1)) - 6
        let labelRoom = min(widest, 110)
        if rotate {
            // A label rotated by 35° reaches cos 35° ≈ 0.82 of its length left of its bar.
            let band = (right - left) / Double(max(count, 1))
            left = max(left, labelRoom * 0.82 - band / 2 + 6)
        }
        let band = (right - left) / Double(max(count, 1))
        let bottom = height - (rotate ? labelRoom * 0.58 + 22 : 24)
        let y = { (v: Double) in scale.position(v, from: bottom, to: top) }
        var svg = SVGBuilder()
        ChartAxes.drawHorizontalGrid(into: &svg, scale: scale, labels: ticks, left: left, right: right, top: top, bottom: bottom)
        let barWidth = min(56, band * 0.7)
        svg.group("bars \(ChartStyle.seriesClass(0))")
        for i in 0..<count {
            let cx = left + band * (Double(i) + 0.5)
            guard let v = value(i) else {
                svg.text(labels[i], x: cx, y: y(0) - 5, anchor: .middle, cssClass: "label-muted na")
                continue
            }
            svg.rect(cx - barWidth / 2, y(0), barWidth, y(v) - y(0), v < 0 ? "bar negative" : "bar")
            if TextMetrics.width(labels[i]) <= band + 2 {
                svg.text(labels[i], x: cx, y: v < 0 ? y(v) + 14 : y(v) - 5, anchor: .middle, cssClass: "label")
            }
        }
        svg.close("g")
        svg.group("x-labels")
        for i in 0..<count {
            let cx = left + band * (Double(i) + 0.5)
            if rotate {
                svg.text(
                    categories[i], x: cx + 4, y: bottom + 12, anchor: .end, cssClass: "tick-label",
                    maxWidth: labelRoom, fontSize: ChartStyle.tickFontSize, rotate: -35)
            } else {
                svg.text(
                    categories[i], x: cx, y: bottom + 16, anchor: .middle, cssClass: "tick-label",
                    fontSize: ChartStyle.tickFontSize)
            }
        }
        svg.close("g")
        return (svg, height)
    }

    private func horizontalBody() -> (SVGBuilder, Double) {
        let row = 28.0, top = 8.0
        let height = top + row * Double(count) + 28
        let bottom = height - 28
        let ticks = valueFormat.tickLabels(for: scale, locale: locale)
        let column = min(170, ChartAxes.widest(categories, fontSize: ChartStyle.fontSize) + 10)
        let valueRoom = ChartAxes.widest(labels, fontSize: ChartStyle.fontSize) + 8
        let hasNegative = (0..<count).contains { (value($0) ?? 0) < 0 }
        let plotLeft = column + 8 + (hasNegative ? valueRoom : 0)
        let plotRight = width - max(valueRoom, ChartAxes.widest(ticks) / 2 + 4)
        let x = { (v: Double) in scale.position(v, from: plotLeft, to: plotRight) }
        var svg = SVGBuilder()
        ChartAxes.drawVerticalGrid(into: &svg, scale: scale, labels: ticks, left: plotLeft, right: plotRight, top: top, bottom: bottom)
        svg.group("bars \(ChartStyle.seriesClass(0))")
        for i in 0..<count {
            let cy = top + row * (Double(i) + 0.5)
            svg.text(
                categories[i], x: column, y: cy, anchor: .end, cssClass: "tick-label", maxWidth: column - 4,
                middleBaseline: true)
            guard let v = value(i) else {
                svg.text(labels[i], x: x(0) + 5, y: cy, cssClass: "label-muted na", middleBaseline: true)
                continue
            }
            svg.rect(x(0), cy - 9, x(v) - x(0), 18, v < 0 ? "bar negative" : "bar")
            svg.text(
                labels[i], x: v < 0 ? x(v) - 5 : x(v) + 5, y: cy, anchor: v < 0 ? .end : .start,
                cssClass: "label", middleBaseline: true)
        }
        svg.close("g")
        return (svg, height)
    }

    private func description() -> String {
        let full = (0..<count).map { valueFormat.format(value($0), locale: locale) }
        return "\(title): " + ChartDocument.listing(categories, full) + "."
    }

    /// Category and value.
    func dataTable() -> ChartDataTable {
        ChartDataTable(
            headers: ["", title],
            rows: (0..<count).map { [categories[$0], valueFormat.format(value($0), locale: locale)] })
    }
}
