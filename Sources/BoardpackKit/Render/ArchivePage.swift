/// The portal (`index.html`) and each unit's archive (`<unit>/index.html`).
struct ArchivePage {
    var workspace: Workspace
    var templates: TemplateSet

    var siteLanguage: String { workspace.site.locale.hasPrefix("it") ? "it" : "en" }

    func renderUnit(_ unit: UnitContent, periods: [Period]) -> String {
        let lang = (unit.config.locale ?? workspace.site.locale).hasPrefix("it") ? "it" : "en"
        var context = PageShell(language: lang, stylesheet: templates.stylesheet, root: "../").context
        context["site_title"] = workspace.site.title
        context["unit_name"] = unit.config.name
        context["sector"] = Labels.text("sector_\(unit.config.sector.rawValue)", lang)
        context["confidentiality"] = unit.config.confidentiality ?? ""
        context["archive_label"] = Labels.text("archive", lang)
        context["monthly_label"] = Labels.text("monthly_packs", lang)
        context["quarterly_label"] = Labels.text("quarterly_packs", lang)
        let newestFirst = periods.reversed()
        let months = newestFirst.filter { $0.kind == "month" }.map { link($0, prefix: "") }
        let quarters = newestFirst.filter { $0.kind == "quarter" }.map { link($0, prefix: "") }
        context["months"] = months
        context["quarters"] = quarters
        context["has_quarters"] = !quarters.isEmpty
        context["tiles"] = ""
        return templates.render("unit", context)
    }

    func renderPortal(_ units: [(UnitContent, [Period])]) -> String {
        let lang = siteLanguage
        var context = PageShell(language: lang, stylesheet: templates.stylesheet, root: "").context
        context["site_title"] = workspace.site.title
        context["generated_on"] = workspace.site.generatedOn ?? ""
        context["generated_on_label"] = Labels.text("generated_on", lang)
        context["units"] = units.map { unit, periods -> [String: Any] in
            var entry: [String: Any] = [
                "id": unit.id, "name": unit.config.name,
                "sector": Labels.text("sector_\(unit.config.sector.rawValue)", lang),
                "latest_label": Labels.text("latest_pack", lang), "tiles": "",
            ]
            if let month = periods.last(where: { $0.kind == "month" }) { entry["latest_month"] = link(month, prefix: "\(unit.id)/") }
            if let quarter = periods.last(where: { $0.kind == "quarter" }) { entry["latest_quarter"] = link(quarter, prefix: "\(unit.id)/") }
            return entry
        }
        return templates.render("index", context)
    }

    func link(_ period: Period, prefix: String) -> [String: Any] {
        ["href": "\(prefix)\(period)/index.html", "label": period.description]
    }
}
