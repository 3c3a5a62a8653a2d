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
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    public var templates: TemplateSet

    public init(options: BuildOptions, templates: TemplateSet) {
        self.options = options
        self.templates = templates
    }

    /// The result of a build, before it is written.
    public struct Output: Sendable {
        public var site: Site
        public var packCount: Int
        public var warnings: [Diagnostic]
        public var timings: [(phase: String, seconds: Double)]
        /// Measurements inside the phases (`data`, `markdown`), not added to the total.
        public var details: [(phase: String, seconds: Double)] = []
    }

    /// True when `--unit` or `--period` asked for some packs only.
    var isSubset: Bool { !options.units.isEmpty || !options.periods.isEmpty }

    /// What the compute phase hands to rendering: every unit's report, and the report of each
    /// pack to render with the index of its unit.
    struct Reports: Sendable {
        var units: [UnitReport]
        var packs: [(unit: Int, report: PackReport)]
        var diagnostics: [Diagnostic]
        /// Wall-clock time of the aggregation alone, for `build --timings`.
        var aggregationSeconds: Double
    }

    /// Renders the site. A subset build (`--unit`, `--period`) renders only the packs asked
    /// for and keeps every other file of `existing` (the site already published), so the
    /// index pages still list every pack. Throws `DiagnosticsError` when content is invalid
    /// and `UsageError` when the subset selects nothing.
    public func build(_ workspace: Workspace, existing: Site = Site()) throws -> Output {
        var timings: [(phase: String, seconds: Double)] = []
        let reports = try compute(workspace, existing: existing, timings: &timings)
        let pages = BoardpackCommands.timed("render", &timings) { render(reports.packs, units: reports.units, workspace: workspace) }
        var site = Site()
        for ((_, report), page) in zip(reports.packs, pages) {
            site.files["\(report.unit.unit.id)/\(report.period)/index.html"] = page.page
            site.files["\(report.unit.unit.id)/\(report.period)/metrics.json"] = page.json
        }
        if isSubset {
            for (path, bytes) in existing.files where site.files[path] == nil { site.files[path] = bytes }
        }
        // The portal and the units' archive pages are independent too: on every core, the
        // portal (the longest) first.
        let archive = ArchivePage(workspace: workspace, templates: templates)
        let units = reports.units
        let archivePages = ResultSlots<String>(count: units.count + 1)
        DispatchQueue.concurrentPerform(iterations: units.count + 1) { k in
            archivePages.set(k, k == 0 ? archive.renderPortal(units) : archive.renderUnit(units[k - 1]))
        }
        let rendered = archivePages.values
        for (unit, page) in zip(units, rendered.dropFirst()) {
            site.add("\(unit.unit.id)/index.html", page)
        }
        site.add("index.html", rendered[0])
        // Data: read + validate the CSVs (load) and aggregate them (compute), wall-clock.
        // Markdown: cmark-gfm parse + render summed over the notes shown, CPU time across the
        // threads (the notes are read when the workspace is loaded).
        let markdownSeconds = Double(pages.reduce(0) { $0 + $1.markdownNanoseconds }) / 1e9
        return Output(
            site: site, packCount: reports.packs.count, warnings: reports.diagnostics.sortedForReport(), timings: timings,
            details: [("data", workspace.dataReadSeconds + reports.aggregationSeconds), ("markdown", markdownSeconds)])
    }

    /// The validate and compute phases: everything every page says, before any is rendered.
    /// Throws `DiagnosticsError` when content is invalid (notes' embeds included) and
    /// `UsageError` when a subset selects nothing.
    func compute(
        _ workspace: Workspace, existing: Site, timings: inout [(phase: String, seconds: Double)]
    ) throws -> Reports {
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
            DispatchQueue.concurrentPerform(iterations: models.count) { u in
                let model = models[u]
                let listed = model.periods.filter { period in
                    rendering[u].contains(period) || (isSubset && existing.files["\(model.unit.id)/\(period)/index.html"] != nil)
                }
                units.set(u, UnitReport(model, rendering: rendering[u], listed: listed))
            }
            let unitReports = units.values
            // Packs are independent: computed on every core, each into its own slot, so the
            // result does not depend on scheduling.
            let packs = ResultSlots<PackReport>(count: jobs.count)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                let (u, period) = jobs[i]
                packs.set(
                    i,
                    PackReport(
                        models[u], unit: unitReports[u], period: period, audience: options.audience,
                        includeDrafts: options.includeDrafts))
            }
            let packReports = packs.values
            let diagnostics = warnings + packReports.flatMap(\.diagnostics)
            if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedForReport()) }
            return Reports(
                units: unitReports, packs: zip(jobs, packReports).map { ($0.0, $1) }, diagnostics: diagnostics,
                aggregationSeconds: aggregationSeconds)
        }
    }

    /// Packs are independent: render them on every core, each into its own slot, so the
    /// result does not depend on scheduling. The page and `metrics.json` come as bytes,
    /// written as they are.
    func render(_ packs: [(unit: Int, report: PackReport)], units: [UnitReport], workspace: Workspace) -> [PackPage.Rendered] {
        // What a unit's packs share is written once per unit first, on every core too.
        let shared = ResultSlots<UnitRenderData>(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { u in shared.set(u, UnitRenderData(units[u])) }
        let unitData = shared.values
        let page = PackPage(workspace: workspace, templates: templates, audience: options.audience)
        let slots = ResultSlots<PackPage.Rendered>(count: packs.count)
        DispatchQueue.concurrentPerform(iterations: packs.count) { i in
            slots.set(i, page.render(packs[i].report, unitData: unitData[packs[i].unit]))
        }
        return slots.values
    }
}
