import BoardpackContent
import BoardpackMetrics

/// The executive summary's headline tiles: value, change, versus a year ago, target and
/// status (word, shape and colour), and a 12-period sparkline.
enum SummarySection {
    static let sparklinePeriods = PackContext.trendPeriods

    /// `idPrefix` keeps SVG ids unique when several units' tiles share a page.
    static func tiles(_ ctx: PackContext, idPrefix: String = "") -> SectionOutput {
        var html = HTMLBuffer(capacity: 16_384)
        html += "<div class=\"tiles\">\n"
        for id in ctx.unit.config.headline {
            guard let result = ctx.pack[kpi: id] else { continue }
            tile(into: &html, ctx, id: id, result: result, idPrefix: idPrefix)
        }
        html += "</div>\n"
        return SectionOutput(html: html)
    }

    static func tile(into html: inout HTMLBuffer, _ ctx: PackContext, id: String, result: KPIResult, idPrefix: String) {
        let label = ctx.kpiLabel(id)
        let series = ctx.trend(id)
        var spark = Sparkline(
            id: "\(idPrefix)spark-\(id)",
            title: ctx.locale.label("last_periods", ["label": "\(label)", "sparkline_periods": "\(sparklinePeriods)"]),
            periods: series.map { ctx.shortPeriodLabel($0.period) }, values: series.map(\.value), target: result.target?.point,
            valueFormat: ctx.valueFormat(id), locale: ctx.locale)
        spark.valueTexts = ctx.withPackValue(id, series.map(\.text), periods: series.map(\.period))
        html += "<article class=\"tile "
        html.appendEscaped(PackHTML.statusClass(result.status))
        html += "\" data-kpi=\""
        html.appendEscaped(id)
        html += "\">\n<h3 class=\"tile-label\">"
        html.appendEscaped(label)
        html += "</h3>\n<p class=\"tile-value\">"
        html.appendEscaped(ctx.format(id, result.value))
        if result.partial { html += PackHTML.partialMark(ctx) }
        html += "</p>\n<p class=\"tile-status\">"
        html += PackHTML.statusBadge(ctx, result)
        html += "</p>\n<dl class=\"tile-facts\">\n<div><dt>"
        html.appendEscaped(ctx.locale.label("vs_previous"))
        html += "</dt><dd>"
        html.appendEscaped(ctx.formatChange(id, result: result))
        html += "</dd></div>\n<div><dt>"
        html.appendEscaped(ctx.locale.label("vs_year_ago"))
        html += "</dt><dd>"
        html.appendEscaped(ctx.formatYoY(id, result: result))
        html += "</dd></div>\n"
        if let target = result.target {
            html += "<div><dt>"
            html.appendEscaped(ctx.locale.label("target_word"))
            html += "</dt><dd>"
            html.appendEscaped(ctx.formatTarget(id, target))
            html += "</dd></div>\n"
        }
        html += "</dl>\n<div class=\"tile-spark\">"
        html.append(bytes: spark.svgDocument())
        html += "</div>\n</article>\n"
    }
}
