import BoardpackContent
import BoardpackMetrics

/// The front sheet (SPEC §6 v2), right after the cover, one printed page: what the board is
/// asked to decide and the actions due before the next pack; where the unit stands (every red
/// and amber KPI and playbook finding, each with its one-line reason); the budget; the top
/// risks with their owners.
enum FrontSheet {
    static func render(_ ctx: PackContext, notes: [Note]) -> HTMLBuffer {
        var html = HTMLBuffer()
        html += "<div class=\"front-sheet\">\n"
        let last = ctx.period.lastMonth
        html +=
            "<p class=\"data-to\">\(ctx.label("data_to")) \(ctx.formatter.date(year: last.year, month: last.month, day: last.dayCount))</p>\n"
        decisions(into: &html, ctx, notes: notes)
        standing(into: &html, ctx)
        if let budget = ctx.report.budget {
            html += "<h3>\(ctx.label("budget_title"))</h3>\n"
            html += BudgetTable.render(ctx, budget)
        }
        risks(into: &html, ctx, notes: notes)
        html += "</div>\n"
        return html
    }

    /// The papers that ask for a decision, then the actions due before the next pack.
    static func decisions(into html: inout HTMLBuffer, _ ctx: PackContext, notes: [Note]) {
        html += "<h3>\(ctx.label("decisions_requested"))</h3>\n"
        let papers = notes.filter { $0.purpose == .decision }
        if papers.isEmpty {
            html += "<p class=\"empty\">\(ctx.label("no_decision_requested"))</p>\n"
        } else {
            html += "<ul class=\"asks\">\n"
            for note in papers {
                html += "<li><strong>\(note.title)</strong>"
                if let ask = note.ask { html += " — \(ask)" }
                if let owner = note.owner { html += " <span class=\"owner\">(\(ctx.label("action_owner")): \(owner))</span>" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        // Due by the end of the next period: what the board will hear about next time.
        let next = ctx.period.advanced(by: 1).lastMonth
        let horizon = ISODate(month: next, day: next.dayCount)
        let due = ctx.report.actions.filter { a in a.status != .done && a.due.map { $0 <= horizon } ?? false }
        guard !due.isEmpty else { return }
        html += "<p class=\"due-title\"><strong>\(ctx.label("actions_due_before_next"))</strong></p>\n<ul class=\"due\">\n"
        for a in due {
            html += "<li>\(a.text)"
            var facts: [String] = []
            if let owner = a.owner { facts.append(owner) }
            if let date = a.due { facts.append(ctx.formatter.date(year: date.month.year, month: date.month.month, day: date.day)) }
            if !facts.isEmpty { html += " <span class=\"owner\">(\(facts.joined(separator: ", ")))</span>" }
            if a.status == .overdue { html += " <span class=\"badge action-overdue status-red\">\(ctx.label("task_overdue"))</span>" }
            html += "</li>\n"
        }
        html += "</ul>\n"
    }

    /// Every red and amber finding: the playbook's shown messages, each at the worse of its
    /// status and its KPIs' (a KPI the playbook decided speaks its word, "act now"); then each
    /// red or amber headline or sector KPI no shown message speaks of as badly as the KPI
    /// stands, with its miss against target. Red first.
    static func standing(into html: inout HTMLBuffer, _ ctx: PackContext) {
        html += "<h3>\(ctx.label("where_we_stand"))</h3>\n"
        // Only red and amber speak here: how bad, for comparing them.
        func rank(_ s: KPIStatus) -> Int { s == .red || s == .amber ? 4 - s.severity : 0 }
        var items: [(status: KPIStatus, html: HTMLBuffer)] = []
        let shown = (ctx.report.playbook?.results ?? []).filter { $0.status == .red || $0.status == .amber }
        // Per KPI, the worst status a shown message gives it.
        var spoken: [String: KPIStatus] = [:]
        for r in shown {
            let ruleStatus: KPIStatus = r.status == .red ? .red : .amber
            let judged = r.kpis.compactMap { ctx.pack[kpi: $0] }
            let worst = judged.max { rank($0.status) < rank($1.status) }
            let status = worst.map { rank($0.status) > rank(ruleStatus) ? $0.status : ruleStatus } ?? ruleStatus
            for id in r.kpis where rank(spoken[id] ?? .none) < rank(status) { spoken[id] = status }
            let badge: HTMLBuffer
            if let worst, rank(worst.status) >= rank(ruleStatus) {
                badge = PackHTML.statusBadge(ctx, worst)
            } else {
                badge = PackHTML.statusBadge(ctx, status, word: PlaybookSection.ruleWord(r.status, ctx))
            }
            let text = r.message?.text(for: ctx.locale.rawValue) ?? ""
            items.append((status, "<li class=\"\(PackHTML.statusClass(status))\" data-rule=\"\(r.ruleID)\">\(badge) \(text)</li>\n"))
        }
        let unit = ctx.report.unit
        let sector = Set(unit.applicableKPIs.filter { $0.sectors != nil }.map(\.id))
        let ids =
            unit.unit.config.headline
            + unit.applicableKPIs.map(\.id).filter { sector.contains($0) && !unit.unit.config.headline.contains($0) }
        for id in ids {
            guard let r = ctx.pack[kpi: id], r.status == .red || r.status == .amber, rank(spoken[id] ?? .none) < rank(r.status) else {
                continue
            }
            var line: HTMLBuffer = "<li class=\"\(PackHTML.statusClass(r.status))\" data-kpi=\"\(id)\">\(PackHTML.statusBadge(ctx, r)) "
            line += "<strong>\(ctx.kpiLabel(id))</strong> \(ctx.format(id, r.value))"
            if let miss = miss(ctx, id, r) { line += " — \(miss)" }
            line += "</li>\n"
            items.append((r.status, line))
        }
        guard !items.isEmpty else {
            html += "<p class=\"empty\">\(ctx.label("nothing_red_or_amber"))</p>\n"
            return
        }
        html += "<ul class=\"standing\">\n"
        for item in items.enumerated().sorted(by: {
            ($0.element.status == .red ? 0 : 1, $0.offset) < ($1.element.status == .red ? 0 : 1, $1.offset)
        }) {
            html += item.element.html
        }
        html += "</ul>\n"
    }

    /// The pack's `risks` notes: their titles and owners.
    static func risks(into html: inout HTMLBuffer, _ ctx: PackContext, notes: [Note]) {
        let risks = notes.filter { $0.section == .risks }
        guard !risks.isEmpty else { return }
        html += "<h3>\(ctx.label("top_risks"))</h3>\n<ul class=\"risks\">\n"
        for note in risks {
            html += "<li>\(note.title)"
            if let owner = note.owner { html += " <span class=\"owner\">(\(ctx.label("action_owner")): \(owner))</span>" }
            html += "</li>\n"
        }
        html += "</ul>\n"
    }

    /// How far a KPI is from its target: `0.6% above target (€38.00)`, `8.8 pp below target
    /// (30.0%)`, or outside a band.
    static func miss(_ ctx: PackContext, _ id: String, _ r: KPIResult) -> String? {
        guard let value = r.value, let target = r.target else { return nil }
        switch target {
        case .point(let t):
            let difference = value - t
            guard difference != 0, t != 0 else { return nil }
            let amount =
                ctx.kpi(id)?.unit == .ratio
                ? String(ctx.formatter.percentagePoints(abs(difference)).drop { $0 == "+" })
                : ctx.formatter.percent(abs(difference) / abs(t))
            return ctx.label(difference > 0 ? "miss_above" : "miss_below", ["miss": amount, "target": ctx.formatTarget(id, target)])
        case .band:
            return ctx.label("miss_band", ["target": ctx.formatTarget(id, target)])
        }
    }
}
