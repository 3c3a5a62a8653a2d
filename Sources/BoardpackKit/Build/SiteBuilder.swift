import BoardpackContent
import BoardpackMetrics
import BoardpackPresentation
import BoardpackSite
import BoardpackSupport
import Foundation

/// The build, top to bottom as named phases: validate → compute → render.
///
/// `SiteBuilder` turns a loaded workspace into a `Site` value (pure, in memory); the CLI
/// loads from disk and hands the result to `SiteWriter`.
package struct SiteBuilder: Sendable {
    package var options: BuildOptions
    package var templates: TemplateSet

    package init(options: BuildOptions, templates: TemplateSet) {
        self.options = options
        self.templates = templates
    }

    /// The result of a build, before it is written.
    package struct Output: Sendable {
        package var site: Site
        package var packCount: Int
        /// The units those packs belong to.
        package var unitCount = 0
        package var warnings: [Diagnostic]
        package var timings: [(phase: String, seconds: Double)]
        /// Measurements inside the phases (`data`, `markdown`), not added to the total.
        package var details: [(phase: String, seconds: Double)] = []
    }

    /// True when `--unit` or `--period` asked for some packs only.
    var isSubset: Bool { !options.units.isEmpty || !options.periods.isEmpty }

    /// What the compute phase works out before any pack: every unit's model and report, the
    /// packs to make, and the warnings so far. ``report(_:)`` computes pack `i`.
    struct Plan: Sendable {
        var models: [UnitModel]
        var units: [UnitReport]
        /// Per unit, the actions of the notes this build shows (SPEC §2.4).
        var ledgers: [ActionLedger]
        /// Per unit, the month its fiscal year starts.
        var fiscalYearStarts: [Int]
        var jobs: [(unit: Int, period: Period)]
        var warnings: [Diagnostic]
        /// Wall-clock time of the aggregation alone, for `build --timings`.
        var aggregationSeconds: Double
        var options: BuildOptions

        /// Everything pack `i` says, computed from its unit's model: no page is rendered here.
        func report(_ i: Int) -> PackReport {
            let (u, period) = jobs[i]
            return PackReport(
                models[u], unit: units[u], period: period, audience: options.audience, includeDrafts: options.includeDrafts,
                actions: ledgers[u].log(for: period), fiscalYearStart: fiscalYearStarts[u])
        }
    }

    /// Renders the site. A subset build (`--unit`, `--period`) renders only the packs asked
    /// for and keeps every other file of `existing` (the site already published), so the
    /// index pages still list every pack. Throws `DiagnosticsError` when content is invalid
    /// and `UsageError` when the subset selects nothing.
    package func build(_ workspace: Workspace, existing: Site = Site()) throws -> Output {
        var timings: [(phase: String, seconds: Double)] = []
        let plan = try compute(workspace, existing: existing, timings: &timings)
        // Packs are independent: on every core, each into its own slot, so the result does not
        // depend on scheduling. Each pack's report is computed and then rendered from that
        // value alone, one pack after the other on a core: the figures are still in the
        // core's cache when the page reads them, and only the packs in progress are held.
        let page = PackPage(workspace: workspace, templates: templates, audience: options.audience)
        let (packs, unitData) = BoardpackCommands.timed("render", &timings) {
            () -> ([(diagnostics: [Diagnostic], page: PackPage.Rendered?)], [UnitRenderData]) in
            // What a unit's packs and its archive pages show alike, written once per unit.
            let shared = ResultSlots<UnitRenderData>(count: plan.units.count)
            DispatchQueue.concurrentPerform(iterations: plan.units.count) { u in shared.set(u, UnitRenderData(plan.units[u])) }
            let unitData = shared.values
            let slots = ResultSlots<(diagnostics: [Diagnostic], page: PackPage.Rendered?)>(count: plan.jobs.count)
            DispatchQueue.concurrentPerform(iterations: plan.jobs.count) { i in
                let report = plan.report(i)
                // A pack whose notes have errors is not rendered: the build stops below.
                let rendered = report.diagnostics.hasErrors ? nil : page.render(report, unitData: unitData[plan.jobs[i].unit])
                slots.set(i, (report.diagnostics, rendered))
            }
            return (slots.values, unitData)
        }
        let diagnostics = plan.warnings + packs.flatMap(\.diagnostics)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedForReport()) }
        var site = Site()
        for ((u, period), pack) in zip(plan.jobs, packs) {
            guard let page = pack.page else { continue }
            site.files["\(plan.models[u].unit.id)/\(period)/index.html"] = page.page
            site.files["\(plan.models[u].unit.id)/\(period)/metrics.json"] = page.json
        }
        if isSubset {
            for (path, bytes) in existing.files where site.files[path] == nil { site.files[path] = bytes }
        }
        // The portal and the units' archive pages are independent too: on every core, the
        // portal (the longest) first.
        let archive = ArchivePage(workspace: workspace, templates: templates)
        let units = plan.units
        let archivePages = ResultSlots<String>(count: units.count + 1)
        DispatchQueue.concurrentPerform(iterations: units.count + 1) { k in
            if k == 0 {
                archivePages.set(k, workspace.site.portfolio ? archive.renderPortal(units, unitData) : "")
            } else {
                archivePages.set(k, archive.renderUnit(units[k - 1], unitData[k - 1]))
            }
        }
        let rendered = archivePages.values
        for (unit, page) in zip(units, rendered.dropFirst()) {
            site.add("\(unit.unit.id)/index.html", page)
        }
        // The portfolio names every unit: the CMO's own page, written only when the site asks
        // for it (each unit's folder stands alone, SPEC §6.1).
        if workspace.site.portfolio { site.add("index.html", rendered[0]) } else { site.files["index.html"] = nil }
        // Data: read + validate the CSVs (load) and aggregate them (compute), wall-clock.
        // Markdown: cmark-gfm parse + render summed over the notes shown, CPU time across the
        // threads (each pack reads its notes when it is computed).
        let markdownSeconds = Double(packs.reduce(0) { $0 + ($1.page?.markdownNanoseconds ?? 0) }) / 1e9
        return Output(
            site: site, packCount: plan.jobs.count, unitCount: Set(plan.jobs.map(\.unit)).count, warnings: diagnostics.sortedForReport(),
            timings: timings,
            details: [("data", workspace.dataReadSeconds + plan.aggregationSeconds), ("markdown", markdownSeconds)])
    }

    /// The validate and compute phases up to the packs: the units' models and reports and the
    /// packs to make. Throws `DiagnosticsError` when content is invalid and `UsageError` when a
    /// subset selects nothing.
    func compute(
        _ workspace: Workspace, existing: Site, timings: inout [(phase: String, seconds: Double)]
    ) throws -> Plan {
        let prepare = Preparation()
        let (compiled, playbooks) = try BoardpackCommands.timed("validate", &timings) { try prepare.validate(workspace) }
        return try BoardpackCommands.timed("compute", &timings) {
            let (models, warnings, aggregationSeconds) = try prepare.compute(workspace, compiled, playbooks)
            let jobs = models.indices.flatMap { u in models[u].periods.map { (u, $0) } }.filter { u, period in
                (options.units.isEmpty || options.units.contains(models[u].unit.id))
                    && (options.periods.isEmpty || options.periods.contains(period))
            }
            if isSubset && jobs.isEmpty {
                throw UsageError(
                    "no pack matches --unit \(options.units.sorted()) --period \(options.periods.map(\.description).sorted()): those periods have no data"
                )
            }
            // Index pages link only to packs the site will hold: those rendered now and, in a
            // subset build, those already published.
            var periodsOf = [[Period]](repeating: [], count: models.count)
            for (u, period) in jobs { periodsOf[u].append(period) }
            let rendering = periodsOf
            let units = ResultSlots<UnitReport>(count: models.count)
            let ledgers = ResultSlots<ActionLedger>(count: models.count)
            DispatchQueue.concurrentPerform(iterations: models.count) { u in
                let model = models[u]
                ledgers.set(u, ActionLedger(model.unit.notes, audience: options.audience, includeDrafts: options.includeDrafts))
                let listed = model.periods.filter { period in
                    rendering[u].contains(period) || (isSubset && existing.files["\(model.unit.id)/\(period)/index.html"] != nil)
                }
                units.set(u, UnitReport(model, rendering: rendering[u], listed: listed))
            }
            return Plan(
                models: models, units: units.values, ledgers: ledgers.values,
                fiscalYearStarts: models.map { $0.unit.config.fiscalYearStart ?? workspace.site.fiscalYearStart },
                jobs: jobs.map { (unit: $0.0, period: $0.1) },
                warnings: warnings + ledgers.values.flatMap(\.diagnostics), aggregationSeconds: aggregationSeconds, options: options)
        }
    }

    /// Every problem the content has, the packs' notes included, without rendering a page
    /// (`boardpack check`).
    func check(_ workspace: Workspace) throws -> [Diagnostic] {
        var timings: [(phase: String, seconds: Double)] = []
        let plan = try compute(workspace, existing: Site(), timings: &timings)
        let found = ResultSlots<[Diagnostic]>(count: plan.jobs.count)
        DispatchQueue.concurrentPerform(iterations: plan.jobs.count) { i in found.set(i, plan.report(i).diagnostics) }
        return plan.warnings + found.values.flatMap { $0 }
    }
}
