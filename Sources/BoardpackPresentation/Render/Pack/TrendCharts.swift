import BoardpackContent

/// The Performance section's charts (SPEC §6 item 4): a trend line with its target line for
/// each headline KPI over the 12 periods ending with the pack, and a bullet chart of each
/// headline KPI that has a target.
enum TrendCharts {
    static let periods = PackContext.trendPeriods

    /// The trend grid and the bullets, with their data tables; empty without headline values.
    static func render(_ ctx: PackContext) -> SectionOutput {
        var out = SectionOutput()
        let ids = headline(ctx)
        // One window for every trend, from the first period any of them has a value, so the
        // charts read side by side (a KPI that needs `prev` simply starts one period later).
        let all = ids.map(ctx.trend)
        let start = ChartFigure.firstPresent(all.map { $0.map { $0.value } }) ?? periods
        var charts: [ChartFigure.Chart] = []
        for (id, series) in zip(ids, all) {
            guard let chart = line(ctx, id: id, series: series[start...]) else { continue }
            let (svg, table) = chart.rendered()
            charts.append(ChartFigure.Chart(svg: svg, title: chart.title, table: table, kpi: id))
        }
        if !charts.isEmpty {
            out.html += "<h3>"
            out.html.appendEscaped(ctx.locale.label("headline_trends"))
            out.html += "</h3>\n"
            ChartFigure.grid(into: &out.html, charts)
            out.chartTables += charts.map { ($0.title, $0.table) }
        }
        let named = ids.compactMap { id in bullet(ctx, id: id).map { (id, $0) } }
        let bullets = named.map(\.1)
        if !bullets.isEmpty {
            let title =
                ctx.locale.label("headline_kpis_against_target")
                + ", " + ctx.periodLabel(ctx.period)
            out.html += "<figure class=\"chart bullets\"><figcaption>"
            out.html.appendEscaped(title)
            out.html += "</figcaption>\n"
            // Each bullet names its KPI (`data-kpi`, the markup contract of SPEC §6).
            for (i, (b, id)) in zip(aligned(bullets), named.map(\.0)).enumerated() {
                if i > 0 { out.html += "\n" }
                out.html += "<div class=\"bullet\" data-kpi=\""
                out.html.appendEscaped(id)
                out.html += "\">"
                out.html.append(bytes: b.svgDocument())
                out.html += "</div>"
            }
            out.html += "</figure>\n"
            let tables = bullets.map { $0.dataTable() }
            out.chartTables.append((title, ChartDataTable(headers: tables[0].headers, rows: tables.flatMap(\.rows))))
        }
        return out
    }

    /// The headline KPIs that apply to the unit, each once.
    static func headline(_ ctx: PackContext) -> [String] {
        var seen: Set<String> = []
        return ctx.unit.config.headline.filter { ctx.pack[kpi: $0] != nil && seen.insert($0).inserted }
    }

    /// The KPI's trend over `window` with the target in force in each period; nil when it
    /// has no value in the whole window.
    static func line(
        _ ctx: PackContext, id: String, series window: ArraySlice<(period: Period, value: Double?, text: String)>
    ) -> LineChart? {
        guard window.contains(where: { $0.value != nil }) else { return nil }
        let targets = ctx.unit.config.targets[id].map { t in window.map { t.value(at: $0.period.lastMonth)?.point } }
        let title = "\(ctx.kpiLabel(id)), \(ChartFigure.span(ctx, count: window.count))"
        var chart = LineChart(
            id: "trend-\(id)", title: title,
            series: [ChartSeries(name: ctx.kpiLabel(id), values: window.map(\.value))],
            periods: window.map { ctx.shortPeriodLabel($0.period) }, target: targets,
            targetLabel: ctx.locale.label("target_word"),
            valueFormat: ctx.valueFormat(id), locale: ctx.locale, includeZero: false)
        chart.valueTexts = [ctx.withPackValue(id, window.map(\.text), periods: window.map(\.period))]
        return chart
    }

    /// Value against target with the amber band; nil when the KPI has no target this period.
    static func bullet(_ ctx: PackContext, id: String) -> BulletChart? {
        guard let result = ctx.pack[kpi: id], let target = result.target?.point else { return nil }
        var chart = BulletChart(
            id: "bullet-\(id)",
            title: ctx.locale.label("against_target", ["id": "\(ctx.kpiLabel(id))"])
                + ", " + ctx.periodLabel(ctx.period),
            label: ctx.kpiLabel(id), value: result.value, target: target, tolerance: ctx.unit.config.tolerance,
            higherIsBetter: ctx.kpi(id)?.better != .lower, status: ChartFigure.chartStatus(result.status),
            statusLabel: ctx.locale.label(result.statusWordKey), valueFormat: ctx.valueFormat(id), locale: ctx.locale)
        chart.valueExtraDigits = ctx.report.display.extraDigits(id, result.value)
        return chart
    }

    /// The bullets with common label and value columns, so the bars of the stacked bullets
    /// line up (each would otherwise size its columns from its own text).
    static func aligned(_ bullets: [BulletChart]) -> [BulletChart] {
        let small = ChartStyle.tickFontSize
        let labelColumn = min(150, (bullets.map { TextMetrics.width($0.label) }.max() ?? 0) + 10)
        let valueColumn =
            bullets.map { b in
                max(
                    TextMetrics.width(b.valueFormat.format(b.value, locale: b.locale, extraDigits: b.valueExtraDigits)),
                    TextMetrics.width(b.statusLabel ?? "", fontSize: small))
            }.max() ?? 0
        return bullets.map { bullet in
            var b = bullet
            (b.labelColumn, b.valueColumn) = (labelColumn, valueColumn)
            return b
        }
    }
}
