/// The judgement members of `metrics.json` (SPEC §3.5): `playbook` and `governance`.
enum PackJSON {
    /// Every rule result in rule order: rule, status, subject (null for unit rules) and the
    /// message in the pack's language (null when the rule did not fire).
    static func playbook(_ run: PlaybookRun?, locale: PackLocale) -> JSONValue {
        .array(
            (run?.results ?? []).map { r in
                .object([
                    "rule": .string(r.ruleID), "status": .string(r.status.rawValue),
                    "subject": r.subject.map(JSONValue.string) ?? .null,
                    "message": r.message.map { .string($0.text(for: locale.rawValue)) } ?? .null,
                ])
            })
    }

    /// The recommended model, the votes per model and the annual marketing cost.
    static func governance(_ vote: LeadershipVote) -> JSONValue {
        var votes: [String: JSONValue] = [:]
        for model in LeadershipModel.allCases { votes[model.rawValue] = .number(vote.votes[model] ?? 0) }
        return .object([
            "recommended_model": vote.recommended.map { .string($0.rawValue) } ?? .null,
            "votes": .object(votes),
            "annual_marketing_cost": .number(vote.annualMarketingCost),
            "budget_factor": .string(vote.annualMarketingCost == nil ? "abstains: annual marketing cost not available" : "votes"),
        ])
    }
}
