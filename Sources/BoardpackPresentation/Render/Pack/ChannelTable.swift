import BoardpackFormat
import BoardpackMetrics

/// The per-channel table of the Channels section: measures read from each channel's rows,
/// KPIs from the pack's channel breakdown, and a total row for the unit. n/a stays n/a.
enum ChannelTable {
    /// Measures shown, read from each channel's rows.
    static let measures = ["spend", "leads", "new_customers"]
    /// KPIs shown, from the pack's channel breakdown (those that apply to the unit).
    static let kpis = ["cpl", "paid_cac", "cac", "media_romi"]

    /// A KPI of `kpis` that applies to the unit, per channel: its values and their texts as
    /// the pack writes them (not escaped). The table, its legend and the scatter chart of the
    /// section read the same figures, looked up and formatted once.
    typealias KPIColumn = (id: String, values: [Double?], texts: [String])

    /// The columns of the KPIs of `kpis` that apply to the unit, for `channels` (indices into
    /// ``UnitRenderData/channels``) in order.
    static func kpiColumns(_ ctx: PackContext, channels: [Int]) -> [KPIColumn] {
        let breakdown = ctx.pack.breakdowns[ChannelsSection.dimension] ?? [:]
        let rows = channels.map { breakdown[ctx.unitData.channels[$0]] ?? [:] }
        return kpis.filter { ctx.pack[kpi: $0] != nil }.map { id in
            let format = ctx.valueFormat(id)
            let values = rows.map { $0[id] ?? nil }
            return (id, values, values.map { format.format($0, locale: ctx.locale) })
        }
    }

    /// The table for `channels` (in display order) and the unit total, with a legend when
    /// CAC has no value per channel. `kpiColumns` is ``kpiColumns(_:channels:)``.
    static func html(
        into html: inout HTMLBuffer, _ ctx: PackContext, channels: [Int], kpiColumns: [KPIColumn]
    ) {
        let kpiIDs = kpiColumns.map(\.id)
        let headers =
            [ctx.locale.label("channel")]
            + measures.map { ChannelsSection.measureLabel(ctx, $0) } + kpiIDs.map(ctx.kpiLabel)
        let shared = ctx.unitData
        // Each measure's column of the pack's breakdown rows, looked up once.
        let rows = ctx.report.breakdownRows[ChannelsSection.dimension] ?? [:]
        let reads = measures.map { (id: $0, values: rows[$0]) }
        // Every column but the channel's is numeric. The rows are written in place, as
        // ``PackHTML/table(into:caption:headers:rows:numeric:classes:)`` writes them.
        html.reserve(channels.count * (120 + 24 * (measures.count + kpiColumns.count)) + 1024)
        PackHTML.tableHead(
            into: &html, caption: .text(ctx.locale.label("channels_caption") + ctx.periodLabel(ctx.period)),
            headers: headers.map(PackHTML.Cell.text), isNumeric: headers.indices.map { $0 > 0 }, classes: "data channels")
        for (c, channel) in channels.enumerated() {
            html.append(literal: "<tr><th scope=\"row\">")
            html.appendEscaped(shared.channelNames[channel])
            html.append(literal: "</th>")
            for measure in reads {
                html.append(literal: "<td class=\"num\">")
                measureCell(into: &html, ctx, measure.id, measure.values?[channel] ?? .na)
                html.append(literal: "</td>")
            }
            for column in kpiColumns {
                html.append(literal: "<td class=\"num\">")
                html.appendEscaped(column.texts[c])
                html.append(literal: "</td>")
            }
            html.append(literal: "</tr>\n")
        }
        html.append(literal: "<tr><th scope=\"row\"><strong>")
        html.appendEscaped(ctx.locale.label("total"))
        html.append(literal: "</strong></th>")
        for id in measures {
            html.append(literal: "<td class=\"num\">")
            measureCell(into: &html, ctx, id, ctx.report.measures[id] ?? .na)
            html.append(literal: "</td>")
        }
        for id in kpiIDs {
            let r = ctx.pack[kpi: id]
            html.append(literal: "<td class=\"num\">")
            html.appendEscaped(ctx.format(id, r?.value))
            if r?.partial == true { html += PackHTML.partialMark(ctx) }
            html.append(literal: "</td>")
        }
        html.append(literal: "</tr>\n")
        PackHTML.tableEnd(into: &html)
        if let cac = kpiColumns.first(where: { $0.id == "cac" }), cac.values.allSatisfy({ $0 == nil }),
            ctx.pack[kpi: "cac"]?.value != nil
        {
            let cac = ctx.kpiLabel("cac"), paid = ctx.kpiLabel("paid_cac")
            let text = ctx.locale.label("includes_non_media_marketing_cost", ["cac": "\(cac)", "paid": "\(paid)"])
            html += "<p class=\"legend\">"
            html.appendEscaped(text)
            html += "</p>\n"
        }
    }

    /// A measure's aggregate, formatted as money (spend) or a count, escaped, with the partial mark.
    static func measureCell(into html: inout HTMLBuffer, _ ctx: PackContext, _ id: String, _ value: MeasureValue) {
        // Spend in whole currency units: one precision down the column ($818, not $818.66 under $2,818).
        let text =
            id == "spend"
            ? ctx.formatter.currency(value.value, code: ctx.unit.config.currency, fractionDigits: 0)
            : ValueFormat.count.format(value.value, locale: ctx.locale)
        html.appendEscaped(text)
        if value.partial { html += PackHTML.partialMark(ctx) }
    }
}
