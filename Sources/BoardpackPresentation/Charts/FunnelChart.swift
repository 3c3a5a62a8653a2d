import BoardpackContent
import BoardpackFormat

/// A conversion funnel: one centred bar per stage (impressions → … → customers), the stage's
/// value beside it and the conversion rate from the stage above between the bars.
package struct FunnelChart: Sendable {
    /// One funnel stage.
    package struct Stage: Sendable, Hashable {
        /// Stage name, e.g. "Qualified leads".
        package var name: String
        /// The stage's volume; nil when not reported.
        package var value: Double?

        /// Creates a stage.
        package init(name: String, value: Double?) {
            self.name = name
            self.value = value
        }
    }

    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name, e.g. "Funnel, October 2026".
    package var title: String
    /// Stages from the widest to the narrowest.
    package var stages: [Stage]
    /// How stage values read (usually `.count`).
    package var valueFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// viewBox width; the height grows with the stages.
    var width = ChartStyle.width

    /// Creates a funnel chart.
    package init(id: String, title: String, stages: [Stage], valueFormat: ValueFormat = .count, locale: PackLocale) {
        self.id = id
        self.title = title
        self.stages = stages
        self.valueFormat = valueFormat
        self.locale = locale
    }

    /// Conversion from stage `i - 1` to stage `i`; nil for the first stage or when either
    /// value is missing or the earlier one is not positive.
    package func conversion(_ i: Int) -> Double? {
        guard i > 0, let from = stages[i - 1].value, let to = stages[i].value, from > 0 else { return nil }
        return to / from
    }

    /// True when the largest stage is over a hundred times the smallest positive one (as
    /// impressions to customers always are): bar widths then follow log10 of the value, or the
    /// lower stages would be invisible slivers. The chart says so in a note and in its
    /// description; the printed numbers are exact either way.
    var usesLogScale: Bool {
        let positive = stages.compactMap(\.value).filter { $0.isFinite && $0 > 0 }
        guard let low = positive.min(), let high = positive.max(), high > 1 else { return false }
        return high / low > 100
    }

    private var logNote: String {
        locale.label("bar_widths_on_a_logarithmic")
    }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// ``svg()`` as UTF-8, for pages that are built as bytes.
    func svgDocument() -> [UInt8] {
        let pitch = 44.0, barHeight = 24.0, top = 8.0
        let logarithmic = usesLogScale
        let height = top + pitch * Double(stages.count) - (pitch - barHeight) + (logarithmic ? 30 : 8)
        let column = min(170, ChartAxes.widest(stages.map(\.name), fontSize: ChartStyle.fontSize) + 10)
        let values = valueFormat.shortLabels(stages.map(\.value), locale: locale)
        let valueRoom = ChartAxes.widest(values, fontSize: ChartStyle.fontSize) + 12
        let plotLeft = column + 8, plotRight = width - valueRoom
        let centre = (plotLeft + plotRight) / 2
        let largest = stages.compactMap(\.value).filter { $0.isFinite }.max() ?? 0
        let f = PackFormatter(locale: locale)
        var svg = SVGBuilder()
        svg.group("stages \(ChartStyle.seriesClass(0))")
        for (i, stage) in stages.enumerated() {
            let y = top + pitch * Double(i)
            svg.text(
                stage.name, x: column, y: y + barHeight / 2, anchor: .end, cssClass: "tick-label",
                maxWidth: column - 4, middleBaseline: true)
            if let v = stage.value, v.isFinite, largest > 0 {
                let share = logarithmic ? ChartMath.log10(max(v, 1)) / ChartMath.log10(largest) : max(0, v) / largest
                let w = max(2, (plotRight - plotLeft) * share)
                svg.rect(centre - w / 2, y, w, barHeight, "bar")
            }
            svg.text(
                values[i], x: plotRight + 8, y: y + barHeight / 2,
                cssClass: stage.value == nil ? "label-muted na" : "label", middleBaseline: true)
            if i > 0 {
                let rate = "↓ " + f.percent(conversion(i))
                svg.text(
                    rate, x: centre, y: y - (pitch - barHeight) / 2, anchor: .middle, cssClass: "label-muted",
                    fontSize: ChartStyle.tickFontSize, middleBaseline: true)
            }
        }
        svg.close("g")
        if logarithmic {
            svg.text(logNote, x: plotLeft, y: height - 8, cssClass: "label-muted", fontSize: ChartStyle.tickFontSize)
        }
        return ChartDocument.document(
            id: id, kind: "funnel", width: width, height: height,
            title: title, description: description(), body: svg)
    }

    private func description() -> String {
        let f = PackFormatter(locale: locale)
        let parts = stages.indices.map { i -> String in
            let value = "\(stages[i].name) \(valueFormat.format(stages[i].value, locale: locale))"
            return i == 0 ? value : value + " (\(f.percent(conversion(i))))"
        }
        return "\(title): " + parts.joined(separator: ", ") + "." + (usesLogScale ? " \(logNote)." : "")
    }

    /// Stage, value and conversion from the previous stage.
    func dataTable() -> ChartDataTable {
        let f = PackFormatter(locale: locale)
        return ChartDataTable(
            headers: [locale.label("stage"), title, locale.label("conversion")],
            rows: stages.indices.map { i in
                [stages[i].name, valueFormat.format(stages[i].value, locale: locale), i == 0 ? "" : f.percent(conversion(i))]
            })
    }
}
