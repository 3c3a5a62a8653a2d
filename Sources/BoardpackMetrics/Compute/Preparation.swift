import BoardpackContent
import BoardpackSupport
import Foundation

/// The validate and compute phases, shared by `build`, `check`, `explain` and `diff`.
package struct Preparation: Sendable {
    package init() {}

    /// Compiles the KPI dictionary (built-in + metrics.yml + playbook KPIs) and the playbook
    /// rules: any formula or rule error stops the build.
    package func validate(_ workspace: Workspace) throws -> (CompiledMetrics, CompiledPlaybooks) {
        let (base, dictionaryDiagnostics) = MetricsSetup.dictionary(from: workspace.metricsFile)
        var (playbooks, playbookDiagnostics) = CompiledPlaybooks.load(contentFiles: workspace.playbookFiles)
        let (dictionary, addDiagnostics) = base.adding(playbooks.sectorKPIs)
        let (compiled, diagnostics) = CompiledMetrics.validate(dictionary)
        var all = dictionaryDiagnostics + playbookDiagnostics + addDiagnostics + diagnostics
        if let compiled { all += playbooks.compile(with: compiled) }
        all += workspace.units.flatMap { unitDiagnostics($0, dictionary: dictionary) }
        guard let compiled, !all.hasErrors else { throw DiagnosticsError(all.sortedForReport()) }
        return (compiled, playbooks)
    }

    /// `unit.yml` names KPIs (headline, targets) and a locale: each must exist, or a typo
    /// would silently drop a tile or a target.
    func unitDiagnostics(_ unit: UnitContent, dictionary: MetricDictionary) -> [Diagnostic] {
        let kpis = Set(dictionary.kpis(forSector: unit.config.sector.rawValue).map(\.id))
        func at(_ keyPath: [String]) -> SourceLocation {
            YAMLFile.location(of: keyPath, in: unit.configText, path: unit.configPath) ?? SourceLocation(file: unit.configPath)
        }
        func unknown(_ id: String, _ keyPath: [String], _ what: String) -> Diagnostic {
            .error(
                "unknown KPI `\(id)` in \(what)", at: at(keyPath),
                hint: NameSuggestion.nearest(to: id, among: kpis).map { "did you mean `\($0)`?" })
        }
        var diagnostics = unit.config.headline.filter { !kpis.contains($0) }.map { unknown($0, ["headline"], "`headline`") }
        diagnostics += unit.config.targets.keys.sorted().filter { !kpis.contains($0) }.map { unknown($0, ["targets", $0], "`targets`") }
        if let locale = unit.config.locale, PackLocale(parsing: locale) == nil {
            diagnostics.append(.error("unsupported locale `\(locale)` (expected en-GB, en-US or it-IT)", at: at(["locale"])))
        }
        return diagnostics
    }

    /// Aggregates every unit's data (grain and duplicate checks happen here) and decides its
    /// packs. Units are independent, so both passes run on every core, each unit into its own
    /// slot; diagnostics keep unit order. `aggregationSeconds` is the wall-clock time of the
    /// aggregation pass alone, for `build --timings`.
    package func compute(
        _ workspace: Workspace, _ compiled: CompiledMetrics, _ playbooks: CompiledPlaybooks
    ) throws -> (models: [UnitModel], diagnostics: [Diagnostic], aggregationSeconds: Double) {
        let units = workspace.units
        let start = DispatchTime.now().uptimeNanoseconds
        let aggregated = ResultSlots<(UnitData, [Diagnostic])>(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { i in
            aggregated.set(i, UnitData.aggregate(units[i].dataFiles, dictionary: compiled.dictionary))
        }
        let aggregates = aggregated.values
        let aggregationSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let modelled = ResultSlots<(UnitModel, [Diagnostic])>(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { i in
            modelled.set(i, model(units[i], aggregates[i], workspace: workspace, compiled: compiled, playbooks: playbooks))
        }
        var diagnostics: [Diagnostic] = []
        var models: [UnitModel] = []
        for ((model, unitDiagnostics), (_, found)) in zip(modelled.values, aggregates) {
            diagnostics += found + unitDiagnostics
            models.append(model)
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedForReport()) }
        return (models, diagnostics, aggregationSeconds)
    }

    /// One unit's metrics engine, packs and reconciliation findings (as diagnostics too).
    private func model(
        _ unit: UnitContent, _ aggregate: (UnitData, [Diagnostic]), workspace: Workspace,
        compiled: CompiledMetrics, playbooks: CompiledPlaybooks
    ) -> (UnitModel, [Diagnostic]) {
        let (data, found) = aggregate
        let profile = UnitProfile(
            id: unit.id, sector: unit.config.sector.rawValue, targets: unit.config.targets, tolerance: unit.config.tolerance,
            lifetimeMonths: unit.config.clvLifetimeMonths ?? UnitProfile.defaultLifetimeMonths)
        let metrics = UnitMetrics(metrics: compiled, profile: profile, data: data)
        let periods = metrics.packPeriods(archiveMonths: workspace.site.archiveMonths).all
        let locale = PackLocale(parsing: unit.config.locale ?? workspace.site.locale) ?? .default
        let findings = found.hasErrors ? [] : DataQuality.check(data, dictionary: compiled.dictionary, tolerance: unit.config.tolerance)
        var diagnostics = findings.map(\.diagnostic)
        // A note whose period has no pack is shown nowhere (SPEC §7): dated after the last month
        // of data (most likely a typo), or before the packs the archive keeps.
        let packs = Set(periods)
        for note in unit.notes where !packs.contains(note.period) {
            if let last = data.monthsWithData.last, note.period.lastMonth > last {
                diagnostics.append(
                    .warning(
                        "note is for \(note.period), after the unit's last month of data (\(last)): it appears in no pack",
                        at: note.periodLocation))
            } else {
                let range = periods.first.map { " (the unit's packs run from \($0) to \(periods.last!))" } ?? ""
                diagnostics.append(
                    .warning("note is for \(note.period), which has no pack\(range): it appears in no pack", at: note.periodLocation))
            }
        }
        let model = UnitModel(unit: unit, metrics: metrics, periods: periods, locale: locale, playbooks: playbooks, findings: findings)
        return (model, diagnostics)
    }
}
