import BoardpackFormat
import BoardpackMetrics

/// Draws a note's chart block with the chart library, from the pack's figures.
extension NoteChart {
    /// A rendered chart: SVG, title and the data behind it.
    struct Rendered {
        var svg: String
        var title: String
        var table: ChartDataTable
    }

    /// One chart, or one per unit of measure when the KPIs mix units (a percentage and a
    /// multiple never share an axis).
    func render(_ ctx: PackContext, _ figures: NoteChartFigures, id: String) -> [Rendered] {
        var groups: [(format: ValueFormat, ids: [String])] = []
        for kpi in kpis {
            let format = ctx.valueFormat(kpi)
            if let i = groups.firstIndex(where: { $0.format == format }) {
                groups[i].ids.append(kpi)
            } else {
                groups.append((format, [kpi]))
            }
        }
        if groups.count > 1 && [.line, .bar, .bullet].contains(type) {
            return groups.enumerated().flatMap { i, group in
                var part = self
                part.kpis = group.ids
                return part.render(ctx, figures, id: "\(id)-\(i + 1)")
            }
        }
        return [renderOne(ctx, figures, id: id)]
    }

    func renderOne(_ ctx: PackContext, _ figures: NoteChartFigures, id: String) -> Rendered {
        let first = kpis[0]
        let format = ctx.valueFormat(first)
        let title = kpis.map(ctx.kpiLabel).joined(separator: ", ")
        let seriesList = kpis.map { figures.series[$0] ?? [] }
        let labels = (seriesList.first ?? []).map { ctx.shortPeriodLabel($0.period) }
        let values = figures.values
        switch type {
        case .line:
            let targets: [Double?]? =
                target && kpis.count == 1
                ? seriesList[0].map { ctx.unit.config.targets[first]?.value(at: $0.period.lastMonth)?.point } : nil
            let chart = LineChart(
                id: id, title: title,
                series: zip(kpis, seriesList).map { ChartSeries(name: ctx.kpiLabel($0), values: $1.map(\.value)) },
                periods: labels, target: targets, targetLabel: ctx.locale.label("target_word"),
                valueFormat: format, locale: ctx.locale, includeZero: false)
            return Rendered(svg: chart.svg(), title: title, table: chart.dataTable())
        case .bar:
            // With a breakdown: the period's value per dimension value; otherwise the trend.
            let chart =
                breakdown == nil
                ? BarChart(
                    id: id, title: title, categories: labels, values: seriesList[0].map(\.value), valueFormat: format, locale: ctx.locale,
                    orientation: .vertical)
                : BarChart(
                    id: id, title: "\(title), \(ctx.periodLabel(ctx.period))", categories: values.map { ctx.displayName($0) },
                    values: figures.byValue[first] ?? [],
                    valueFormat: format, locale: ctx.locale, orientation: .horizontal)
            return Rendered(svg: chart.svg(), title: chart.title, table: chart.dataTable())
        case .stacked:
            let chart = StackedBarChart(
                id: id, title: "\(title) — \(breakdown ?? "")", periods: labels,
                series: zip(values, figures.seriesByValue).map { value, series in
                    ChartSeries(name: ctx.displayName(value), values: series)
                }, valueFormat: format, locale: ctx.locale)
            return Rendered(svg: chart.svg(), title: chart.title, table: chart.dataTable())
        case .funnel:
            let stages = kpis.map { id in
                FunnelChart.Stage(
                    name: ctx.kpi(id) != nil ? ctx.kpiLabel(id) : ctx.displayName(id), value: figures.stages[id] ?? nil)
            }
            let chart = FunnelChart(id: id, title: "\(title), \(ctx.periodLabel(ctx.period))", stages: stages, locale: ctx.locale)
            return Rendered(svg: chart.svg(), title: chart.title, table: chart.dataTable())
        case .bullet:
            let figures = kpis.enumerated().map { i, kpi -> (String, ChartDataTable) in
                let r = ctx.pack[kpi: kpi]
                var chart = BulletChart(
                    id: "\(id)-\(i + 1)", title: ctx.kpiLabel(kpi), label: ctx.kpiLabel(kpi), value: r?.value, target: r?.target?.point,
                    tolerance: ctx.unit.config.tolerance, higherIsBetter: ctx.kpi(kpi)?.better == .higher,
                    status: r.flatMap { ChartFigure.chartStatus($0.status) }, statusLabel: r.map { ctx.locale.label($0.statusWordKey) },
                    valueFormat: ctx.valueFormat(kpi), locale: ctx.locale)
                chart.valueExtraDigits = ctx.report.display.extraDigits(kpi, r?.value)
                return (chart.svg(), chart.dataTable())
            }
            let table = ChartDataTable(headers: figures.first?.1.headers ?? [], rows: figures.flatMap(\.1.rows))
            return Rendered(svg: figures.map(\.0).joined(separator: "\n"), title: title, table: table)
        case .scatter:
            let x = figures.byValue[kpis[0]] ?? [], y = figures.byValue[kpis[1]] ?? []
            let points = values.indices.map { i in
                ScatterChart.Point(
                    label: ctx.displayName(values[i]), x: x.indices.contains(i) ? x[i] : nil,
                    y: y.indices.contains(i) ? y[i] : nil)
            }
            let chart = ScatterChart(
                id: id, title: "\(title) — \(breakdown ?? ""), \(ctx.periodLabel(ctx.period))", points: points,
                xTitle: ctx.kpiLabel(kpis[0]),
                yTitle: ctx.kpiLabel(kpis[1]), xFormat: ctx.valueFormat(kpis[0]), yFormat: ctx.valueFormat(kpis[1]), locale: ctx.locale)
            return Rendered(svg: chart.svg(), title: chart.title, table: chart.dataTable())
        case .heatmap:
            let chart = Heatmap(
                id: id, title: "\(title) — \(breakdown ?? ""), \(ctx.periodLabel(ctx.period))", rows: values.map { ctx.displayName($0) },
                columns: kpis.map(ctx.kpiLabel),
                values: values.indices.map { i in kpis.map { k in figures.byValue[k]?[i] ?? nil } },
                valueFormat: format, locale: ctx.locale)
            return Rendered(svg: chart.svg(), title: chart.title, table: chart.dataTable())
        }
    }
}
