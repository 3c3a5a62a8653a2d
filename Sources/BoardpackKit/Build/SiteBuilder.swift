import Foundation

/// The build, top to bottom as named phases: load → validate → compute → render → write.
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

    /// One pack to render.
    struct PackJob {
        var unit: UnitContent
        var period: Period
        /// Every pack the unit has, for the archive links.
        var unitPeriods: [Period]
    }

    /// Renders the whole site. Throws `DiagnosticsError` when a note or embed is invalid.
    public func build(_ workspace: Workspace) throws -> (site: Site, packCount: Int, warnings: [Diagnostic]) {
        var jobs: [PackJob] = []
        var unitPages: [(UnitContent, [Period])] = []
        for unit in workspace.units {
            var periods = PackPlan.periods(monthsWithData: PackPlan.monthsWithData(unit.dataFiles), archiveMonths: workspace.site.archiveMonths)
            if !options.periods.isEmpty { periods = periods.filter(options.periods.contains) }
            unitPages.append((unit, periods))
            jobs += periods.map { PackJob(unit: unit, period: $0, unitPeriods: periods) }
        }
        var site = Site()
        var diagnostics: [Diagnostic] = []
        let pages = renderInParallel(jobs, workspace: workspace)
        for (job, page) in zip(jobs, pages) {
            site.add("\(job.unit.id)/\(job.period)/index.html", page.html)
            diagnostics += page.diagnostics
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedForReport()) }
        for (unit, periods) in unitPages {
            site.add("\(unit.id)/index.html", ArchivePage(workspace: workspace, templates: templates).renderUnit(unit, periods: periods))
        }
        site.add("index.html", ArchivePage(workspace: workspace, templates: templates).renderPortal(unitPages))
        return (site, jobs.count, diagnostics)
    }

    /// Packs are independent: render them on every core, each into its own slot, so the
    /// result does not depend on scheduling.
    func renderInParallel(_ jobs: [PackJob], workspace: Workspace) -> [PackPage.Rendered] {
        let slots = ResultSlots<PackPage.Rendered>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            let page = PackPage(workspace: workspace, templates: templates, options: options)
            slots.set(i, page.render(unit: job.unit, period: job.period))
        }
        return slots.values
    }
}

/// Fixed slots filled from several threads, one writer per slot.
final class ResultSlots<T>: @unchecked Sendable {
    // Safe: the buffer is allocated once and never resized; each index is written by exactly
    // one iteration of `concurrentPerform`, and values are read only after it returns.
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: T) { buffer[index] = value }

    var values: [T] { buffer.map { $0! } }
}
