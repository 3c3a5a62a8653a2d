import BoardpackContent
import BoardpackFormat

/// Stacked columns over periods (e.g. spend by channel), with a legend above. Positive parts
/// stack up from zero and negative parts down; a missing part is left out, not drawn as zero.
package struct StackedBarChart: Sendable {
    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name, e.g. "Spend by channel".
    package var title: String
    /// Period labels on the x axis.
    package var periods: [String]
    /// The stacked parts, bottom first, each with one value per period.
    package var series: [ChartSeries]
    /// How values read.
    package var valueFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// viewBox size.
    var width = ChartStyle.width, height = ChartStyle.height
    /// Each series' values as written with `valueFormat`, one per period, where the caller has
    /// them already (formatted once for a unit, or a data table of the same figures): the
    /// description and the data table take them. nil, or nil for a series: the chart writes them.
    var valueTexts: [[String]?]?

    /// Creates a stacked bar chart.
    package init(
        id: String, title: String, periods: [String], series: [ChartSeries], valueFormat: ValueFormat,
        locale: PackLocale
    ) {
        self.id = id
        self.title = title
        self.periods = periods
        self.series = series
        self.valueFormat = valueFormat
        self.locale = locale
    }

    /// Sum of the present parts of period `i`; nil when none is present.
    func total(_ i: Int) -> Double? {
        var sum = 0.0, any = false
        for s in series {
            guard let v = s.value(at: i) else { continue }
            sum += v
            any = true
        }
        return any ? sum : nil
    }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// ``svg()`` as UTF-8, for pages that are built as bytes.
    func svgDocument() -> [UInt8] {
        let n = periods.count
        var extremes: [Double?] = []
        for i in 0..<n {
            extremes.append(series.compactMap { $0.value(at: i) }.filter { $0 > 0 }.reduce(0, +))
            extremes.append(series.compactMap { $0.value(at: i) }.filter { $0 < 0 }.reduce(0, +))
        }
        let scale = NiceScale(covering: extremes, includeZero: true)
        let ticks = valueFormat.tickLabels(for: scale, locale: locale)
        let left = ChartAxes.widest(ticks) + ChartAxes.gap + 2, right = width - 8
        var svg = SVGBuilder()
        let legendBottom = drawLegend(into: &svg, left: left, right: right)
        let top = legendBottom + 12, bottom = height - 24
        let y = { (v: Double) in scale.position(v, from: bottom, to: top) }
        ChartAxes.drawHorizontalGrid(into: &svg, scale: scale, labels: ticks, left: left, right: right, top: top, bottom: bottom)
        let band = (right - left) / Double(max(n, 1))
        let barWidth = min(48, band * 0.7)
        let xs = (0..<n).map { left + band * (Double($0) + 0.5) }
        var upper = [Double](repeating: 0, count: n), lower = upper
        for (k, s) in series.enumerated() {
            svg.group(ChartStyle.seriesClass(k))
            for i in 0..<n {
                guard let v = s.value(at: i), v != 0 else { continue }
                let base = v > 0 ? upper[i] : lower[i]
                svg.rect(xs[i] - barWidth / 2, y(base), barWidth, y(base + v) - y(base), "bar")
                if v > 0 { upper[i] += v } else { lower[i] += v }
            }
            svg.close("g")
        }
        ChartAxes.drawPeriodLabels(
            into: &svg, labels: periods, xs: xs, spacing: band, y: bottom + 16,
            chartWidth: width)
        return ChartDocument.document(id: id, kind: "stacked", width: width, height: height, title: title, body: svg) {
            writeDescription(into: &$0)
        }
    }

    /// A swatch and name per series, wrapping onto more rows; returns the legend's bottom y.
    private func drawLegend(into svg: inout SVGBuilder, left: Double, right: Double) -> Double {
        var x = left, y = 12.0
        svg.group("legend")
        for (k, s) in series.enumerated() {
            let name = TextMetrics.truncate(s.name, to: 150)
            let itemWidth = 14 + TextMetrics.width(name) + 16
            if x + itemWidth > right && x > left {
                x = left
                y += 18
            }
            svg.rect(x, y - 5, 10, 10, "swatch \(ChartStyle.seriesClass(k))")
            svg.text(s.name, x: x + 14, y: y, cssClass: "label", maxWidth: 150, truncated: name, middleBaseline: true)
            x += itemWidth
        }
        svg.close("g")
        return y + 6
    }

    /// Each series' values as written with `valueFormat`, one per period: `valueTexts` where
    /// they are given for the series, formatted here otherwise.
    private func seriesTexts() -> [[String]] {
        let given = valueTexts?.count == series.count ? valueTexts : nil
        return series.enumerated().map { k, s in
            given?[k].flatMap { $0.count == periods.count ? $0 : nil }
                ?? periods.indices.map { valueFormat.format(s.value(at: $0), locale: locale) }
        }
    }

    /// The description, escaped: "title. name: period value, …. Total: period value, …."
    private func writeDescription(into out: inout [UInt8]) {
        appendEscapedHTML(title, to: &out)
        for (s, texts) in zip(series, seriesTexts()) {
            out.appendLiteral(". ")
            appendEscapedHTML(s.name, to: &out)
            out.appendLiteral(": ")
            ChartDocument.appendListing(periods, texts, escapedTo: &out)
        }
        out.appendLiteral(". ")
        appendEscapedHTML(locale.label("total"), to: &out)
        out.appendLiteral(": ")
        ChartDocument.appendListing(
            periods, periods.indices.map { valueFormat.format(total($0), locale: locale) }, escapedTo: &out)
        out.appendLiteral(".")
    }

    /// Period, one column per part, then the total; the parts' values as `valueTexts` gives
    /// them, where it does.
    func dataTable() -> ChartDataTable {
        let headers = [locale.label("period")] + series.map(\.name) + [locale.label("total")]
        let texts = seriesTexts()
        let rows = periods.indices.map { i in
            var row: [String] = []
            row.reserveCapacity(series.count + 2)
            row.append(periods[i])
            for column in texts { row.append(column[i]) }
            row.append(valueFormat.format(total(i), locale: locale))
            return row
        }
        return ChartDataTable(headers: headers, rows: rows)
    }
}
