import BoardpackContent
import BoardpackFormat
import BoardpackMetrics

/// The portal (`index.html`) and each unit's archive (`<unit>/index.html`).
package struct ArchivePage {
    var workspace: Workspace
    var templates: TemplateSet

    package init(workspace: Workspace, templates: TemplateSet) {
        self.workspace = workspace
        self.templates = templates
    }

    var siteLocale: PackLocale { PackLocale(parsing: workspace.site.locale) ?? .default }

    /// Headline tiles of the unit's latest monthly pack.
    /// The context of the unit's latest monthly pack, which its tiles and its red and amber
    /// list are written from (nil when the unit has no pack).
    func latestContext(_ unit: UnitReport, _ unitData: UnitRenderData) -> PackContext? {
        PackReport(latestOf: unit).map { PackContext(workspace: workspace, report: $0, audience: .board, unitData: unitData) }
    }

    /// Headline tiles of the unit's latest monthly pack.
    func latestTiles(_ ctx: PackContext?, idPrefix: String) -> String {
        guard let ctx else { return "" }
        let html: HTMLBuffer =
            "<p class=\"tiles-caption\">\(ctx.periodLabel(ctx.report.period))</p>\n\(SummarySection.tiles(ctx, idPrefix: idPrefix).html)"
        return html.string
    }

    /// The red and amber KPIs of the unit's latest monthly pack, headline and sector, worst
    /// first: what the CMO's overview of every client shows (SPEC §6.1).
    func attention(_ ctx: PackContext?) -> String {
        guard let ctx else { return "" }
        let kpis = ctx.report.metrics.kpis
        let flagged = kpis.filter { $0.status == .red } + kpis.filter { $0.status == .amber }
        guard !flagged.isEmpty else {
            let html: HTMLBuffer = "<p class=\"attention-none\">\(ctx.locale.label("portfolio_all_on_target"))</p>\n"
            return html.string
        }
        var html: HTMLBuffer = "<h3 class=\"attention-title\">\(ctx.locale.label("portfolio_attention"))</h3>\n<ul class=\"attention\">\n"
        for result in flagged {
            html += "<li data-kpi=\"\(result.id)\" class=\"\(PackHTML.statusClass(result.status))\">\(ctx.kpiLabel(result.id)): "
            html += "\(ctx.format(result.id, result.value)) \(PackHTML.statusBadge(ctx, result))</li>\n"
        }
        html += "</ul>\n"
        return html.string
    }

    package func renderUnit(_ model: UnitReport, _ unitData: UnitRenderData) -> String {
        let locale = model.locale
        let lang = locale.language
        let shell = PageShell(
            language: lang, stylesheet: templates.stylesheet, stylesheetDigest: templates.stylesheetDigest, root: "../")
        var context = shell.context
        context["site_title"] = workspace.site.title
        context["unit_name"] = model.unit.config.name
        context["sector"] = Labels.text("sector_\(model.unit.config.sector.rawValue)", lang)
        context["confidentiality"] = model.unit.config.confidentiality ?? ""
        context["archive_label"] = Labels.text("archive", lang)
        context["monthly_label"] = Labels.text("monthly_packs", lang)
        context["quarterly_label"] = Labels.text("quarterly_packs", lang)
        let newestFirst = model.periods.reversed()
        let months = newestFirst.filter { $0.kind == "month" }.map { link($0, prefix: "", locale: locale) }
        let quarters = newestFirst.filter { $0.kind == "quarter" }.map { link($0, prefix: "", locale: locale) }
        context["months"] = months
        context["quarters"] = quarters
        context["has_quarters"] = !quarters.isEmpty
        context["tiles"] = latestTiles(latestContext(model, unitData), idPrefix: "")
        return templates.render("unit", context)
    }

    package func renderPortal(_ models: [UnitReport], _ unitData: [UnitRenderData]) -> String {
        let lang = siteLocale.language
        let shell = PageShell(
            language: lang, stylesheet: templates.stylesheet, stylesheetDigest: templates.stylesheetDigest, root: "")
        var context = shell.context
        context["site_title"] = workspace.site.title
        context["generated_on"] =
            workspace.site.generatedOn.flatMap(ISODate.init(parsing:)).map {
                PackFormatter(locale: siteLocale).date(year: $0.month.year, month: $0.month.month, day: $0.day)
            } ?? ""
        context["generated_on_label"] = Labels.text("generated_on", lang)
        context["units"] = zip(models, unitData).map { model, unitData -> [String: Any] in
            let latest = latestContext(model, unitData)
            var entry: [String: Any] = [
                "id": model.unit.id, "name": model.unit.config.name, "unit_lang": model.locale.language,
                // Each unit's entry in its own language, as its tiles are (SPEC §6 v2).
                "sector": Labels.text("sector_\(model.unit.config.sector.rawValue)", model.locale.language),
                "latest_label": Labels.text("latest_pack", model.locale.language),
                "tiles": latestTiles(latest, idPrefix: "\(model.unit.id)-"),
                "attention": attention(latest),
            ]
            if let month = model.periods.last(where: { $0.kind == "month" }) {
                entry["latest_month"] = link(month, prefix: "\(model.unit.id)/", locale: model.locale)
            }
            if let quarter = model.periods.last(where: { $0.kind == "quarter" }) {
                entry["latest_quarter"] = link(quarter, prefix: "\(model.unit.id)/", locale: model.locale)
            }
            return entry
        }
        return templates.render("index", context)
    }

    func link(_ period: Period, prefix: String, locale: PackLocale) -> [String: Any] {
        ["href": "\(prefix)\(period)/index.html", "label": PackFormatter(locale: locale).period(period)]
    }
}
