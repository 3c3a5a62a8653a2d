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
                ctx.locale.text(en: "This unit reports no figures by channel.", it: "Questa unità non riporta dati per canale."))
            out.html += "</p>\n"
            return out
        }
        let channels = ordered(ctx)
        let kpiColumns = ChannelTable.kpiColumns(ctx, channels: channels)
        if channels.isEmpty {
            out.html += "<p class=\"empty\">"
            out.html.appendEscaped(
                ctx.locale.text(en: "No channel figures for this period.", it: "Nessun dato per canale in questo periodo."))
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

    /// A measure's label in the pack's language.
    static func measureLabel(_ ctx: PackContext, _ id: String) -> String {
        guard let label = measureLabels[id] else { return id }
        return ctx.locale.text(en: label.en, it: label.it)
    }

    /// The labels of the measures the section shows, made once rather than at every lookup.
    private static let measureLabels: [String: (en: String, it: String)] = [
        "spend": ("Spend", "Spesa"), "impressions": ("Impressions", "Impressioni"), "clicks": ("Clicks", "Clic"),
        "leads": ("Leads", "Lead"), "qualified_leads": ("Qualified leads", "Lead qualificati"),
        "opportunities": ("Opportunities", "Opportunità"), "new_customers": ("New customers", "Nuovi clienti"),
    ]
}
