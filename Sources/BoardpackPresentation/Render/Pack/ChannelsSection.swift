/// Channels (SPEC §6 item 5): the per-channel table for the pack period with a unit total,
/// spend by channel over the 12 periods ending with the pack, the funnel from impressions to
/// customers, and paid CAC against media ROMI by channel.
enum ChannelsSection {
    /// The dimension the section breaks figures down by.
    static let dimension = "channel"
    /// Periods of spend history in the stacked bars.
    static let periods = 12

    /// The section's HTML and chart tables; one sentence when the unit has no channel figures.
    static func render(_ ctx: PackContext) -> SectionOutput {
        var out = SectionOutput()
        guard ctx.report.unit.dimensionValues[dimension] != nil else {
            out.html += "<p class=\"empty\">"
            out.html.appendEscaped(
                ctx.locale.label("this_unit_reports_no_figures"))
            out.html += "</p>\n"
            return out
        }
        let channels = ordered(ctx)
        let kpiColumns = ChannelTable.kpiColumns(ctx, channels: channels)
        if channels.isEmpty {
            out.html += "<p class=\"empty\">"
            out.html.appendEscaped(
                ctx.locale.label("no_channel_figures_for_this"))
            out.html += "</p>\n"
        } else {
            ChannelTable.html(into: &out.html, ctx, channels: channels, kpiColumns: kpiColumns)
        }
        let charts = [
            ChannelCharts.spend(ctx, current: channels), ChannelCharts.funnel(ctx),
            ChannelCharts.scatter(ctx, channels: channels, kpiColumns: kpiColumns),
        ].compactMap { $0 }
        for chart in charts { out.chartTables.append((chart.title, chart.table)) }
        ChartFigure.grid(into: &out.html, charts)
        return out
    }

    /// The channels present in the period (as indices into ``UnitRenderData/channels``),
    /// largest spend first (n/a last, then by name).
    static func ordered(_ ctx: PackContext) -> [Int] {
        let channels = ctx.unitData.channels
        let spend = ctx.unitData.spend(at: ctx.period).values
        return (ctx.report.present[dimension] ?? []).sorted { a, b in
            switch (spend[a], spend[b]) {
            case let (x?, y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: channels[a] < channels[b]
            }
        }
    }

    /// A measure's label in the pack's language (its id when the labels have none).
    static func measureLabel(_ ctx: PackContext, _ id: String) -> String {
        measureLabels.contains(id) ? ctx.locale.label("measure_\(id)") : id
    }

    /// The measures the section shows, which have labels.
    private static let measureLabels: Set = [
        "spend", "impressions", "clicks", "leads", "qualified_leads", "opportunities", "new_customers",
    ]
}
