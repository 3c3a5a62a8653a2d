import BoardpackMetrics

/// Governance: the leadership-model vote with each factor's vote and reason, and budget
/// utilisation.
enum GovernanceSection {
    static func modelName(_ model: LeadershipModel, _ ctx: PackContext) -> String {
        switch model {
        case .consultant: ctx.locale.label("strategic_consultant")
        case .fractional: ctx.locale.label("fractional_cmo")
        case .inHouse: ctx.locale.label("in_house_cmo")
        }
    }

    static func render(_ ctx: PackContext, vote: LeadershipVote) -> SectionOutput {
        let f = ctx.formatter
        var html = HTMLBuffer()
        html += "<h3>\(ctx.locale.label("leadership_model"))</h3>\n"
        if let model = vote.recommended {
            let tie =
                vote.tieBroken
                ? ctx.locale.label("a_tie_decided_by_the") : ""
            html +=
                "<p class=\"verdict\">\(ctx.locale.label("recommended")): <strong>\(modelName(model, ctx))</strong>\(tie)</p>\n"
        }
        var rows: [[PackHTML.Cell]] = []
        for factor in vote.factors {
            var name: String
            let input: String
            switch factor.id {
            case "digital_maturity":
                name = ctx.locale.label("digital_maturity")
                input = factor.input.map { ctx.locale.label("input_\($0)") } ?? "—"
            case "annual_marketing_cost":
                name = ctx.locale.label("annual_marketing_cost")
                if ctx.unit.config.currency != "EUR" {
                    // The seeds' thresholds are in euros; no exchange rate is applied.
                    name += ctx.locale.label("thresholds_50k_150k_applied_as", ["currency": "\(ctx.unit.config.currency)"])
                }
                input = vote.annualMarketingCost.map { f.currency($0, code: ctx.unit.config.currency, fractionDigits: 0) } ?? f.notAvailable
            case "org_complexity":
                name = ctx.locale.label("organisation")
                input =
                    factor.input.map {
                        $0 == "lean"
                            ? ctx.locale.label("lean") : ctx.locale.label("multi_department")
                    } ?? "—"
            default:
                name = ctx.locale.label("growth_objective")
                input =
                    factor.input.map {
                        $0 == "validation"
                            ? ctx.locale.label("validation") : ctx.locale.label("expansion")
                    } ?? "—"
            }
            let votes =
                factor.models.isEmpty
                ? ctx.locale.label("abstains_input_not_available")
                : factor.models.map {
                    "\(modelName($0, ctx)) \(f.decimal(1 / Double(factor.models.count), fractionDigits: factor.models.count == 1 ? 0 : 1))"
                }.joined(separator: ", ")
            rows.append([.text(name), .text(input), .text(votes)])
        }
        PackHTML.table(
            into: &html,
            headers: [.text(ctx.locale.label("factor")), .text(ctx.locale.label("input")), .text(ctx.locale.label("vote"))],
            rows: rows, classes: "data governance")
        let totals = LeadershipModel.allCases.map { model -> [PackHTML.Cell] in
            [.text(modelName(model, ctx)), .text(f.decimal(vote.votes[model] ?? 0, fractionDigits: 1))]
        }
        PackHTML.table(
            into: &html, headers: [.text(ctx.locale.label("model")), .text(ctx.locale.label("votes"))],
            rows: totals, numeric: [1], classes: "data votes")
        if let budget = ctx.report.budget {
            html += "<h3>\(ctx.label("budget_title"))</h3>\n"
            html += BudgetTable.render(ctx, budget)
        }
        html += "<h3>\(ctx.locale.label("budget_utilisation"))</h3>\n"
        if let r = ctx.pack[kpi: "budget_utilisation"] {
            html +=
                "<p>\(ctx.kpiLabel("budget_utilisation")): <strong>\(ctx.format("budget_utilisation", r.value))</strong> "
            html += "\(PackHTML.statusBadge(ctx, r))"
            if let target = r.target {
                html +=
                    " <span class=\"target\">(\(ctx.locale.label("target_word")) \(ctx.formatTarget("budget_utilisation", target)))</span>"
            }
            html += "</p>\n"
        }
        return SectionOutput(html: html)
    }
}
