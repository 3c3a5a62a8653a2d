import BoardpackContent
import BoardpackFormat

/// One voice (SPEC §5.5): each KPI has one status per pack, which every part of the pack
/// shows, and no shown verdict contradicts it.
///
/// 1. A KPI starts from its target status (SPEC §3.4 rule 7).
/// 2. Every shown red or amber rule that judges it can only make it worse. In a quarterly
///    pack that includes a rule shown for one of the quarter's months: a bad month is not
///    averaged away, and the tile says so beside it.
/// 3. A strength (a green rule) is shown only when no KPI it judges is red, amber or n/a and
///    no shown red or amber rule judges any of them (network KPIs such as `qspv_spread`
///    included); a KPI without target then takes green. Otherwise it is suppressed.
/// 4. So two rules judging one KPI in opposite directions are never both shown.
/// 5. Advice that asks for more budget is suppressed while budget utilisation or ROMI is red.
///
/// Results for one `for_each` value judge that value's KPI, not the unit's: they take no part.
package enum OneVoice {
    /// The KPIs whose red status silences a request for more budget.
    static let budgetGuards = ["budget_utilisation", "romi"]

    /// Weighs `run`'s results into the statuses of `pack`, and suppresses the results the
    /// statuses contradict. `rules` are the playbook's rules; `labels` a KPI's label per language.
    package static func weigh(
        _ pack: inout PackMetrics, _ run: inout PlaybookRun, rules: [PlaybookRule], labels: (String) -> PlaybookText
    ) {
        let asksForBudget = Set(rules.filter(\.asksForBudget).map(\.id))
        let unitLevel = run.results.indices.filter { run.results[$0].subject == nil }
        /// The worst shown warning on each KPI a unit-level red or amber result judges.
        var warned: [String: KPIStatus] = [:]
        func worsen(with result: RuleResult) {
            let status = KPIStatus(rule: result.status)
            for id in result.kpis {
                warned[id] = warned[id]?.worse(status) ?? status
                guard var r = pack[kpi: id] else { continue }
                r.status = r.status.worse(status)
                pack[kpi: id] = r
            }
        }
        func isWarning(_ r: RuleResult) -> Bool { r.status == .red || r.status == .amber }
        // 2: red and amber verdicts, those asking for budget last (they may yet be suppressed).
        for i in unitLevel where isWarning(run.results[i]) && !asksForBudget.contains(run.results[i].ruleID) {
            worsen(with: run.results[i])
        }
        // 5: a request for budget while the budget or the return is red.
        let guardRed = budgetGuards.compactMap { pack[kpi: $0] }.first { $0.status == .red }
        for i in run.results.indices where run.results[i].isShown && asksForBudget.contains(run.results[i].ruleID) {
            if let guardRed {
                suppress(&run.results[i], because: "suppressed_asks_for_budget", kpi: guardRed.id, word: guardRed.statusWordKey, labels)
            } else if run.results[i].subject == nil && isWarning(run.results[i]) {
                worsen(with: run.results[i])
            }
        }
        // 3: strengths stand only on KPIs that agree.
        for i in unitLevel where run.results[i].status == .green {
            for id in run.results[i].kpis {
                if let r = pack[kpi: id], r.status != .green && r.status != .none {
                    suppress(&run.results[i], because: "suppressed_kpi_status", kpi: id, word: r.statusWordKey, labels)
                    break
                }
                if let status = warned[id] {
                    suppress(&run.results[i], because: "suppressed_kpi_status", kpi: id, word: KPIResult.ruleWordKey(status), labels)
                    break
                }
            }
        }
        // A strength on the quarter itself makes a KPI without target green.
        for i in unitLevel where run.results[i].status == .green && !run.results[i].onlyInMonths {
            for id in run.results[i].kpis {
                guard var r = pack[kpi: id], r.status == .none else { continue }
                r.status = .green
                pack[kpi: id] = r
            }
        }
    }

    /// Marks a shown result suppressed, with the reason in each language: the KPI and the word
    /// its badge shows ("ROMI: off target").
    private static func suppress(
        _ result: inout RuleResult, because key: String, kpi: String, word: String, _ labels: (String) -> PlaybookText
    ) {
        let label = labels(kpi)
        func reason(_ locale: PackLocale, _ label: String) -> String {
            locale.label(key, ["kpi": label, "status": locale.label(word)])
        }
        result.suppressedStatus = result.status
        result.status = .suppressed
        result.suppressedBecause = PlaybookText(en: reason(.enGB, label.en), it: reason(.itIT, label.it))
    }
}

extension KPIResult {
    /// The label key of the word the KPI's status badge shows. A status the target decided
    /// speaks of the target ("off target", "on target"); one the playbook decided, on a KPI
    /// without target or worse than its target status, speaks as the playbook does ("act now",
    /// "strength").
    package var statusWordKey: String {
        switch status {
        case .green where target != nil && targetStatus == .green: "on_target"
        case .red where target != nil && targetStatus == .red: "off_target"
        case .green, .red, .amber: Self.ruleWordKey(status)
        case .na: "not_available"
        case .none: "no_target"
        }
    }

    /// The playbook's word for a status: "act now", "watch", "strength".
    static func ruleWordKey(_ status: KPIStatus) -> String {
        switch status {
        case .red: "act_now"
        case .amber: "watch"
        default: "strength"
        }
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
