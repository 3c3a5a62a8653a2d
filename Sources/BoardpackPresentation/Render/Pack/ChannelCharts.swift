import BoardpackContent
import BoardpackMetrics

/// The charts of the Channels section. Each returns nil when the unit lacks what it draws.
enum ChannelCharts {
    /// The funnel's stages, widest first.
    static let funnelStages = ["impressions", "clicks", "leads", "qualified_leads", "opportunities", "new_customers"]

    /// Spend by channel as stacked bars over the 12 periods ending with the pack: every channel
    /// with up to eight, else the seven largest over the window and "Other" (the data table
    /// lists every channel either way).
    /// `current` is ``ChannelsSection/ordered(_:)``: the channels of the period, largest spend first.
    /// The figures and their texts are the unit's, worked out once (``UnitRenderData``).
    static func spend(_ ctx: PackContext, current: [Int]) -> ChartFigure.Chart? {
        let shared = ctx.unitData
        // Largest spend of the period first (drawn at the bottom of each stack), then the rest.
        var inPeriod = [Bool](repeating: false, count: shared.channels.count)
        for c in current { inPeriod[c] = true }
        let window = (0..<ChannelsSection.periods).reversed().map { shared.spend(at: ctx.period.advanced(by: -$0)) }
        let all = (current + shared.channelsByValue.filter { !inPeriod[$0] }).filter { c in
            window.contains { $0.values[c] != nil }
        }
        guard !all.isEmpty, let start = window.firstIndex(where: \.any) else { return nil }
        let periods = (start..<window.count).map {
            ctx.shortPeriodLabel(ctx.period.advanced(by: $0 - (ChannelsSection.periods - 1)))
        }
        let shown = window[start...]
        let title = ctx.locale.label("spend_by_channel") + ", " + ChartFigure.span(ctx, count: periods.count)
        let series = all.map { c in ChartSeries(name: shared.channelNames[c], values: shown.map { $0.values[c] }) }
        let texts = all.map { c in shown.map { $0.texts[c] } }
        // The bars show the largest channels and "Other"; the data table keeps every channel.
        let other = ctx.locale.label("other")
        var chart = StackedBarChart(
            id: "channels-spend", title: title, periods: periods, series: series,
            valueFormat: .currency(ctx.unit.config.currency), locale: ctx.locale)
        // Wrapped one by one: assigning `texts` itself converts the array through a run-time cast.
        chart.valueTexts = texts.map { $0 }
        let table = chart.dataTable()
        let drawn = ChartSeries.topIndexed(series, otherName: other)
        chart.series = drawn.map(\.series)
        // The description repeats the table's figures for the channels drawn on their own.
        chart.valueTexts = drawn.map { d in d.index.map { texts[$0] } }
        return ChartFigure.Chart(svg: chart.svgDocument(), title: title, table: table)
    }

    /// The unit's funnel for the period, over the stages the unit reports at all (a stage the
    /// unit reports but not this period stays, as n/a); nil with fewer than two stages.
    static func funnel(_ ctx: PackContext) -> ChartFigure.Chart? {
        let stages = funnelStages.filter { ctx.report.unit.reportedMeasures.contains($0) }.map { id in
            FunnelChart.Stage(name: ChannelsSection.measureLabel(ctx, id), value: ctx.report.measures[id]?.value)
        }
        guard stages.count >= 2, stages.contains(where: { $0.value != nil }) else { return nil }
        let title = ctx.locale.label("funnel") + ", " + ctx.periodLabel(ctx.period)
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
    /// `kpiColumns` holds the channel KPIs as the channel table writes them
    /// (``ChannelTable/kpiColumns(_:channels:)``); the chart's points, description and data
    /// table reuse them.
    static func scatter(_ ctx: PackContext, channels: [Int], kpiColumns: [ChannelTable.KPIColumn]) -> ChartFigure.Chart? {
        guard let cac = kpiColumns.first(where: { $0.id == "paid_cac" }), let romi = kpiColumns.first(where: { $0.id == "media_romi" }),
            ctx.pack.breakdowns[ChannelsSection.dimension] != nil
        else { return nil }
        let statuses = ctx.report.breakdownStatus[ChannelsSection.dimension]?["media_romi"]
        let points = channels.indices.map { c in
            let x = cac.values[c], y = romi.values[c]
            let status = statuses.map { $0[channels[c]] } ?? KPIStatus.none
            return ScatterChart.Point(
                label: ctx.unitData.channelNames[channels[c]], x: x, y: y, status: ChartFigure.chartStatus(status))
        }
        guard points.filter({ $0.x != nil && $0.y != nil }).count >= 2 else { return nil }
        let title =
            ctx.locale.label("and_by_channel", ["paid_cac": "\(ctx.kpiLabel("paid_cac"))", "media_romi": "\(ctx.kpiLabel("media_romi"))"])
            + ", " + ctx.periodLabel(ctx.period)
        var chart = ScatterChart(
            id: "channels-scatter", title: title, points: points, xTitle: ctx.kpiLabel("paid_cac"),
            yTitle: ctx.kpiLabel("media_romi"), xFormat: ctx.valueFormat("paid_cac"), yFormat: ctx.valueFormat("media_romi"),
            locale: ctx.locale)
        chart.valueTexts = zip(cac.texts, romi.texts).map { (x: $0, y: $1) }
        let (svg, table) = chart.rendered()
        return ChartFigure.Chart(svg: svg, title: title, table: table)
    }
}
