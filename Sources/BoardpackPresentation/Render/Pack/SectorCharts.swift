/// The sector playbook's charts (SPEC §6 item 6): retail a store × QSP&V heatmap, tech the
/// trial funnel over time, luxury full-price sell-through and the waiting list, banking
/// digital adoption and consent. Empty when the unit lacks the measures.
enum SectorCharts {
    /// The sector's charts and their data tables; empty HTML when the unit lacks the measures.
    static func render(_ ctx: PackContext) -> SectionOutput {
        let charts: [ChartFigure.Chart?] =
            switch ctx.unit.config.sector.rawValue {
            case "retail": [qspvHeatmap(ctx)]
            case "tech": [trials(ctx), trialRates(ctx)]
            case "luxury": [fullPriceShare(ctx), waitlist(ctx)]
            case "banking": [digitalAndConsent(ctx)]
            default: []
            }
        var out = SectionOutput()
        let drawn = charts.compactMap { $0 }
        for chart in drawn { out.chartTables.append((chart.title, chart.table)) }
        // The heatmap needs the full width; line charts sit two per row.
        if ctx.unit.config.sector == .retail {
            for chart in drawn { ChartFigure.figure(into: &out.html, chart) }
        } else {
            ChartFigure.grid(into: &out.html, drawn)
        }
        return out
    }

    /// Whether the unit reports every one of `measures`.
    static func has(_ ctx: PackContext, _ measures: [String]) -> Bool {
        measures.allSatisfy(ctx.report.unit.reportedMeasures.contains)
    }

    /// Store × (quality, service, cleanliness, value, QSP&V average) for the pack period.
    static func qspvHeatmap(_ ctx: PackContext) -> ChartFigure.Chart? {
        let scores = ["quality_score", "service_score", "cleanliness_score", "value_score"]
        let names = ctx.report.unit.dimensionValues["store"] ?? []
        let stores = (ctx.report.present["store"] ?? []).map { (name: names[$0], index: $0) }.sorted { $0.name < $1.name }
        guard has(ctx, scores), !stores.isEmpty else { return nil }
        let rows = ctx.report.breakdownRows["store"] ?? [:]
        let indexes = ctx.pack.breakdowns["store"] ?? [:]
        let values = stores.map { store -> [Double?] in
            let row = scores.map { rows[$0]?[store.index].value }
            // The average as the playbook's index defines it when it exists; else the plain
            // mean, n/a when any score is (n/a arithmetic, SPEC §3.4 rule 2).
            let average: Double? =
                ctx.kpi("qspv_index") != nil
                ? indexes[store.name]?["qspv_index"] ?? nil
                : row.contains { $0 == nil } ? nil : row.compactMap { $0 }.reduce(0, +) / Double(row.count)
            return row + [average]
        }
        let columns = [
            ctx.locale.label("sector_quality"), ctx.locale.label("sector_service"), ctx.locale.label("sector_cleanliness"),
            ctx.locale.label("value"), ctx.locale.label("sector_qspv_average"),
        ]
        let title =
            ctx.locale.label("sector_qspv_audit_scores_by_store") + ", " + ctx.periodLabel(ctx.period)
        let chart = Heatmap(
            id: "sector-qspv", title: title, rows: stores.map { ctx.displayName($0.name) }, columns: columns, values: values,
            valueFormat: .number(fractionDigits: 1), locale: ctx.locale)
        let (svg, table) = chart.rendered()
        return ChartFigure.Chart(svg: svg, title: title, table: table)
    }

    /// Trials, activations and paid conversions over the window.
    static func trials(_ ctx: PackContext) -> ChartFigure.Chart? {
        let ids = ["trials", "activations", "paid_conversions"]
        guard has(ctx, ids) else { return nil }
        let names = [
            ctx.locale.label("sector_trials"), ctx.locale.label("sector_activations"), ctx.locale.label("sector_paid_conversions"),
        ]
        let series = ids.map { trend(ctx, $0) }
        return line(
            ctx, id: "sector-trials",
            title: ctx.locale.label("sector_trials_activations_and_paid_conversions"),
            names: names, series: series, format: .count)
    }

    /// Activation rate and trial-to-paid: the playbook's KPIs when the dictionary has them,
    /// otherwise computed from the measures (activations / trials, paid conversions / trials).
    static func trialRates(_ ctx: PackContext) -> ChartFigure.Chart? {
        guard has(ctx, ["trials", "activations", "paid_conversions"]) else { return nil }
        let activation = kpiOrRatio(ctx, kpi: "activation_rate", "activations", over: "trials")
        let toPaid = kpiOrRatio(ctx, kpi: "trial_to_paid", "paid_conversions", over: "trials")
        return line(
            ctx, id: "sector-trial-rates",
            title: ctx.locale.label("sector_activation_rate_and_trial_to"),
            names: [activation.name, toPaid.name], series: [activation.series, toPaid.series], format: .ratio)
    }

    /// Full-price units as a share of units sold.
    static func fullPriceShare(_ ctx: PackContext) -> ChartFigure.Chart? {
        guard has(ctx, ["full_price_units", "units_sold"]) else { return nil }
        let share = ratio(ctx, "full_price_units", over: "units_sold")
        let name = ctx.locale.label("sector_full_price_sell_through")
        return line(ctx, id: "sector-full-price", title: name, names: [name], series: [share], format: .ratio)
    }

    /// Clients on the waiting list at the end of each period.
    static func waitlist(_ ctx: PackContext) -> ChartFigure.Chart? {
        guard has(ctx, ["waitlist"]) else { return nil }
        let name = ctx.locale.label("sector_waiting_list")
        return line(
            ctx, id: "sector-waitlist", title: name, names: [name],
            series: [trend(ctx, "waitlist")], format: .count)
    }

    /// Digitally active and consenting customers as shares of customers.
    static func digitalAndConsent(_ ctx: PackContext) -> ChartFigure.Chart? {
        guard has(ctx, ["customers", "digital_active", "consent_opt_ins"]) else { return nil }
        // Short series names: a line's end label carries name and value in a narrow gutter.
        let names = [ctx.locale.label("sector_digital"), ctx.locale.label("sector_consent")]
        return line(
            ctx, id: "sector-digital-consent",
            title: ctx.locale.label("sector_digital_adoption_and_consent_rate"),
            names: names, series: [ratio(ctx, "digital_active", over: "customers"), ratio(ctx, "consent_opt_ins", over: "customers")],
            format: .ratio)
    }
}
