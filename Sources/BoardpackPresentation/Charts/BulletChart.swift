import BoardpackContent
import BoardpackFormat

/// A bullet graph: one KPI's value as a bar over red/amber/green bands, the target as a
/// tick, and the status as a marker shape and a word beside the value.
package struct BulletChart: Sendable {
    /// A stretch of the scale with the status a value there would have.
    package struct Band: Sendable, Hashable {
        /// Start and end on the value scale.
        package var from: Double, to: Double
        /// Status of values in the band.
        package var status: ChartStatus

        /// Creates a band.
        package init(from: Double, to: Double, status: ChartStatus) {
            self.from = from
            self.to = to
            self.status = status
        }
    }

    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name, e.g. "CAC against target, October 2026".
    package var title: String
    /// The row label at the left, e.g. "CAC".
    package var label: String
    /// The KPI's value; nil when not available.
    package var value: Double?
    /// The target; nil for none (then no bands).
    package var target: Double?
    /// The amber band's width as a fraction of |target| (spec §2.2 `tolerance`).
    package var tolerance: Double
    /// Direction of the KPI.
    var higherIsBetter: Bool
    /// The status the metrics engine gave the value; drawn as marker and word.
    package var status: ChartStatus?
    /// The word for the status; defaults to `ChartStatus.word`.
    var statusLabel: String?
    /// More digits for the value than its format's usual ones (SPEC §3.4 rule 9: 2.99×, not
    /// 3.0×, against a target of 3).
    package var valueExtraDigits = 0
    /// How values read.
    package var valueFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// viewBox size.
    var width = ChartStyle.width, height = 64.0
    /// Fixed widths of the label column and of the value column, so that several bullets
    /// stacked one above the other line up; nil sizes each from its own text.
    var labelColumn: Double?, valueColumn: Double?

    /// Creates a bullet chart.
    package init(
        id: String, title: String, label: String, value: Double?, target: Double?, tolerance: Double = 0.1,
        higherIsBetter: Bool, status: ChartStatus? = nil, statusLabel: String? = nil,
        valueFormat: ValueFormat, locale: PackLocale
    ) {
        self.id = id
        self.title = title
        self.label = label
        self.value = value
        self.target = target
        self.tolerance = tolerance
        self.higherIsBetter = higherIsBetter
        self.status = status
        self.statusLabel = statusLabel
        self.valueFormat = valueFormat
        self.locale = locale
    }

    /// A scale from zero covering the value, the target and the amber band.
    var scale: NiceScale {
        let margin = (target.map { abs($0) } ?? 0) * tolerance
        return NiceScale(
            covering: [value, target, target.map { $0 - margin }, target.map { $0 + margin }],
            targetIntervals: 4, includeZero: true)
    }

    /// The red/amber/green bands across `scale` for the target, tolerance and direction.
    func bands(lower: Double, upper: Double) -> [Band] {
        guard let target, target.isFinite else { return [] }
        let margin = abs(target) * tolerance
        let raw: [Band] =
            higherIsBetter
            ? [
                Band(from: lower, to: target - margin, status: .red), Band(from: target - margin, to: target, status: .amber),
                Band(from: target, to: upper, status: .green),
            ]
            : [
                Band(from: lower, to: target, status: .green), Band(from: target, to: target + margin, status: .amber),
                Band(from: target + margin, to: upper, status: .red),
            ]
        return raw.compactMap { b in
            let from = max(b.from, lower), to = min(b.to, upper)
            return to > from ? Band(from: from, to: to, status: b.status) : nil
        }
    }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// ``svg()`` as UTF-8, for pages that are built as bytes.
    func svgDocument() -> [UInt8] {
        let scale = self.scale
        let ticks = valueFormat.tickLabels(for: scale, locale: locale)
        let valueText = valueFormat.format(value, locale: locale, extraDigits: valueExtraDigits)
        let word = status.map { statusLabel ?? $0.word(locale) } ?? ""
        let column = labelColumn ?? min(150, TextMetrics.width(label) + 10)
        let rightRoom = (valueColumn ?? max(TextMetrics.width(valueText), TextMetrics.width(word, fontSize: ChartStyle.tickFontSize))) + 36
        let left = column + 8, right = width - rightRoom
        let x = { (v: Double) in scale.position(v, from: left, to: right) }
        var svg = SVGBuilder()
        svg.text(label, x: column, y: 20, anchor: .end, cssClass: "label", maxWidth: column - 4, middleBaseline: true)
        for band in bands(lower: scale.lower, upper: scale.upper) {
            svg.rect(x(band.from), 8, x(band.to) - x(band.from), 24, "band \(band.status.cssClass)")
        }
        for (tick, text) in zip(scale.ticks, ticks) {
            svg.line(x(tick), 32, x(tick), 36, "axis")
            svg.text(text, x: x(tick), y: 48, anchor: .middle, cssClass: "tick-label", fontSize: ChartStyle.tickFontSize)
        }
        if let value, value.isFinite {
            svg.rect(x(0), 15, x(value) - x(0), 10, "bullet-value")
        }
        if let target, target.isFinite {
            svg.line(x(target), 4, x(target), 36, "target-mark")
        }
        if let status {
            status.drawMarker(into: &svg, x: right + 14, y: 20)
        }
        svg.text(valueText, x: right + 26, y: 20, cssClass: value == nil ? "label-muted na" : "label-strong", middleBaseline: true)
        if !word.isEmpty {
            svg.text(word, x: right + 26, y: 36, cssClass: "label-muted", fontSize: ChartStyle.tickFontSize, middleBaseline: true)
        }
        return ChartDocument.document(
            id: id, kind: "bullet", width: width, height: height,
            title: title, description: description(), body: svg)
    }

    private func description() -> String {
        var text = "\(title): \(label) \(valueFormat.format(value, locale: locale, extraDigits: valueExtraDigits))"
        if let target { text += ", " + locale.label("target_word") + " " + valueFormat.format(target, locale: locale) }
        if let status { text += ", " + (statusLabel ?? status.word(locale)) }
        return text + "."
    }

    /// Label, value, target and status.
    func dataTable() -> ChartDataTable {
        ChartDataTable(
            headers: [
                "", locale.label("value"), locale.label("target"),
                locale.label("status"),
            ],
            rows: [
                [
                    label, valueFormat.format(value, locale: locale, extraDigits: valueExtraDigits),
                    target == nil ? "" : valueFormat.format(target, locale: locale),
                    status.map { statusLabel ?? $0.word(locale) } ?? "",
                ]
            ])
    }
}
