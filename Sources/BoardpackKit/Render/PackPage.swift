/// Renders one pack page (SPEC §6) from values prepared by the earlier phases.
struct PackPage {
    var workspace: Workspace
    var templates: TemplateSet
    var options: BuildOptions

    struct Rendered {
        var html: String
        var diagnostics: [Diagnostic]
    }

    /// A section of the page: anchor id, title and trusted inner HTML.
    struct Section {
        var id: String
        var title: String
        var html: String
    }

    func language(of unit: UnitContent) -> String {
        (unit.config.locale ?? workspace.site.locale).hasPrefix("it") ? "it" : "en"
    }

    func render(unit: UnitContent, period: Period) -> Rendered {
        let lang = language(of: unit)
        func label(_ key: String) -> String { Labels.text(key, lang) }
        var diagnostics: [Diagnostic] = []
        // Audience and drafts are applied before anything is rendered: an excluded note
        // never reaches a later phase.
        let visible = unit.notes
            .filter { $0.period == period && $0.isVisible(to: options.audience, includeDrafts: options.includeDrafts) }
            .sorted { ($0.section.rawValue, $0.order, $0.fileName) < ($1.section.rawValue, $1.order, $1.fileName) }
        var rendered: [NoteHTML] = []
        for (index, note) in visible.enumerated() {
            let (html, found) = NoteHTML.render(note, index: index, kpi: { _ in "n/a" }, chart: { _, _ in "" })
            rendered.append(html)
            diagnostics += found
        }
        func notes(_ section: Note.Section) -> String {
            let items = rendered.filter { $0.note.section == section }
            return items.map(noteHTML).joined(separator: "\n")
        }
        let tasks = rendered.flatMap { r in r.tasks.map { (r.note, $0) } }
        var sections: [Section] = []
        sections.append(Section(id: "summary", title: label("summary"), html: notes(.summary)))
        sections.append(Section(id: "decisions", title: label("decisions"), html: notes(.decisions) + taskTable(tasks, lang: lang)))
        sections.append(
            Section(id: "strategy", title: label("strategy"), html: notes(.strategy) + notes(.risks)))
        sections.append(Section(id: "appendix", title: label("appendix"), html: notes(.appendix) + dataFilesTable(unit, lang: lang)))

        let includesDrafts = visible.contains { $0.draft }
        var context = PageShell(language: lang, stylesheet: templates.stylesheet, root: "../../").context
        context["site_title"] = workspace.site.title
        context["unit_name"] = unit.config.name
        context["pack_title"] = label("pack_title")
        context["period_label"] = period.description
        context["prepared_by"] = unit.config.preparedBy ?? ""
        context["prepared_by_label"] = label("prepared_by")
        context["audience_label"] = label("audience")
        context["audience"] = label("audience_\(options.audience.rawValue)")
        context["confidentiality"] = unit.config.confidentiality ?? ""
        context["generated_on"] = workspace.site.generatedOn ?? ""
        context["generated_on_label"] = label("generated_on")
        context["draft"] = includesDrafts
        context["draft_label"] = label("draft")
        context["draft_notice"] = label("draft_notice")
        context["contents_label"] = label("contents")
        context["sections"] = sections.map { ["id": $0.id, "title": $0.title, "html": $0.html] as [String: Any] }
        return Rendered(html: templates.render("pack", context), diagnostics: diagnostics)
    }

    func noteHTML(_ item: NoteHTML) -> String {
        var meta = ""
        if let author = item.note.author { meta = "<p class=\"note-meta\">\(escapeHTML(author))</p>\n" }
        return "<article class=\"note\">\n<h3>\(escapeHTML(item.note.title))</h3>\n\(meta)\(item.html)</article>"
    }

    func taskTable(_ tasks: [(Note, TaskItem)], lang: String) -> String {
        guard !tasks.isEmpty else { return "<p class=\"empty\">\(Labels.text("no_tasks", lang))</p>" }
        var html = "<div class=\"table-wrap\"><table class=\"data tasks\">\n<thead><tr><th>\(Labels.text("task", lang))</th>"
        html += "<th>\(Labels.text("task_status", lang))</th><th>\(Labels.text("task_source", lang))</th></tr></thead>\n<tbody>\n"
        for (note, task) in tasks {
            let status = Labels.text(task.done ? "task_done" : "task_open", lang)
            html += "<tr><td\(task.done ? " class=\"task-done\"" : "")>\(escapeHTML(task.text))</td><td>\(status)</td><td>\(escapeHTML(note.title))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>"
    }

    func dataFilesTable(_ unit: UnitContent, lang: String) -> String {
        var html = "<h3>\(Labels.text("data_files", lang))</h3>\n<div class=\"table-wrap\"><table class=\"data files\">\n"
        html += "<thead><tr><th>\(Labels.text("file", lang))</th><th class=\"num\">\(Labels.text("rows", lang))</th>"
        html += "<th>\(Labels.text("sha256", lang))</th></tr></thead>\n<tbody>\n"
        for file in unit.dataFiles {
            let name = file.path.split(separator: "/").suffix(2).joined(separator: "/")
            html += "<tr><td>\(escapeHTML(name))</td><td class=\"num\">\(file.rowCount)</td><td class=\"mono\">\(file.sha256)</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>"
    }
}
