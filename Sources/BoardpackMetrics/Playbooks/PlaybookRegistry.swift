import BoardpackContent
import BoardpackSupport

/// Every playbook a build knows: the built-ins, then `content/playbooks/*.yml` overriding or
/// adding KPIs and rules by id (SPEC §2, §5.1).
///
/// An override names an existing id and gives only the fields it changes; a new id must give
/// every required field. A sector file may also override a `common` rule or KPI: the change then
/// applies to that sector's units only.
package struct PlaybookRegistry: Sendable {
    /// Complete rules per playbook, in definition order.
    package private(set) var rules: [PlaybookSector: [PlaybookRule]] = [:]
    /// Complete KPIs per playbook, in definition order.
    package private(set) var kpis: [PlaybookSector: [PlaybookKPI]] = [:]

    /// An empty registry (no built-ins).
    package init() {}

    /// The built-in playbooks followed by `contentFiles` (in the order given, normally file-name
    /// order), with every problem found. Files with errors are skipped whole.
    package static func load(contentFiles: [TextFile] = []) -> (PlaybookRegistry, [Diagnostic]) {
        var registry = PlaybookRegistry()
        var diagnostics: [Diagnostic] = []
        for source in BuiltInPlaybook.sources + contentFiles {
            switch PlaybookFile.parse(source.text, path: source.path) {
            case .failure(let error): diagnostics += error.diagnostics
            case .success(let file): diagnostics += registry.apply(file)
            }
        }
        return (registry, diagnostics)
    }

    /// Merges one parsed file into the registry; returns entries that could not be completed.
    @discardableResult
    package mutating func apply(_ file: PlaybookFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in file.kpis {
            let base = kpi(entry.id, in: file.sector)
            switch PlaybookMerge.kpi(entry, over: base, sector: file.sector) {
            case .success(let kpi): set(kpi, in: file.sector)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        for entry in file.rules {
            let base = rule(entry.id, in: file.sector)
            switch PlaybookMerge.rule(entry, over: base, sector: file.sector) {
            case .success(let rule): set(rule, in: file.sector)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// The playbook for a unit of `sector`: common KPIs and rules (replaced in place where the
    /// sector overrides them), then the sector's own, in definition order.
    package func playbook(for sector: PlaybookSector) -> Playbook {
        guard sector != .common else { return Playbook(sector: .common, kpis: kpis[.common] ?? [], rules: rules[.common] ?? []) }
        return Playbook(
            sector: sector,
            kpis: Self.layer(kpis[.common] ?? [], kpis[sector] ?? [], id: \.id),
            rules: Self.layer(rules[.common] ?? [], rules[sector] ?? [], id: \.id))
    }

    /// ``playbook(for:)`` by sector name (`unit.yml`'s `sector`); nil for an unknown name.
    package func playbook(forSector name: String) -> Playbook? {
        PlaybookSector(rawValue: name).map { playbook(for: $0) }
    }

    /// The rule `id` as `sector` sees it: its own, else the common one.
    func rule(_ id: String, in sector: PlaybookSector) -> PlaybookRule? {
        rules[sector]?.first { $0.id == id } ?? rules[.common]?.first { $0.id == id }
    }

    /// The KPI `id` as `sector` sees it: its own, else the common one.
    func kpi(_ id: String, in sector: PlaybookSector) -> PlaybookKPI? {
        kpis[sector]?.first { $0.id == id } ?? kpis[.common]?.first { $0.id == id }
    }

    private mutating func set(_ rule: PlaybookRule, in sector: PlaybookSector) {
        var list = rules[sector] ?? []
        if let i = list.firstIndex(where: { $0.id == rule.id }) { list[i] = rule } else { list.append(rule) }
        rules[sector] = list
    }

    private mutating func set(_ kpi: PlaybookKPI, in sector: PlaybookSector) {
        var list = kpis[sector] ?? []
        if let i = list.firstIndex(where: { $0.id == kpi.id }) { list[i] = kpi } else { list.append(kpi) }
        kpis[sector] = list
    }

    /// `base` with items of `top` replacing those of the same id in place, then the rest of `top`.
    static func layer<T>(_ base: [T], _ top: [T], id: (T) -> String) -> [T] {
        let topByID = Dictionary(top.map { (id($0), $0) }, uniquingKeysWith: { _, last in last })
        let baseIDs = Set(base.map(id))
        return base.map { topByID[id($0)] ?? $0 } + top.filter { !baseIDs.contains(id($0)) }
    }
}
