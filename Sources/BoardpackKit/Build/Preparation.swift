/// The validate and compute phases, shared by `build`, `check`, `explain` and `diff`.
struct Preparation: Sendable {
    /// Only these periods get packs (all when empty).
    var periods: Set<Period> = []

    /// A unit ready to render: its content, metrics engine and packs.
    struct UnitModel: Sendable {
        var unit: UnitContent
        var metrics: UnitMetrics
        var periods: [Period]
        var locale: PackLocale
        var playbooks: CompiledPlaybooks
        /// Reconciliation findings (SPEC §3.6) over all the unit's data.
        var findings: [DataQualityFinding]
    }

    /// Compiles the KPI dictionary (built-in + metrics.yml + playbook KPIs) and the playbook
    /// rules: any formula or rule error stops the build.
    func validate(_ workspace: Workspace) throws -> (CompiledMetrics, CompiledPlaybooks) {
        let (base, dictionaryDiagnostics) = MetricsSetup.dictionary(from: workspace.metricsFile)
        var (playbooks, playbookDiagnostics) = CompiledPlaybooks.load(contentFiles: workspace.playbookFiles)
        let (dictionary, addDiagnostics) = base.adding(playbooks.sectorKPIs)
        let (compiled, diagnostics) = CompiledMetrics.validate(dictionary)
        var all = dictionaryDiagnostics + playbookDiagnostics + addDiagnostics + diagnostics
        if let compiled { all += playbooks.compile(with: compiled) }
        guard let compiled, !all.hasErrors else { throw DiagnosticsError(all.sortedForReport()) }
        return (compiled, playbooks)
    }

    /// Aggregates every unit's data (grain and duplicate checks happen here) and decides its packs.
    func compute(_ workspace: Workspace, _ compiled: CompiledMetrics, _ playbooks: CompiledPlaybooks) throws -> ([UnitModel], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var models: [UnitModel] = []
        for unit in workspace.units {
            let (data, found) = UnitData.aggregate(unit.dataFiles, dictionary: compiled.dictionary)
            diagnostics += found
            let profile = UnitProfile(
                id: unit.id, sector: unit.config.sector.rawValue, targets: unit.config.targets, tolerance: unit.config.tolerance)
            let metrics = UnitMetrics(metrics: compiled, profile: profile, data: data)
            var periods = metrics.packPeriods(archiveMonths: workspace.site.archiveMonths).all
            if !self.periods.isEmpty { periods = periods.filter(self.periods.contains) }
            let locale = PackLocale(parsing: unit.config.locale ?? workspace.site.locale) ?? .default
            let findings = found.hasErrors ? [] : DataQuality.check(data, dictionary: compiled.dictionary, tolerance: unit.config.tolerance)
            diagnostics += findings.map(\.diagnostic)
            // A note dated after the last month of data belongs to no pack: most likely a typo.
            if let last = data.monthsWithData.last {
                for note in unit.notes where note.period.lastMonth > last {
                    diagnostics.append(
                        .warning(
                            "note is for \(note.period), after the unit's last month of data (\(last)): it appears in no pack",
                            at: note.periodLocation))
                }
            }
            models.append(
                UnitModel(unit: unit, metrics: metrics, periods: periods, locale: locale, playbooks: playbooks, findings: findings))
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.sortedForReport()) }
        return (models, diagnostics)
    }
}
