import BoardpackContent
import BoardpackFormat

/// A word-sized trend line for a headline tile: no axes or text, gaps kept, the latest
/// point marked, an optional faint target line. The tile prints the numbers beside it.
package struct Sparkline: Sendable {
    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name, e.g. "CAC, last 12 months".
    package var title: String
    /// Period labels, for the description and data table.
    package var periods: [String]
    /// Values in period order; nil is a gap.
    package var values: [Double?]
    /// Optional target, drawn as a faint line at its latest value.
    package var target: Double?
    /// How values read.
    package var valueFormat: ValueFormat
    /// Locale of the description.
    package var locale: PackLocale
    /// viewBox size.
    var width = 120.0, height = 32.0
    /// The values as written with `valueFormat`, one per value, where the caller has them
    /// already; nil: the description writes them.
    var valueTexts: [String]?

    /// Creates a sparkline.
    package init(
        id: String, title: String, periods: [String], values: [Double?], target: Double? = nil,
        valueFormat: ValueFormat, locale: PackLocale
    ) {
        self.id = id
        self.title = title
        self.periods = periods
        self.values = values
        self.target = target
        self.valueFormat = valueFormat
        self.locale = locale
    }

    /// The sparkline as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// ``svg()`` as UTF-8, for pages that are built as bytes.
    func svgDocument() -> [UInt8] {
        let series = ChartSeries(name: title, values: values)
        let n = values.count
        let scale = NiceScale(covering: values + [target], targetIntervals: 2)
        let pad = 3.5
        let x = { (i: Int) in n == 1 ? self.width / 2 : pad + Double(i) * (self.width - 2 * pad) / Double(n - 1) }
        let y = { (v: Double) in scale.position(v, from: self.height - pad, to: pad) }
        var svg = SVGBuilder()
        if let target, target.isFinite {
            svg.polyline([(0, y(target)), (width, y(target))], "target", [("fill", "none")])
        }
        svg.group(ChartStyle.seriesClass(0))
        for run in series.runs(count: n) {
            if run.count == 1 {
                svg.circle(x(run.lowerBound), y(series.value(at: run.lowerBound)!), 2, "dot")
            } else {
                svg.polyline(run.map { (x($0), y(series.value(at: $0)!)) }, "line", [("fill", "none")])
            }
        }
        if let last = series.lastIndex(count: n), (series.runs(count: n).last?.count ?? 0) > 1 {
            svg.circle(x(last), y(series.value(at: last)!), 2.5, "dot")
        }
        svg.close("g")
        return ChartDocument.document(id: id, kind: "sparkline", width: width, height: height, title: title, body: svg) {
            writeDescription(into: &$0)
        }
    }

    /// The description, escaped: "title: period value, …. Target: value."
    private func writeDescription(into out: inout [UInt8]) {
        let texts = valueTexts.flatMap { $0.count == values.count ? $0 : nil } ?? values.map { valueFormat.format($0, locale: locale) }
        appendEscapedHTML(title, to: &out)
        out.appendLiteral(": ")
        ChartDocument.appendListing(periods, texts, escapedTo: &out)
        if let target {
            out.appendLiteral(". ")
            appendEscapedHTML(locale.label("target"), to: &out)
            out.appendLiteral(": ")
            appendEscapedHTML(valueFormat.format(target, locale: locale), to: &out)
        }
        out.appendLiteral(".")
    }

    /// Period and value.
    func dataTable() -> ChartDataTable {
        ChartDataTable(
            headers: [locale.label("period"), title],
            rows: values.indices.map { [periods.indices.contains($0) ? periods[$0] : "", valueFormat.format(values[$0], locale: locale)] })
    }
}
