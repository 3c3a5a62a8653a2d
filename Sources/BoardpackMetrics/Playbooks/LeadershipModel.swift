/// The marketing leadership models the seeds compare for a small or mid-sized company.
package enum LeadershipModel: String, Sendable, CaseIterable, Comparable {
    case consultant, fractional
    case inHouse = "in_house"

    var rank: Int {
        switch self {
        case .consultant: 0
        case .fractional: 1
        case .inHouse: 2
        }
    }

    package static func < (a: LeadershipModel, b: LeadershipModel) -> Bool { a.rank < b.rank }
}

/// The leadership-model check of SPEC §5.3: each factor votes, a factor naming two models
/// gives each half a vote, the most votes win and a tie goes to the budget factor's choice.
package struct LeadershipVote: Sendable, Equatable {
    /// One factor's vote, with the reason shown in the pack.
    package struct Factor: Sendable, Equatable {
        /// `digital_maturity`, `annual_marketing_cost`, `org_complexity` or `growth_objective`.
        package var id: String
        /// The input as read (`low`, `lean`, … or the cost as a number); nil when unknown.
        package var input: String?
        /// The models this factor names; empty when it abstains.
        package var models: [LeadershipModel]
    }

    package var factors: [Factor]
    /// Model → votes (halves for factors naming two models).
    package var votes: [LeadershipModel: Double]
    /// The winner; nil when every factor abstained.
    package var recommended: LeadershipModel?
    /// True when the winner was chosen by the tie-break rather than outright.
    package var tieBroken: Bool
    package var annualMarketingCost: Double?

    /// Budget thresholds of the seeds' table, in the unit's currency (no exchange rates are
    /// applied: the table is in euros and the demo units report in euros).
    static let consultantBelow = 50_000.0
    static let inHouseAbove = 150_000.0

    /// Runs the vote. Unknown inputs abstain and say so in `factors`.
    static func decide(
        digitalMaturity: String?, annualMarketingCost: Double?, orgComplexity: String?, growthObjective: String?
    ) -> LeadershipVote {
        var factors: [Factor] = []
        let maturity: [LeadershipModel] =
            switch digitalMaturity {
            case "low": [.consultant, .fractional]
            case "high": [.inHouse]
            default: []
            }
        factors.append(Factor(id: "digital_maturity", input: digitalMaturity, models: maturity))
        var budget: [LeadershipModel] = []
        if let cost = annualMarketingCost {
            budget = cost < consultantBelow ? [.consultant] : cost > inHouseAbove ? [.inHouse] : [.fractional]
        }
        factors.append(Factor(id: "annual_marketing_cost", input: annualMarketingCost.map { "\($0)" }, models: budget))
        let org: [LeadershipModel] =
            switch orgComplexity {
            case "lean": [.fractional, .consultant]
            case "multi_department": [.inHouse]
            default: []
            }
        factors.append(Factor(id: "org_complexity", input: orgComplexity, models: org))
        let growth: [LeadershipModel] =
            switch growthObjective {
            case "validation": [.consultant]
            case "expansion": [.fractional, .inHouse]
            default: []
            }
        factors.append(Factor(id: "growth_objective", input: growthObjective, models: growth))

        var votes: [LeadershipModel: Double] = [:]
        for factor in factors where !factor.models.isEmpty {
            for model in factor.models { votes[model, default: 0] += 1 / Double(factor.models.count) }
        }
        let best = votes.values.max()
        let leaders = LeadershipModel.allCases.filter { best != nil && votes[$0] == best }
        var recommended = leaders.first
        var tieBroken = false
        if leaders.count > 1 {
            tieBroken = true
            // The seeds' rule: the budget decides a tie. When the budget itself is unknown
            // (or names none of the leaders), the fractional model is the reversible choice.
            recommended = budget.first { leaders.contains($0) } ?? (leaders.contains(.fractional) ? .fractional : leaders.first)
        }
        return LeadershipVote(
            factors: factors, votes: votes, recommended: recommended, tieBroken: tieBroken, annualMarketingCost: annualMarketingCost)
    }
}

extension LeadershipVote {
    /// The annual marketing cost from up to twelve monthly values ending with the pack:
    /// their sum, annualised (× 12 / months reported) when fewer than twelve are known.
    /// Nil when no month is known: the budget factor then abstains.
    static func annualCost(monthly: [Double?]) -> Double? {
        let known = monthly.suffix(12).compactMap { $0 }
        guard !known.isEmpty else { return nil }
        return known.reduce(0, +) * 12 / Double(known.count)
    }
}
