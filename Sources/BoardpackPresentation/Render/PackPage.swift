import BoardpackContent
import BoardpackMarkdown
import BoardpackMetrics
import BoardpackSupport
import Mustache

/// Renders one pack page (SPEC §6) and its `metrics.json` from the computed figures.
package struct PackPage {
    var workspace: Workspace
    var templates: TemplateSet
    /// Who the build is for, as the cover and `metrics.json` say (the compute phase left out
    /// the notes of other audiences).
    var audience: Note.Audience

    package init(workspace: Workspace, templates: TemplateSet, audience: Note.Audience) {
        self.workspace = workspace
        self.templates = templates
        self.audience = audience
    }

    package struct Rendered: Sendable {
        /// The page as UTF-8, as it is written.
        package var page: [UInt8]
        /// `metrics.json` as UTF-8, as it is written.
        package var json: [UInt8]
        /// Time spent rendering the notes' Markdown, for `build --timings`.
        package var markdownNanoseconds: UInt64 = 0

        /// The page as text, for tests and checks.
        var html: String { String(decoding: page, as: UTF8.self) }
    }

    /// A section of the page: anchor id, title and trusted inner HTML.
    ///
    /// The default theme takes the sections pre-rendered (`toc`, `main`); a theme may still
    /// iterate `sections`, whose `html` is made a string only when a template asks for it.
    struct Section: MustacheParent {
        var id: String
        var title: String
        var html: HTMLBuffer

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "title": title
            case "html": html.string
            default: nil
            }
        }
    }

    /// The page of the pack `report` (computed before, with the notes the build shows);
    /// `unitData` is what the unit's packs share (``UnitRenderData``), written once for all of
    /// them.
    package func render(_ report: PackReport, unitData: UnitRenderData) -> Rendered {
        let ctx = PackContext(workspace: workspace, report: report, audience: audience, unitData: unitData)
        let period = report.period
        var chartTables: [(title: String, table: ChartDataTable)] = []
        var notes: [NoteHTML] = []
        for note in report.notes {
            let embeds = NoteEmbeds(ctx: ctx, note: note)
            let html = NoteHTML.render(
                note.note, note.document, kpi: embeds.kpiText, chart: embeds.chartHTML,
                taskWords: (ctx.label("task_open"), ctx.label("task_done")))
            notes.append(html)
            chartTables += embeds.tables
        }
        func notesHTML(_ section: Note.Section) -> HTMLBuffer {
            notes.filter { $0.note.section == section }.map(noteHTML).joined(separator: "\n")
        }

        let run = report.playbook
        let vote = report.vote
        let summary = SummarySection.tiles(ctx)
        let performance = PerformanceSection.render(
            ctx, levels: audience == .board ? [.strategic, .performance] : KPIDefinition.Level.allCases)
        let trends = TrendCharts.render(ctx)
        let channels = ChannelsSection.render(ctx)
        let playbook = PlaybookSection.render(ctx, run: run)
        let sectorCharts = SectorCharts.render(ctx)
        let governance = GovernanceSection.render(ctx, vote: vote)
        for part in [summary, performance, trends, channels, playbook, sectorCharts, governance] { chartTables += part.chartTables }
        var sections: [Section] = []
        sections.append(
            Section(id: "front", title: ctx.label("front_sheet"), html: FrontSheet.render(ctx, notes: report.notes.map(\.note))))
        var summaryHTML = summary.html
        summaryHTML += QuarterMonths.render(ctx)
        summaryHTML += ChangeSection.commentary(ctx)
        summaryHTML += notesHTML(.summary)
        summaryHTML += ChangeSection.whatChanged(ctx)
        sections.append(Section(id: "summary", title: ctx.label("summary"), html: summaryHTML))
        sections.append(
            Section(
                id: "decisions", title: ctx.label("decisions"), html: "\(notesHTML(.decisions))\(Self.actionLog(report.actions, ctx: ctx))")
        )
        var performanceHTML = performance.html
        performanceHTML += trends.html
        sections.append(Section(id: "performance", title: ctx.label("performance"), html: performanceHTML))
        // A board reads the strategic and performance levels; the operational KPIs and the
        // per-channel detail go to the appendix of a board build (SPEC §6 v2, board length).
        var detail = HTMLBuffer()
        if audience == .board {
            detail += "<h3 id=\"channels\">\(ctx.label("channel_detail"))</h3>\n"
            detail += channels.html
            detail += PerformanceSection.render(ctx, levels: [.operational]).html
        } else {
            sections.append(Section(id: "channels", title: ctx.label("channels"), html: channels.html))
        }
        var playbookHTML = playbook.html
        playbookHTML += sectorCharts.html
        sections.append(Section(id: "playbook", title: ctx.label("playbook"), html: playbookHTML))
        sections.append(
            Section(
                id: "strategy", title: ctx.label("strategy"),
                html: strategyHTML(notesHTML(.strategy), notesHTML(.risks), ctx: ctx)))
        sections.append(Section(id: "governance", title: ctx.label("governance"), html: governance.html))
        let findings = report.unit.findings.filter { f in f.month.map { $0 <= period.lastMonth } ?? true }
        let appendix = AppendixSection.render(
            ctx, chartTables: chartTables,
            notesHTML: {
                var h = notesHTML(.appendix); h += detail; return h
            }(), findings: findings)
        sections.append(Section(id: "appendix", title: ctx.label("appendix"), html: appendix.html))

        let includesDrafts = report.notes.contains { $0.note.draft }
        let marking = [ctx.unit.config.confidentiality ?? "", includesDrafts ? ctx.label("draft") : ""].filter { !$0.isEmpty }
        let shell = PageShell(
            language: ctx.lang, stylesheet: templates.stylesheet, stylesheetDigest: templates.stylesheetDigest, root: "../../",
            printMarking: marking.joined(separator: " · "))
        let common = shell.values
        let context = ShellContext(
            lang: common.lang, style: common.style, csp: common.csp, root: common.root, siteTitle: workspace.site.title,
            unitName: ctx.unit.config.name, packTitle: ctx.label("pack_title"), periodLabel: ctx.periodLabel(period),
            preparedBy: ctx.unit.config.preparedBy ?? "",
            preparedByLabel: ctx.label("prepared_by"), audienceLabel: ctx.label("audience"),
            audience: ctx.label("audience_\(audience.rawValue)"),
            confidentiality: ctx.unit.config.confidentiality ?? "",
            // The date the data runs to, not the day of the build: a new `generated_on`
            // rewrites no pack (SPEC §2.1).
            generatedOn: ctx.formatter.date(year: period.lastMonth.year, month: period.lastMonth.month, day: period.lastMonth.dayCount),
            generatedOnLabel: ctx.label("data_to"), draft: includesDrafts, draftLabel: ctx.label("draft"),
            draftNotice: ctx.label("draft_notice"), contentsLabel: ctx.label("contents"), toc: Self.tableOfContents(sections),
            sections: sections)
        var members: [String: any JSONWritable] = [
            "playbook": PackJSON.playbook(run, locale: ctx.locale, quarterly: ctx.period.monthCount > 1),
            "governance": PackJSON.governance(vote),
            "actions": PackJSON.Actions(actions: report.actions),
        ]
        if let budget = report.budget { members["budget"] = PackJSON.Budget(statement: budget) }
        let json = report.metrics.json(audience: audience.rawValue, extra: members).bytes()
        return Rendered(
            page: templates.renderPack(context), json: json,
            markdownNanoseconds: notes.reduce(0) { $0 + $1.markdownNanoseconds })
    }

    /// What the pack template receives: the keys every page has (``PageShell/context``) and the
    /// pack's own, each found by a `switch` rather than in a `[String: Any]` built for every pack.
    struct ShellContext: MustacheParent {
        /// The keys every page has: `lang`, `style`, `csp`, `root`.
        var lang, style, csp, root: String
        var siteTitle, unitName, packTitle, periodLabel, preparedBy, preparedByLabel, audienceLabel, audience: String
        var confidentiality, generatedOn, generatedOnLabel: String
        var draft: Bool
        var draftLabel, draftNotice, contentsLabel: String
        /// The contents list, pre-rendered (``PackPage/tableOfContents(_:)``).
        var toc: String
        var sections: [Section]

        /// The keys whose value is a string, by their name in the template.
        enum Key: String, CaseIterable, Sendable {
            case lang, style, csp, root
            case siteTitle = "site_title", unitName = "unit_name", packTitle = "pack_title", periodLabel = "period_label"
            case preparedBy = "prepared_by", preparedByLabel = "prepared_by_label", audienceLabel = "audience_label", audience
            case confidentiality, generatedOn = "generated_on", generatedOnLabel = "generated_on_label"
            case draftLabel = "draft_label", draftNotice = "draft_notice", contentsLabel = "contents_label", toc, main
        }

        /// The value of a string key.
        subscript(key: Key) -> String {
            switch key {
            case .lang: lang
            case .style: style
            case .csp: csp
            case .root: root
            case .siteTitle: siteTitle
            case .unitName: unitName
            case .packTitle: packTitle
            case .periodLabel: periodLabel
            case .preparedBy: preparedBy
            case .preparedByLabel: preparedByLabel
            case .audienceLabel: audienceLabel
            case .audience: audience
            case .confidentiality: confidentiality
            case .generatedOn: generatedOn
            case .generatedOnLabel: generatedOnLabel
            case .draftLabel: draftLabel
            case .draftNotice: draftNotice
            case .contentsLabel: contentsLabel
            case .toc: toc
            case .main: PackPage.mainMarker
            }
        }

        func child(named name: String) -> Any? {
            if let key = Key(rawValue: name) { return self[key] }
            switch name {
            case "draft": return draft
            case "sections": return sections
            default: return nil
            }
        }

    }

    /// The contents list: one `<li>` link per section.
    static func tableOfContents(_ sections: [Section]) -> String {
        var html = HTMLBuffer()
        for section in sections {
            html += "<li><a href=\"#"
            html.appendEscaped(section.id)
            html += "\">"
            html.appendEscaped(section.title)
            html += "</a></li>"
        }
        return html.string
    }

    /// What the template receives as `main`: an HTML comment that ``splice(_:into:)`` then
    /// replaces by the sections, so the template engine never copies the page's bulk. Values
    /// from content reach the template escaped, so they cannot produce it.
    static let mainMarker = "<!--boardpack:main-->"

    /// The rendered page `shell` with each `mainMarker` replaced by the sections one after the
    /// other, each with its heading, as the page's UTF-8: the page stays bytes down to the file
    /// (a `String` of it would be validated as UTF-8 again, and copied back to bytes for
    /// writing). A theme that iterates `sections` itself has no marker: its page is returned as
    /// it is.
    static func splice(_ sections: [Section], into shell: String) -> [UInt8] {
        var shell = shell
        return shell.withUTF8 { splice(sections, into: $0) }
    }

    private static func splice(_ sections: [Section], into page: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let marker = Array(mainMarker.utf8)
        let hits = offsets(of: marker, in: page)
        guard !hits.isEmpty else { return Array(page) }
        let pieces = sectionPieces(sections)
        let mainCount = pieces.reduce(0) { $0 + $1.count }
        var out: [UInt8] = []
        out.reserveCapacity(page.count + hits.count * (mainCount - marker.count))
        var copied = 0
        for hit in hits {
            out += UnsafeBufferPointer(rebasing: page[copied..<hit])
            for piece in pieces { out += piece }
            copied = hit + marker.count
        }
        out += UnsafeBufferPointer(rebasing: page[copied...])
        return out
    }

    /// The sections one after the other, each with its heading, as UTF-8 pieces in order (the
    /// sections' own HTML is not copied).
    static func sectionPieces(_ sections: [Section]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        for (i, section) in sections.enumerated() {
            var heading = HTMLBuffer()
            if i > 0 { heading += "\n" }
            heading += "<section id=\""
            heading.appendEscaped(section.id)
            heading += "\" class=\"pack-section\">\n<h2>"
            heading.appendEscaped(section.title)
            heading += "</h2>\n"
            pieces += [heading.bytes, section.html.bytes, Array("\n</section>".utf8)]
        }
        return pieces
    }

    func strategyHTML(_ strategy: HTMLBuffer, _ risks: HTMLBuffer, ctx: PackContext) -> HTMLBuffer {
        if strategy.isEmpty && risks.isEmpty { return "<p class=\"empty\">\(ctx.label("no_notes"))</p>" }
        return "\(strategy)\(risks)"
    }

    func noteHTML(_ item: NoteHTML) -> HTMLBuffer {
        var meta = HTMLBuffer()
        if let author = item.note.author { meta = "<p class=\"note-meta\">\(author)</p>\n" }
        // The note's body is cmark-gfm's safe HTML with the embeds put in.
        return "<article class=\"note\">\n<h3>\(item.note.title)</h3>\n\(meta)\(HTMLBuffer(trusted: item.html))</article>"
    }

    /// The action log (SPEC §6 v2): the actions open at the end of the period, from this
    /// pack's notes and earlier ones, those closed in it, and the overdue, each with its owner,
    /// due date, status and the pack that raised it.
    static func actionLog(_ actions: [ActionEntry], ctx: PackContext) -> HTMLBuffer {
        guard !actions.isEmpty else { return "<p class=\"empty\">\(ctx.label("no_tasks"))</p>" }
        let rows = actions.map { action -> [PackHTML.Cell] in
            let kind = action.status.rawValue + (action.status == .overdue ? " status-red" : "")
            let status: HTMLBuffer = "<span class=\"badge action-\(kind)\">\(ctx.label("task_\(action.status.rawValue)"))</span>"
            return [
                action.status == .done ? .markup("<span class=\"task-done\">\(action.text)</span>") : .text(action.text),
                .text(action.owner ?? "—"),
                .text(action.due.map { ctx.formatter.date(year: $0.month.year, month: $0.month.month, day: $0.day) } ?? "—"),
                .markup(status), .text(ctx.formatter.period(action.raisedIn)),
            ]
        }
        return PackHTML.table(
            caption: .text(ctx.locale.label("action_log_caption")),
            headers: [
                .text(ctx.label("task")), .text(ctx.label("action_owner")), .text(ctx.label("action_due")), .text(ctx.label("task_status")),
                .text(ctx.label("raised_in")),
            ], rows: rows, classes: "data tasks")
    }
}
