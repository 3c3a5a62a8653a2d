import BoardpackSupport

/// The playbook a unit is judged by: the common KPIs and rules plus its sector's (SPEC §5).
package struct Playbook: Sendable {
    /// The unit's sector (`common` only for the common playbook alone).
    package var sector: PlaybookSector
    /// Sector KPIs the metrics dictionary must add, in definition order.
    package var kpis: [PlaybookKPI]
    /// Rules in definition order: common first, then the sector's.
    package var rules: [PlaybookRule]

    /// Creates a playbook.
    package init(sector: PlaybookSector, kpis: [PlaybookKPI], rules: [PlaybookRule]) {
        self.sector = sector
        self.kpis = kpis
        self.rules = rules
    }

    /// Unknown message placeholders of every rule. `knownIDs` are the dictionary's measures and
    /// KPIs; this playbook's own KPI ids are added.
    func placeholderDiagnostics(knownIDs: Set<String>) -> [Diagnostic] {
        let known = knownIDs.union(kpis.map(\.id))
        return rules.flatMap { $0.placeholderDiagnostics(knownIDs: known) }
    }

    /// Every rule's results, in rule order. `subjects` gives a dimension's values in the period.
    func evaluate(
        subjects: (String) -> [String], subjectName: (String) -> String = { $0 },
        condition: (PlaybookRule, String?) -> Bool?,
        value: (PlaybookRule, String, String?) -> String
    ) -> [RuleResult] {
        rules.flatMap { rule in
            rule.evaluate(subjects: rule.forEach.map(subjects) ?? [], subjectName: subjectName, condition: condition) {
                value(rule, $0, $1)
            }
        }
    }
}
