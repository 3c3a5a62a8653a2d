/// A chart whose `<desc>` and appendix data table write the same value texts: the values are
/// formatted once and shared by the SVG document and the table (formatting is a large share of
/// a page's cost, so a pack's charts do not pay it twice).
protocol FormattedOnceChart {
    /// The value texts, in the shape the chart needs (a grid, or one pair per point).
    associatedtype Texts
    /// Every value in full, as the description and the data table write them.
    func formattedTexts() -> Texts
    /// The SVG document (UTF-8) with `texts` in its description.
    func svgDocument(texts: Texts) -> [UInt8]
    /// The data table from `texts`.
    func dataTable(texts: Texts) -> ChartDataTable
}

extension FormattedOnceChart {
    /// The SVG document as UTF-8, for pages that are built as bytes.
    func svgDocument() -> [UInt8] { svgDocument(texts: formattedTexts()) }

    /// The SVG document (UTF-8) and the data table, each value formatted once for both.
    func rendered() -> (svg: [UInt8], table: ChartDataTable) {
        let texts = formattedTexts()
        return (svgDocument(texts: texts), dataTable(texts: texts))
    }
}

extension Heatmap: FormattedOnceChart {}
extension LineChart: FormattedOnceChart {}
extension ScatterChart: FormattedOnceChart {}
