import BoardpackContent
import BoardpackMetrics

/// The sector playbook: sector KPIs, then every rule's result — fired rules with their
/// message and action, then the checks that passed and those lacking data.
enum PlaybookSection {
    static func render(_ ctx: PackContext, run: PlaybookRun?) -> SectionOutput {
        guard let run else { return SectionOutput() }
        var html = HTMLBuffer()
        let sectorIDs = ctx.report.unit.applicableKPIs.filter { $0.sectors != nil }.map(\.id)
        if !sectorIDs.isEmpty || !run.networkValues.isEmpty {
            html += "<h3>\(ctx.locale.label("sector_kpis"))</h3>\n"
            PerformanceSection.kpiTable(into: &html, ctx, ids: sectorIDs, caption: nil)
            for (id, value) in run.networkValues.sorted(by: { $0.key < $1.key }) {
                html +=
                    "<p>\(networkLabel(id, ctx)): <strong>\(ctx.format(id, value))</strong></p>\n"
            }
        }
        let fired = run.results.filter(\.isShown)
            .sorted { ($0.status, $0.ruleID, $0.subject ?? "") < ($1.status, $1.ruleID, $1.subject ?? "") }
        html += "<h3>\(ctx.locale.label("what_the_playbook_says"))</h3>\n"
        if fired.isEmpty {
            html +=
                "<p class=\"empty\">\(ctx.locale.label("no_rule_fired_this_period"))</p>\n"
        } else {
            html += "<ul class=\"rules\">\n"
            for r in fired {
                let status = KPIStatus(rawValue: r.status.rawValue) ?? .none
                html +=
                    "<li class=\"rule \(PackHTML.statusClass(status))\" data-rule=\"\(r.ruleID)\">\(PackHTML.statusBadge(ctx, status, word: ruleWord(r.status, ctx))) "
                html += "<span class=\"rule-message\">\(r.message?.text(for: ctx.locale.rawValue) ?? r.ruleID)</span>"
                if let action = r.action?.text(for: ctx.locale.rawValue) {
                    html +=
                        "<br><span class=\"rule-action\"><strong>\(ctx.locale.label("rule_action")):</strong> \(action)</span>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        // The checks that did not speak are counted in the appendix, not listed here: a board
        // reads what fired (SPEC §6 v2, board length).
        return SectionOutput(html: html)
    }

    /// Rules speak of what to do, not of targets: "act", "watch", "strength".
    static func ruleWord(_ status: RuleResult.Status, _ ctx: PackContext) -> String {
        switch status {
        case .red: ctx.locale.label("act_now")
        case .amber: ctx.locale.label("watch")
        case .green: ctx.locale.label("strength")
        case .na: ctx.formatter.notAvailable
        case .ok: ctx.locale.label("not_triggered")
        case .suppressed: ctx.locale.label("set_aside")
        }
    }

    static func networkLabel(_ id: String, _ ctx: PackContext) -> String {
        let label = ctx.workspaceKPI(id) ?? id
        return label
    }
}

extension PackContext {
    /// The label of a playbook KPI that is not in the dictionary (a network KPI).
    func workspaceKPI(_ id: String) -> String? {
        report.unit.playbookKPILabels[id]?.text(for: locale.rawValue)
    }
}
