/// The charts of the Channels section. Each returns nil when the unit lacks what it draws.
enum ChannelCharts {
    /// The funnel's stages, widest first.
    static let funnelStages = ["impressions", "clicks", "leads", "qualified_leads", "opportunities", "new_customers"]

    /// Spend by channel as stacked bars over the 12 periods ending with the pack: every channel
    /// with up to eight, else the seven largest over the window and "Other" (the data table
    /// lists every channel either way).
    /// `current` is ``ChannelsSection/ordered(_:)``: the channels of the period, largest spend first.
    static func spend(_ ctx: PackContext, current: [String]) -> ChartFigure.Chart? {
        let data = ctx.metrics.data
        // Largest spend of the period first (drawn at the bottom of each stack), then the rest.
        let inPeriod = Set(current)
        let channels =
            current + (data.dimensionLabels[ChannelsSection.dimension] ?? []).filter { !inPeriod.contains($0) }.sorted()
        let all = channels.compactMap { channel -> (String, [(period: Period, value: Double?)])? in
            guard let slice = data.slice(ChannelsSection.dimension, channel) else { return nil }
            let series = ctx.metrics.measureSeries("spend", endingAt: ctx.period, count: ChannelsSection.periods, slice: slice)
            return series.contains { $0.value != nil } ? (channel, series) : nil
        }
        guard let first = all.first, let start = ChartFigure.firstPresent(all.map { $0.1.map { $0.value } }) else { return nil }
        let periods = first.1[start...].map { ctx.shortPeriodLabel($0.period) }
        let title = ctx.locale.text(en: "Spend by channel", it: "Spesa per canale") + ", " + ChartFigure.span(ctx, count: periods.count)
        let series = all.map { ChartSeries(name: ChartFigure.displayName($0.0), values: $0.1[start...].map { $0.value }) }
        // The bars show the largest channels and "Other"; the data table keeps every channel.
        let other = ctx.locale.text(en: "Other", it: "Altri")
        var chart = StackedBarChart(
            id: "channels-spend", title: title, periods: periods, series: series,
            valueFormat: .currency(ctx.unit.config.currency), locale: ctx.locale)
        let table = chart.dataTable()
        let drawn = ChartSeries.topIndexed(series, otherName: other)
        chart.series = drawn.map(\.series)
        // The description repeats the table's figures for the channels drawn on their own.
        chart.valueTexts = drawn.map { d in d.index.map { k in table.rows.map { $0[k + 1] } } }
        return ChartFigure.Chart(svg: chart.svgDocument(), title: title, table: table)
    }

    /// The unit's funnel for the period, over the stages the unit reports at all (a stage the
    /// unit reports but not this period stays, as n/a); nil with fewer than two stages.
    static func funnel(_ ctx: PackContext) -> ChartFigure.Chart? {
        let evaluator = ctx.metrics.evaluator(for: ctx.period)
        let stages = funnelStages.filter { ctx.metrics.data.grain(of: $0) != nil }.map { id in
            FunnelChart.Stage(name: ChannelsSection.measureLabel(ctx, id), value: evaluator.measure(id, at: ctx.period).value)
        }
        guard stages.count >= 2, stages.contains(where: { $0.value != nil }) else { return nil }
        let title = ctx.locale.text(en: "Funnel", it: "Funnel") + ", " + ctx.periodLabel(ctx.period)
        let chart = FunnelChart(id: "channels-funnel", title: title, stages: stages, locale: ctx.locale)
        return ChartFigure.Chart(svg: chart.svgDocument(), title: title, table: chart.dataTable())
    }

    /// Paid CAC (x) against media ROMI (y) per channel.
    ///
    /// CAC against CLV would be the classic pair, but CLV is `scope: unit`: every channel
    /// carries the unit's CLV, so the points would sit on one horizontal line, and CAC itself
    /// is n/a per channel (overhead is unit-level). Paid CAC and media ROMI are both computed
    /// from each channel's own rows: cheap customers that return their media spend sit at the
    /// top left. Points are coloured by the media ROMI target when the unit sets one.
    ///
    /// `kpiTexts` holds the channel KPIs as the channel table writes them
    /// (``ChannelTable/kpiTexts(_:channels:)``); the chart's description and data table reuse them.
    static func scatter(_ ctx: PackContext, channels: [String], kpiTexts: [(id: String, texts: [String])]) -> ChartFigure.Chart? {
        guard ctx.pack[kpi: "paid_cac"] != nil, ctx.pack[kpi: "media_romi"] != nil,
            let breakdown = ctx.pack.breakdowns[ChannelsSection.dimension]
        else { return nil }
        let target = ctx.metrics.profile.targets["media_romi"]?.value(at: ctx.period.lastMonth)
        let better = ctx.kpi("media_romi")?.better ?? .higher
        let points = channels.map { channel in
            let row = breakdown[channel] ?? [:]
            let x = row["paid_cac"] ?? nil, y = row["media_romi"] ?? nil
            let status = KPIStatus.of(y, target: target, tolerance: ctx.unit.config.tolerance, better: better)
            return ScatterChart.Point(label: ChartFigure.displayName(channel), x: x, y: y, status: ChartFigure.chartStatus(status))
        }
        guard points.filter({ $0.x != nil && $0.y != nil }).count >= 2 else { return nil }
        let title =
            ctx.locale.text(
                en: "\(ctx.kpiLabel("paid_cac")) and \(ctx.kpiLabel("media_romi")) by channel",
                it: "\(ctx.kpiLabel("paid_cac")) e \(ctx.kpiLabel("media_romi")) per canale")
            + ", " + ctx.periodLabel(ctx.period)
        var chart = ScatterChart(
            id: "channels-scatter", title: title, points: points, xTitle: ctx.kpiLabel("paid_cac"),
            yTitle: ctx.kpiLabel("media_romi"), xFormat: ctx.valueFormat("paid_cac"), yFormat: ctx.valueFormat("media_romi"),
            locale: ctx.locale)
        if let x = kpiTexts.first(where: { $0.id == "paid_cac" })?.texts, let y = kpiTexts.first(where: { $0.id == "media_romi" })?.texts {
            chart.valueTexts = Array(zip(x, y))
        }
        let (svg, table) = chart.rendered()
        return ChartFigure.Chart(svg: svg, title: title, table: table)
    }
}
