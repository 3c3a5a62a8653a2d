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

    /// Renders the site. A subset build (`--unit`, `--period`) renders only the packs asked
    /// for and keeps every other file of `existing` (the site already published), so the
    /// index pages still list every pack. Throws `DiagnosticsError` when content is invalid
    /// and `UsageError` when the subset selects nothing.
    public func build(_ workspace: Workspace, existing: Site = Site()) throws -> Output {
        var timings: [(phase: String, seconds: Double)] = []
        let prepare = Preparation()
        let (compiled, playbooks) = try BoardpackCommands.timed("validate", &timings) { try prepare.validate(workspace) }
        let (models, computeWarnings, aggregationSeconds) = try BoardpackCommands.timed("compute", &timings) {
            try prepare.compute(workspace, compiled, playbooks)
        }
        let jobs = models.flatMap { model in model.periods.map { (model, $0) } }.filter { model, period in
            (options.units.isEmpty || options.units.contains(model.unit.id))
                && (options.periods.isEmpty || options.periods.contains(period))
        }
        if isSubset && jobs.isEmpty {
            throw UsageError(
                "no pack matches --unit \(options.units.sorted()) --period \(options.periods.map(\.description).sorted()): those periods have no data"
            )
        }
        let pages = BoardpackCommands.timed("render", &timings) { renderInParallel(jobs, workspace: workspace) }
        var site = Site()
        var diagnostics = computeWarnings
        for ((model, period), page) in zip(jobs, pages) {
            site.files["\(model.unit.id)/\(period)/index.html"] = page.html
            site.files["\(model.unit.id)/\(period)/metrics.json"] = page.json
            diagnostics += page.diagnostics
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedForReport()) }
        if isSubset {
            for (path, bytes) in existing.files where site.files[path] == nil { site.files[path] = bytes }
        }
        // Index pages link only to packs the site holds (all of them, unless a subset build
        // started from an empty output folder).
        let listed = models.map { model in
            var m = model
            m.periods = model.periods.filter { site.files["\(model.unit.id)/\($0)/index.html"] != nil }
            return m
        }
        // The portal and the units' archive pages are independent too: on every core, the
        // portal (the longest) first.
        let archive = ArchivePage(workspace: workspace, templates: templates)
        let archivePages = ResultSlots<String>(count: listed.count + 1)
        DispatchQueue.concurrentPerform(iterations: listed.count + 1) { k in
            archivePages.set(k, k == 0 ? archive.renderPortal(listed) : archive.renderUnit(listed[k - 1]))
        }
        let rendered = archivePages.values
        for (model, page) in zip(listed, rendered.dropFirst()) {
            site.add("\(model.unit.id)/index.html", page)
        }
        site.add("index.html", rendered[0])
        // Data: read + validate the CSVs (load) and aggregate them (compute), wall-clock.
        // Markdown: cmark-gfm parse + render summed over notes, CPU time across the threads.
        let markdownSeconds = Double(pages.reduce(0) { $0 + $1.markdownNanoseconds }) / 1e9
        return Output(
            site: site, packCount: jobs.count, warnings: diagnostics.sortedForReport(), timings: timings,
            details: [("data", workspace.dataReadSeconds + aggregationSeconds), ("markdown", markdownSeconds)])
    }

    /// A rendered pack: the bytes of its page and `metrics.json`, and what rendering found.
    struct PackFiles: Sendable {
        var html: [UInt8]
        var json: [UInt8]
        var diagnostics: [Diagnostic]
        var markdownNanoseconds: UInt64
    }

    /// Packs are independent: render them on every core, each into its own slot, so the
    /// result does not depend on scheduling. The page and `metrics.json` come as bytes,
    /// written as they are.
    func renderInParallel(_ jobs: [(UnitModel, Period)], workspace: Workspace) -> [PackFiles] {
        // What a unit's packs share is worked out once per unit first, on every core too.
        var unitOf: [String: Int] = [:], periodsOf: [(model: UnitModel, periods: [Period])] = []
        let jobUnits = jobs.map { model, period in
            let u = unitOf[model.unit.id] ?? periodsOf.count
            if u == periodsOf.count {
                unitOf[model.unit.id] = u
                periodsOf.append((model, []))
            }
            periodsOf[u].periods.append(period)
            return u
        }
        let units = periodsOf
        let shared = ResultSlots<UnitRenderData>(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { u in
            shared.set(u, UnitRenderData(units[u].model, periods: units[u].periods))
        }
        let unitData = shared.values
        let slots = ResultSlots<PackFiles>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let (model, period) = jobs[i]
            let page = PackPage(
                workspace: workspace, templates: templates, audience: options.audience, includeDrafts: options.includeDrafts
            ).render(
                model, period: period, unitData: unitData[jobUnits[i]])
            slots.set(
                i,
                PackFiles(
                    html: page.page, json: page.json, diagnostics: page.diagnostics,
                    markdownNanoseconds: page.markdownNanoseconds))
        }
        return slots.values
    }
}
