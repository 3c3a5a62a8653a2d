import BoardpackContent
import BoardpackMetrics

/// Small pieces shared by the sections that draw charts: the `<figure>` around an SVG, the
/// trimming of a window's leading empty periods, and names written for people.
enum ChartFigure {
    /// A drawn chart: its SVG (UTF-8), its title (the figure's caption) and the data behind it.
    struct Chart {
        var svg: [UInt8]
        var title: String
        var table: ChartDataTable
        /// The KPI the chart shows, for `data-kpi` (SPEC §6 markup contract).
        var kpi: String? = nil
    }

    /// An SVG chart in a `<figure class="chart">` with its title as a visible caption.
    static func figure(into html: inout HTMLBuffer, _ chart: Chart) {
        html += "<figure class=\"chart\""
        if let kpi = chart.kpi {
            html += " data-kpi=\""
            html.appendEscaped(kpi)
            html += "\""
        }
        html += "><figcaption>"
        html.appendEscaped(chart.title)
        html += "</figcaption>"
        html.append(bytes: chart.svg)
        html += "</figure>\n"
    }

    /// A grid of charts, two per row on a wide page; nothing when there are none.
    static func grid(into html: inout HTMLBuffer, _ charts: [Chart]) {
        guard !charts.isEmpty else { return }
        html += "<div class=\"charts-grid\">\n"
        for chart in charts { figure(into: &html, chart) }
        html += "</div>\n"
    }

    /// The index of the first period in which any series has a value (nil when none has):
    /// a window that starts before the unit's first data draws from there, so a quarterly
    /// pack's chart is not two thirds empty.
    static func firstPresent(_ series: [[Double?]]) -> Int? {
        let count = series.map(\.count).max() ?? 0
        return (0..<count).first { i in series.contains { i < $0.count && $0[i] != nil } }
    }

    /// "last 12 months" / "ultimi 12 trimestri": the span of a window ending with the pack.
    static func span(_ ctx: PackContext, count: Int) -> String {
        let quarterly = ctx.period.monthCount > 1
        return quarterly
            ? ctx.locale.label("last_quarters", ["count": "\(count)"])
            : ctx.locale.label("last_months", ["count": "\(count)"])
    }

    /// The chart status for a KPI status; none when there is no target or no value.
    static func chartStatus(_ status: KPIStatus) -> ChartStatus? {
        switch status {
        case .green: .green
        case .amber: .amber
        case .red: .red
        case .none, .na: nil
        }
    }
}
