import BoardpackContent
import BoardpackFormat
import BoardpackMetrics

/// Series arithmetic and the line chart shared by the sector charts.
extension SectorCharts {
    /// A measure or KPI over the window, oldest first.
    typealias Series = [(period: Period, value: Double?)]

    /// numerator / denominator per period of the window, as the compute phase worked it out
    /// (``PackReport/trends``).
    static func ratio(_ ctx: PackContext, _ numerator: String, over denominator: String) -> Series {
        trend(ctx, "\(numerator)/\(denominator)")
    }

    /// A sector trend of the pack (``PackReport/sectorTrends``).
    static func trend(_ ctx: PackContext, _ id: String) -> Series {
        assert(ctx.report.trends[id] != nil, "sector trend `\(id)` was not computed")
        return ctx.report.trends[id] ?? []
    }

    /// The KPI's series and label when the dictionary defines `kpi`, else the ratio of the
    /// two measures under a generic name.
    static func kpiOrRatio(_ ctx: PackContext, kpi: String, _ numerator: String, over denominator: String) -> (name: String, series: Series)
    {
        if ctx.kpi(kpi) != nil {
            return (ctx.kpiLabel(kpi), trend(ctx, kpi))
        }
        // Short names: a line's end label carries name and value in a narrow gutter.
        let name = ["activation_rate", "trial_to_paid"].contains(kpi) ? ctx.locale.label("short_\(kpi)") : kpi
        return (name, ratio(ctx, numerator, over: denominator))
    }

    /// A line chart of the series over the window, from the first period with a value; nil
    /// when no series has one.
    static func line(
        _ ctx: PackContext, id: String, title: String, names: [String], series: [Series], format: ValueFormat
    ) -> ChartFigure.Chart? {
        guard let first = series.first, let start = ChartFigure.firstPresent(series.map { $0.map(\.value) }) else { return nil }
        let window = first[start...]
        let fullTitle = title + ", " + ChartFigure.span(ctx, count: window.count)
        let chart = LineChart(
            id: id, title: fullTitle,
            series: zip(names, series).map { ChartSeries(name: $0, values: $1[start...].map(\.value)) },
            periods: window.map { ctx.shortPeriodLabel($0.period) }, valueFormat: format, locale: ctx.locale,
            includeZero: format == .count)
        let (svg, table) = chart.rendered()
        return ChartFigure.Chart(svg: svg, title: fullTitle, table: table)
    }
}
