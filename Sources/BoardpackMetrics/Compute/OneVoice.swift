import BoardpackContent
import BoardpackFormat

/// One voice (SPEC §5.5): each KPI has one status per pack, which every part of the pack
/// shows, and no shown verdict contradicts it.
///
/// 1. A KPI starts from its target status (SPEC §3.4 rule 7).
/// 2. Every shown red or amber rule that judges it can only make it worse.
/// 3. A strength (a green rule) is shown only when every KPI it judges is green, or has no
///    target and no red or amber rule; those then take green. Otherwise it is suppressed.
/// 4. So two rules judging one KPI in opposite directions are never both shown.
/// 5. Advice that asks for more budget is suppressed while budget utilisation or ROMI is red.
///
/// Results for one `for_each` value judge that value's KPI, not the unit's: they take no part.
/// In a quarterly pack, a rule shown for some of its months only speaks of those months: it
/// leaves the quarter's statuses as they are, and a strength among them is still set aside
/// when the quarter's KPI is red or amber.
package enum OneVoice {
    /// The KPIs whose red status silences a request for more budget.
    static let budgetGuards = ["budget_utilisation", "romi"]

    /// Weighs `run`'s results into the statuses of `pack`, and suppresses the results the
    /// statuses contradict. `rules` are the playbook's rules; `labels` a KPI's label per language.
    package static func weigh(
        _ pack: inout PackMetrics, _ run: inout PlaybookRun, rules: [PlaybookRule], labels: (String) -> PlaybookText
    ) {
        let asksForBudget = Set(rules.filter(\.asksForBudget).map(\.id))
        func worsen(with result: RuleResult) {
            let status = KPIStatus(rule: result.status)
            for id in result.kpis {
                guard var r = pack[kpi: id] else { continue }
                r.status = r.status.worse(status)
                pack[kpi: id] = r
            }
        }
        let unitLevel = run.results.indices.filter { run.results[$0].subject == nil }
        let onQuarter = unitLevel.filter { !run.results[$0].onlyInMonths }
        // 2: red and amber verdicts, those asking for budget last (they may yet be suppressed).
        for i in onQuarter where run.results[i].status == .red || run.results[i].status == .amber {
            if !asksForBudget.contains(run.results[i].ruleID) { worsen(with: run.results[i]) }
        }
        // 5: a request for budget while the budget or the return is red.
        let guardRed = budgetGuards.first { pack[kpi: $0]?.status == .red }
        for i in run.results.indices where run.results[i].isShown && asksForBudget.contains(run.results[i].ruleID) {
            if let guardRed {
                suppress(&run.results[i], because: "suppressed_asks_for_budget", kpi: guardRed, status: .red, labels: labels)
            } else if run.results[i].subject == nil && !run.results[i].onlyInMonths && run.results[i].status != .green {
                worsen(with: run.results[i])
            }
        }
        // 3: strengths stand only on KPIs that agree.
        for i in unitLevel where run.results[i].status == .green {
            let judged = run.results[i].kpis.compactMap { pack[kpi: $0] }
            if let against = judged.first(where: { $0.status != .green && $0.status != .none }) {
                suppress(&run.results[i], because: "suppressed_kpi_status", kpi: against.id, status: against.status, labels: labels)
            }
        }
        for i in onQuarter where run.results[i].status == .green {
            for id in run.results[i].kpis {
                guard var r = pack[kpi: id], r.status == .none else { continue }
                r.status = .green
                pack[kpi: id] = r
            }
        }
    }

    /// Marks a shown result suppressed, with the reason in each language.
    private static func suppress(
        _ result: inout RuleResult, because key: String, kpi: String, status: KPIStatus, labels: (String) -> PlaybookText
    ) {
        let label = labels(kpi)
        func reason(_ locale: PackLocale, _ label: String) -> String {
            locale.label(key, ["kpi": label, "status": locale.label("status_is_\(status.rawValue)")])
        }
        result.suppressedStatus = result.status
        result.status = .suppressed
        result.suppressedBecause = PlaybookText(en: reason(.enGB, label.en), it: reason(.itIT, label.it))
    }
}

extension KPIStatus {
    /// The status a shown rule result gives the KPIs it judges.
    init(rule status: RuleResult.Status) {
        switch status {
        case .red: self = .red
        case .amber: self = .amber
        case .green: self = .green
        case .na: self = .na
        case .ok, .suppressed: self = .none
        }
    }
}
