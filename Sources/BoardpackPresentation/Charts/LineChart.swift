import BoardpackContent
import BoardpackFormat

/// A line chart over periods: several series, an optional target line, direct labels at the
/// line ends instead of a legend, gaps where a value is missing and a dot for a lone point.
package struct LineChart: Sendable {
    /// Chart id, the prefix of every id in the SVG; unique on the page.
    package var id: String
    /// The chart's accessible name, e.g. "CAC by month".
    package var title: String
    /// The series, drawn in order with colours `series-1`, `series-2`, ….
    package var series: [ChartSeries]
    /// Period labels on the x axis, e.g. "Nov 2025".
    package var periods: [String]
    /// Target per period (constant or stepping), drawn as a dashed step line; nil for none.
    package var target: [Double?]?
    /// Label of the target line; defaults to "Target" / "Obiettivo".
    var targetLabel: String?
    /// How values read.
    package var valueFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// Stretch the value axis to zero (off by default: a KPI trend reads better zoomed in).
    var includeZero: Bool
    /// viewBox size.
    var width = ChartStyle.width, height = ChartStyle.height
    /// Each series' values as written with `valueFormat`, one per period, where the caller has
    /// them already; nil, or nil for a series: the chart writes them.
    var valueTexts: [[String]?]?

    /// Creates a line chart.
    package init(
        id: String, title: String, series: [ChartSeries], periods: [String], target: [Double?]? = nil,
        targetLabel: String? = nil, valueFormat: ValueFormat, locale: PackLocale, includeZero: Bool = false
    ) {
        self.id = id
        self.title = title
        self.series = series
        self.periods = periods
        self.target = target
        self.targetLabel = targetLabel
        self.valueFormat = valueFormat
        self.locale = locale
        self.includeZero = includeZero
    }

    /// Number of periods drawn.
    var count: Int { max(periods.count, series.map { $0.values.count }.max() ?? 0) }
    /// The target as a series named by its label.
    var targetSeries: ChartSeries? {
        target.map { ChartSeries(name: targetLabel ?? locale.label("target"), values: $0) }
    }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// Every value in full, as the description and the data table write them: one row per
    /// series, then the target's, each over the `count` periods.
    func formattedTexts() -> [[String]] {
        let n = count
        let given = valueTexts?.count == series.count ? valueTexts : nil
        return (series + (targetSeries.map { [$0] } ?? [])).enumerated().map { k, s in
            (k < series.count ? given?[k].flatMap { $0.count == n ? $0 : nil } : nil)
                ?? (0..<n).map { valueFormat.format(s.value(at: $0), locale: locale) }
        }
    }

    func svgDocument(texts: [[String]]) -> [UInt8] {
        let n = count
        let all = series.flatMap(\.values) + (target ?? [])
        let scale = NiceScale(covering: all, includeZero: includeZero)
        let ticks = valueFormat.tickLabels(for: scale, locale: locale)
        let ends = endLabels(n)
        let left = ChartAxes.widest(ticks) + ChartAxes.gap + 2
        let gutter = min(170, max(16, (ends.map { TextMetrics.width($0.text) }.max() ?? 0) + 12))
        let right = width - gutter
        let top = 10.0, bottom = height - 26
        let xs = (0..<n).map { n == 1 ? (left + right) / 2 : left + Double($0) * (right - left) / Double(n - 1) }
        let y = { (v: Double) in scale.position(v, from: bottom, to: top) }

        var svg = SVGBuilder()
        ChartAxes.drawHorizontalGrid(into: &svg, scale: scale, labels: ticks, left: left, right: right, top: top, bottom: bottom)
        ChartAxes.drawPeriodLabels(
            into: &svg, labels: Array(periods.prefix(n)), xs: xs,
            spacing: n > 1 ? (right - left) / Double(n - 1) : right - left, y: bottom + 18,
            chartWidth: width)
        if let t = targetSeries { drawTarget(t, into: &svg, xs: xs, y: y) }
        for (k, s) in series.enumerated() {
            svg.group(ChartStyle.seriesClass(k))
            for run in s.runs(count: n) {
                if run.count == 1 {
                    svg.circle(xs[run.lowerBound], y(s.value(at: run.lowerBound)!), 3.5, "dot")
                } else {
                    svg.polyline(run.map { (xs[$0], y(s.value(at: $0)!)) }, "line", [("fill", "none")])
                }
            }
            if let last = s.lastIndex(count: n), s.runs(count: n).last?.count ?? 0 > 1 {
                svg.circle(xs[last], y(s.value(at: last)!), 3, "dot")
            }
            svg.close("g")
        }
        let placed = ChartAxes.spread(ends.map { y($0.value) }, gap: ChartStyle.lineHeight, low: top + 4, high: bottom)
        for (label, ly) in zip(ends, placed) {
            svg.text(label.text, x: right + 6, y: ly, cssClass: label.cssClass, maxWidth: gutter - 8, middleBaseline: true)
        }
        return ChartDocument.document(id: id, kind: "line", width: width, height: height, title: title, body: svg) {
            writeDescription(n, texts: texts, into: &$0)
        }
    }

    private func drawTarget(_ t: ChartSeries, into svg: inout SVGBuilder, xs: [Double], y: (Double) -> Double) {
        for run in t.runs(count: xs.count) {
            var points: [(Double, Double)] = []
            for i in run {
                let v = y(t.value(at: i)!)
                if let previous = points.last, previous.1 != v { points.append((xs[i], previous.1)) }
                points.append((xs[i], v))
            }
            if points.count == 1 { points = [(points[0].0 - 8, points[0].1), (points[0].0 + 8, points[0].1)] }
            // Drop the inner points of straight horizontal stretches.
            points = points.enumerated().filter { i, p in
                i == 0 || i == points.count - 1 || !(points[i - 1].1 == p.1 && points[i + 1].1 == p.1)
            }.map(\.element)
            svg.polyline(points, "target", [("fill", "none"), ("stroke-dasharray", "5 4")])
        }
    }

    private struct EndLabel {
        var text: String, value: Double, cssClass: String
    }

    /// Direct labels at the right: each series' last value (with its name when there are
    /// several series), then the target.
    private func endLabels(_ n: Int) -> [EndLabel] {
        var labels: [EndLabel] = []
        for (k, s) in series.enumerated() {
            guard let last = s.lastIndex(count: n), let v = s.value(at: last) else { continue }
            let value = valueFormat.shortLabel(v, locale: locale)
            let text = series.count > 1 ? "\(s.name) \(value)" : value
            labels.append(EndLabel(text: text, value: v, cssClass: "series-label \(ChartStyle.seriesClass(k))"))
        }
        if let t = targetSeries, let last = t.lastIndex(count: n), let v = t.value(at: last) {
            labels.append(
                EndLabel(
                    text: "\(t.name) \(valueFormat.shortLabel(v, locale: locale))",
                    value: v, cssClass: "target-label"))
        }
        return labels
    }

    /// The description, escaped: "title: period value, …. Target: value.", the series named
    /// when there are several, the target's one value when it never changes.
    private func writeDescription(_ n: Int, texts: [[String]], into out: inout [UInt8]) {
        let labels = Array(periods.prefix(n))
        appendEscapedHTML(title, to: &out)
        out.appendLiteral(": ")
        var parts = 0
        for (s, values) in zip(series, texts) {
            if parts > 0 { out.appendLiteral(". ") }
            parts += 1
            if series.count > 1 {
                appendEscapedHTML(s.name, to: &out)
                out.appendLiteral(": ")
            }
            ChartDocument.appendListing(labels, values, escapedTo: &out)
        }
        if let t = targetSeries {
            if parts > 0 { out.appendLiteral(". ") }
            let values = texts[series.count]
            appendEscapedHTML(t.name, to: &out)
            out.appendLiteral(": ")
            if Set(values).count == 1 {
                appendEscapedHTML(values.first ?? "", to: &out)
            } else {
                ChartDocument.appendListing(labels, values, escapedTo: &out)
            }
        }
        out.appendLiteral(".")
    }

    /// Period, one column per series, then the target.
    func dataTable() -> ChartDataTable { dataTable(texts: formattedTexts()) }

    func dataTable(texts: [[String]]) -> ChartDataTable {
        var headers = [locale.label("period")] + series.map(\.name)
        if let t = targetSeries { headers.append(t.name) }
        let rows = (0..<count).map { i -> [String] in
            [periods.indices.contains(i) ? periods[i] : ""] + texts.map { $0[i] }
        }
        return ChartDataTable(headers: headers, rows: rows)
    }
}
