import BoardpackContent
import BoardpackMetrics
import BoardpackPresentation
import BoardpackSite
import BoardpackSupport
import Foundation

/// What a build did, for the CLI's one-line summary.
package struct BuildReport: Sendable {
    package var packCount: Int
    package var unitCount: Int
    package var warnings: [Diagnostic]
    /// Phase name → seconds, in the order the phases ran.
    package var timings: [(phase: String, seconds: Double)]
    /// Measurements inside the phases, not part of `seconds`: `data` (read, validate and
    /// aggregate the CSVs, wall-clock) and `markdown` (cmark-gfm parse + render, CPU time
    /// summed over the notes, which render in parallel).
    package var details: [(phase: String, seconds: Double)] = []
    package var seconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}

/// The library side of the CLI's commands: everything but argument parsing and printing.
package enum BoardpackCommands {
    /// Measures a phase. Wall-clock time goes to the report only, never into the output.
    static func timed<T>(_ phase: String, _ timings: inout [(phase: String, seconds: Double)], _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.append((phase, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// Loads and validates the workspace: the shared first half of `build` and `check`.
    package static func load(
        contentPath: String, onlyUnits: Set<String> = [], fileSystem: any FileSystem = DiskFileSystem()
    ) -> (Workspace?, [Diagnostic]) {
        // Content is read only from regular files inside the workspace (SPEC §7).
        let loader = WorkspaceLoader(fileSystem: fileSystem.confined(to: contentPath)) { metricsFile in
            let (dictionary, diagnostics) = MetricsSetup.dictionary(from: metricsFile)
            return (Set(dictionary.measures.keys), diagnostics)
        }
        return loader.load(root: contentPath, onlyUnits: onlyUnits)
    }

    /// `boardpack build`: load → validate → compute → render → write. Nothing is written
    /// when the content has errors.
    /// `progress` hears each phase as it starts (the CLI shows it on a terminal).
    package static func build(
        _ options: BuildOptions, fileSystem: (any FileSystem)? = nil, progress: (String) -> Void = { _ in }
    ) throws -> BuildReport {
        let fileSystem = fileSystem ?? DiskFileSystem(maxFileSize: options.maxFileSize)
        var timings: [(phase: String, seconds: Double)] = []
        progress("reading \(options.contentPath)/")
        // Every unit is loaded even for `--unit`: the index pages list them all.
        let (workspace, loadDiagnostics) = timed("load", &timings) { load(contentPath: options.contentPath, fileSystem: fileSystem) }
        guard let workspace else { throw DiagnosticsError(loadDiagnostics.sortedForReport()) }
        let missing = options.units.subtracting(workspace.units.map(\.id))
        if !missing.isEmpty {
            let hint = missing.sorted().compactMap { NameSuggestion.nearest(to: $0, among: workspace.units.map(\.id)) }.map {
                " (did you mean `\($0)`?)"
            }
            throw UsageError(
                "no unit \(missing.sorted().map { "`\($0)`" }.joined(separator: ", ")) in \(options.contentPath)/units\(hint.first ?? "")")
        }
        let templates = try timed("templates", &timings) { () throws -> TemplateSet in
            switch TemplateSet.load(
                from: options.templatesPath, fileSystem: fileSystem, fallBackToDefault: options.templatesPath == "templates")
            {
            case let .success(t): return t
            case let .failure(e): throw e
            }
        }
        let builder = SiteBuilder(options: options, templates: templates)
        progress("computing and rendering \(workspace.units.count) units")
        let existing = builder.isSubset ? SiteWriter(outputPath: options.outputPath).existingSite() : Site()
        let result = try builder.build(workspace, existing: existing)
        progress("writing \(result.site.files.count) files to \(options.outputPath)/")
        timings += result.timings
        try timed("write", &timings) { try options.siteWriter.write(result.site) }
        return BuildReport(
            // The units of the packs built: "1 pack for 1 unit" for a `--unit --period` build.
            packCount: result.packCount, unitCount: result.unitCount,
            warnings: (loadDiagnostics + result.warnings).sortedForReport(), timings: timings, details: result.details)
    }

    /// `boardpack check`: every problem in the content, errors and warnings, without writing.
    /// It runs the validate and compute phases, notes' embeds included (drafts too), and
    /// renders no page.
    package static func check(
        contentPath: String, templatesPath: String, fileSystem: (any FileSystem)? = nil,
        maxFileSize: Int = DiskFileSystem.defaultMaxFileSize
    ) -> [Diagnostic] {
        let fileSystem = fileSystem ?? DiskFileSystem(maxFileSize: maxFileSize)
        var options = BuildOptions(contentPath: contentPath, templatesPath: templatesPath)
        options.includeDrafts = true
        let (workspace, diagnostics) = load(contentPath: contentPath, fileSystem: fileSystem)
        guard let workspace else { return diagnostics.sortedForReport() }
        switch TemplateSet.load(from: templatesPath, fileSystem: fileSystem, fallBackToDefault: templatesPath == "templates") {
        case let .failure(e):
            return (diagnostics + e.diagnostics).sortedForReport()
        case let .success(templates):
            do {
                let found = try SiteBuilder(options: options, templates: templates).check(workspace)
                return (diagnostics + found).sortedForReport()
            } catch let error as DiagnosticsError {
                return (diagnostics + error.diagnostics).sortedForReport()
            } catch {
                return (diagnostics + [.error("\(error)")]).sortedForReport()
            }
        }
    }
}
