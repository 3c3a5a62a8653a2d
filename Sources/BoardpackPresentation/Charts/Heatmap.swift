import BoardpackContent
import BoardpackFormat

/// A table of coloured cells with their numbers in them (e.g. store × QSP&V dimension).
/// Shading runs in five steps from the lowest to the highest value, darker for higher; the
/// numbers carry the meaning, the shade only helps the eye, and a key gives the range.
package struct Heatmap: Sendable {
    /// Chart id, the prefix of every id in the SVG.
    package var id: String
    /// Accessible name.
    package var title: String
    /// Row labels (e.g. stores) and column labels (e.g. dimensions).
    package var rows: [String], columns: [String]
    /// `values[row][column]`; nil is not reported.
    package var values: [[Double?]]
    /// How values read.
    package var valueFormat: ValueFormat
    /// Locale of labels and numbers.
    package var locale: PackLocale
    /// viewBox width; the height grows with the rows.
    var width = ChartStyle.width

    /// Creates a heatmap.
    package init(
        id: String, title: String, rows: [String], columns: [String], values: [[Double?]],
        valueFormat: ValueFormat, locale: PackLocale
    ) {
        self.id = id
        self.title = title
        self.rows = rows
        self.columns = columns
        self.values = values
        self.valueFormat = valueFormat
        self.locale = locale
    }

    /// The cell value, nil when missing, out of range or not finite.
    func value(_ r: Int, _ c: Int) -> Double? {
        guard values.indices.contains(r), values[r].indices.contains(c), let v = values[r][c], v.isFinite else { return nil }
        return v
    }

    /// Shade step 1...5 for `v` between the lowest and highest value (3 when all are equal).
    func step(_ v: Double, low: Double, high: Double) -> Int {
        guard high > low else { return 3 }
        return min(5, 1 + Int(((v - low) / (high - low) * 5).rounded(.down)))
    }

    /// The chart as an SVG document fragment.
    package func svg() -> String { String(decoding: svgDocument(), as: UTF8.self) }

    /// Every cell in full, as the description and the data table write them.
    func formattedTexts() -> [[String]] {
        rows.indices.map { r in columns.indices.map { valueFormat.format(value(r, $0), locale: locale) } }
    }

    func svgDocument(texts full: [[String]]) -> [UInt8] {
        let present = rows.indices.flatMap { r in columns.indices.compactMap { value(r, $0) } }
        let low = present.min() ?? 0, high = present.max() ?? 0
        let rowHeight = 30.0, headerHeight = 24.0, keyHeight = 30.0
        let column = min(170, ChartAxes.widest(rows, fontSize: ChartStyle.fontSize) + 10)
        let cellWidth = (width - column - 8) / Double(max(columns.count, 1))
        let top = headerHeight
        let height = top + rowHeight * Double(rows.count) + keyHeight
        let texts = rows.indices.map { r in valueFormat.shortLabels(columns.indices.map { value(r, $0) }, locale: locale) }
        var svg = SVGBuilder()
        svg.group("column-labels")
        for (c, name) in columns.enumerated() {
            svg.text(
                name, x: column + cellWidth * (Double(c) + 0.5), y: top - 8, anchor: .middle, cssClass: "tick-label",
                maxWidth: cellWidth - 6, fontSize: ChartStyle.tickFontSize)
        }
        svg.close("g")
        for (r, name) in rows.enumerated() {
            let y = top + rowHeight * Double(r)
            svg.text(
                name, x: column - 6, y: y + rowHeight / 2, anchor: .end, cssClass: "tick-label",
                maxWidth: column - 10, middleBaseline: true)
            for c in columns.indices {
                let x = column + cellWidth * Double(c)
                let v = value(r, c)
                let shade = v.map { step($0, low: low, high: high) }
                svg.rect(x + 1, y + 1, cellWidth - 2, rowHeight - 2, shade.map { "cell heat-\($0)" } ?? "cell na")
                let text = texts[r][c]
                svg.text(
                    text, x: x + cellWidth / 2, y: y + rowHeight / 2, anchor: .middle,
                    cssClass: (shade ?? 0) >= 4 ? "cell-label on-dark" : "cell-label", maxWidth: cellWidth - 4,
                    middleBaseline: true)
            }
        }
        drawKey(
            into: &svg, x: column + 1, y: top + rowHeight * Double(rows.count) + 10, low: low, high: high,
            empty: present.isEmpty)
        return ChartDocument.document(
            id: id, kind: "heatmap", width: width, height: height,
            title: title, description: description(texts: full), body: svg)
    }

    /// Five swatches from the lowest to the highest value, labelled with both ends.
    private func drawKey(into svg: inout SVGBuilder, x: Double, y: Double, low: Double, high: Double, empty: Bool) {
        guard !empty else { return }
        svg.group("key")
        let lowText = valueFormat.shortLabel(low, locale: locale)
        svg.text(lowText, x: x, y: y + 6, cssClass: "tick-label", fontSize: ChartStyle.tickFontSize, middleBaseline: true)
        let start = x + TextMetrics.width(lowText, fontSize: ChartStyle.tickFontSize) + 6
        for s in 1...5 {
            svg.rect(start + Double(s - 1) * 18, y, 16, 12, "cell heat-\(s)")
        }
        svg.text(
            valueFormat.shortLabel(high, locale: locale), x: start + 5 * 18 + 4, y: y + 6, cssClass: "tick-label",
            fontSize: ChartStyle.tickFontSize, middleBaseline: true)
        svg.close("g")
    }

    private func description(texts: [[String]]) -> String {
        let parts = rows.indices.map { r in "\(rows[r]): " + ChartDocument.listing(columns, texts[r]) }
        return "\(title). " + parts.joined(separator: "; ") + "."
    }

    /// One row per heatmap row, one column per heatmap column.
    func dataTable() -> ChartDataTable { dataTable(texts: formattedTexts()) }

    func dataTable(texts: [[String]]) -> ChartDataTable {
        ChartDataTable(headers: [""] + columns, rows: rows.indices.map { r in [rows[r]] + texts[r] })
    }
}
