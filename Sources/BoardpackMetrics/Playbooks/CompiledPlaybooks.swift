import BoardpackContent
import BoardpackSupport

/// The sector playbooks ready to run: built-ins with `content/playbooks/*.yml` applied, every
/// rule condition parsed against the final KPI dictionary.
package struct CompiledPlaybooks: Sendable {
    /// Sector name (`retail`, …) → its playbook (common + sector rules).
    package var playbooks: [String: Playbook]
    /// Rule condition per sector and rule id.
    var conditions: [String: [String: RuleCondition]]
    /// KPIs computed across a dimension's values (e.g. `qspv_spread`), by id.
    var networkKPIs: [String: NetworkAggregate]
    /// Sector KPIs with a formula, as dictionary entries.
    var sectorKPIs: [KPIDefinition]

    /// Loads the playbooks and turns their formula KPIs into dictionary entries (step one:
    /// before the dictionary is compiled).
    package static func load(contentFiles: [TextFile]) -> (CompiledPlaybooks, [Diagnostic]) {
        let (registry, diagnostics) = PlaybookRegistry.load(contentFiles: contentFiles)
        var playbooks: [String: Playbook] = [:]
        var network: [String: NetworkAggregate] = [:]
        var kpis: [KPIDefinition] = []
        for sector in PlaybookSector.unitSectors {
            let playbook = registry.playbook(for: sector)
            playbooks[sector.rawValue] = playbook
            for k in playbook.kpis where !kpis.contains(where: { $0.id == k.id }) && network[k.id] == nil {
                if let aggregate = k.network {
                    network[k.id] = aggregate
                } else if let formula = k.formula {
                    let sectors = playbook.kpis.contains { $0.id == k.id && $0.sector == .common } ? nil : [k.sector.rawValue]
                    kpis.append(
                        KPIDefinition(
                            id: k.id, label: k.label, formula: formula, formulaLocation: k.formulaLocation, unit: k.unit,
                            better: k.better, level: k.level, definition: k.definition, sectors: sectors))
                }
            }
        }
        return (CompiledPlaybooks(playbooks: playbooks, conditions: [:], networkKPIs: network, sectorKPIs: kpis), diagnostics)
    }

    /// Step two: parses every rule condition against the compiled dictionary and checks the
    /// message placeholders, reporting each problem at its place in the playbook file.
    mutating func compile(with metrics: CompiledMetrics) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let extra = Set(networkKPIs.keys)
        var seen = Set<String>()
        for (sector, playbook) in playbooks.sorted(by: { $0.key < $1.key }) {
            var parsed: [String: RuleCondition] = [:]
            let kpis = Set(metrics.dictionary.kpis.keys).union(extra)
            for rule in playbook.rules {
                for id in rule.judges ?? [] where !kpis.contains(id) {
                    let hint = NameSuggestion.nearest(to: id, among: kpis).map { "did you mean `\($0)`?" }
                    let d = Diagnostic.error(
                        "rule `\(rule.id)` judges `\(id)`, which is not a KPI", at: rule.judgesLocation ?? rule.idLocation, hint: hint)
                    if seen.insert(d.description).inserted { diagnostics.append(d) }
                }
                switch metrics.parseExpression(rule.when, at: rule.whenLocation, extraIDs: extra) {
                case let .success(expr):
                    parsed[rule.id] = RuleCondition(
                        expr, judges: rule.judges, isKPI: kpis.contains,
                        isRatio: { metrics.dictionary.kpis[$0]?.unit == .ratio })
                case let .failure(error):
                    // Common rules appear in every sector: report each problem once.
                    for d in error.diagnostics where seen.insert(d.description).inserted { diagnostics.append(d) }
                }
            }
            conditions[sector] = parsed
            let known = metrics.dictionary.knownIDs.union(extra).union(rulesDimensions(playbook)).union([PlaybookRun.streakPlaceholder])
            for d in playbook.placeholderDiagnostics(knownIDs: known) where seen.insert(d.description).inserted { diagnostics.append(d) }
        }
        return diagnostics
    }

    /// KPI id → the numbers the rules of `sector` compare it with.
    func thresholds(sector: String) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for condition in (conditions[sector] ?? [:]).values {
            for (id, values) in condition.thresholds { out[id, default: []] += values }
        }
        return out
    }

    func rulesDimensions(_ playbook: Playbook) -> Set<String> { Set(playbook.rules.compactMap(\.forEach)) }
}
