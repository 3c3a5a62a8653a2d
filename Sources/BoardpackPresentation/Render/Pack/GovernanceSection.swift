import BoardpackMetrics

/// Governance: the leadership-model vote with each factor's vote and reason, and budget
/// utilisation.
enum GovernanceSection {
    static func modelName(_ model: LeadershipModel, _ ctx: PackContext) -> String {
        switch model {
        case .consultant: ctx.locale.text(en: "Strategic consultant", it: "Consulente strategico")
        case .fractional: ctx.locale.text(en: "Fractional CMO", it: "CMO frazionale")
        case .inHouse: ctx.locale.text(en: "In-house CMO", it: "CMO interno")
        }
    }

    static func render(_ ctx: PackContext, vote: LeadershipVote) -> SectionOutput {
        let f = ctx.formatter
        var html = HTMLBuffer()
        html += "<h3>\(ctx.locale.text(en: "Leadership model", it: "Modello di guida del marketing"))</h3>\n"
        if let model = vote.recommended {
            let tie =
                vote.tieBroken
                ? ctx.locale.text(en: " (a tie, decided by the budget factor)", it: " (parità, decisa dal fattore budget)") : ""
            html +=
                "<p class=\"verdict\">\(ctx.locale.text(en: "Recommended", it: "Raccomandato")): <strong>\(escapeHTML(modelName(model, ctx)))</strong>\(tie)</p>\n"
        }
        var rows: [[String]] = []
        for factor in vote.factors {
            var name: String
            let input: String
            switch factor.id {
            case "digital_maturity":
                name = ctx.locale.text(en: "Digital maturity", it: "Maturità digitale")
                input = factor.input.map { ctx.locale.text(en: $0, it: $0 == "low" ? "bassa" : "alta") } ?? "—"
            case "annual_marketing_cost":
                name = ctx.locale.text(en: "Annual marketing cost", it: "Costo marketing annuo")
                if ctx.unit.config.currency != "EUR" {
                    // The seeds' thresholds are in euros; no exchange rate is applied.
                    name += ctx.locale.text(
                        en: " (thresholds €50k/€150k applied as \(ctx.unit.config.currency))",
                        it: " (soglie 50k/150k € applicate in \(ctx.unit.config.currency))")
                }
                input = vote.annualMarketingCost.map { f.currency($0, code: ctx.unit.config.currency, fractionDigits: 0) } ?? f.notAvailable
            case "org_complexity":
                name = ctx.locale.text(en: "Organisation", it: "Organizzazione")
                input =
                    factor.input.map {
                        $0 == "lean"
                            ? ctx.locale.text(en: "lean", it: "snella") : ctx.locale.text(en: "multi-department", it: "multireparto")
                    } ?? "—"
            default:
                name = ctx.locale.text(en: "Growth objective", it: "Obiettivo di crescita")
                input =
                    factor.input.map {
                        $0 == "validation"
                            ? ctx.locale.text(en: "validation", it: "validazione") : ctx.locale.text(en: "expansion", it: "espansione")
                    } ?? "—"
            }
            let votes =
                factor.models.isEmpty
                ? ctx.locale.text(en: "abstains (input not available)", it: "si astiene (dato non disponibile)")
                : factor.models.map {
                    "\(modelName($0, ctx)) \(f.decimal(1 / Double(factor.models.count), fractionDigits: factor.models.count == 1 ? 0 : 1))"
                }.joined(separator: ", ")
            rows.append([escapeHTML(name), escapeHTML(input), escapeHTML(votes)])
        }
        PackHTML.table(
            into: &html,
            headers: [
                ctx.locale.text(en: "Factor", it: "Fattore"), ctx.locale.text(en: "Input", it: "Dato"),
                ctx.locale.text(en: "Vote", it: "Voto"),
            ],
            rows: rows, classes: "data governance")
        let totals = LeadershipModel.allCases.map { model in
            [escapeHTML(modelName(model, ctx)), f.decimal(vote.votes[model] ?? 0, fractionDigits: 1)]
        }
        PackHTML.table(
            into: &html, headers: [ctx.locale.text(en: "Model", it: "Modello"), ctx.locale.text(en: "Votes", it: "Voti")],
            rows: totals, numeric: [1], classes: "data votes")
        html += "<h3>\(ctx.locale.text(en: "Budget utilisation", it: "Utilizzo del budget"))</h3>\n"
        if let r = ctx.pack[kpi: "budget_utilisation"] {
            html +=
                "<p>\(escapeHTML(ctx.kpiLabel("budget_utilisation"))): <strong>\(escapeHTML(ctx.format("budget_utilisation", r.value)))</strong> "
            html += "\(PackHTML.statusBadge(ctx, r.status))</p>\n"
        }
        return SectionOutput(html: html)
    }
}
