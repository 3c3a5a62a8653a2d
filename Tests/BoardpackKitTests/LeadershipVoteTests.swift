import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct LeadershipVoteTests {
    typealias V = LeadershipVote

    // One case per row of the seeds' table: each factor alone names its model(s).
    @Test func digitalMaturityRow() {
        #expect(
            V.decide(digitalMaturity: "low", annualMarketingCost: nil, orgComplexity: nil, growthObjective: nil).votes == [
                .consultant: 0.5, .fractional: 0.5,
            ])
        #expect(
            V.decide(digitalMaturity: "high", annualMarketingCost: nil, orgComplexity: nil, growthObjective: nil).recommended == .inHouse)
    }

    @Test func budgetRow() {
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: 49_999, orgComplexity: nil, growthObjective: nil).recommended == .consultant
        )
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: 50_000, orgComplexity: nil, growthObjective: nil).recommended == .fractional
        )
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: 150_000, orgComplexity: nil, growthObjective: nil).recommended
                == .fractional)
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: 150_001, orgComplexity: nil, growthObjective: nil).recommended == .inHouse)
    }

    @Test func organisationRow() {
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: nil, orgComplexity: "lean", growthObjective: nil).votes == [
                .consultant: 0.5, .fractional: 0.5,
            ])
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: nil, orgComplexity: "multi_department", growthObjective: nil).recommended
                == .inHouse)
    }

    @Test func growthRow() {
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: nil, orgComplexity: nil, growthObjective: "validation").recommended
                == .consultant)
        #expect(
            V.decide(digitalMaturity: nil, annualMarketingCost: nil, orgComplexity: nil, growthObjective: "expansion").votes == [
                .fractional: 0.5, .inHouse: 0.5,
            ])
    }

    @Test func fullVoteAddsHalves() {
        // low: consultant ½ fractional ½; €132,000: fractional 1; lean: fractional ½ consultant ½;
        // expansion: fractional ½ in-house ½ → fractional 2.5, consultant 1, in-house 0.5.
        let vote = V.decide(digitalMaturity: "low", annualMarketingCost: 132_000, orgComplexity: "lean", growthObjective: "expansion")
        #expect(vote.votes == [.consultant: 1, .fractional: 2.5, .inHouse: 0.5])
        #expect(vote.recommended == .fractional)
        #expect(!vote.tieBroken)
    }

    @Test func tieGoesToTheBudgetFactor() {
        // high: in-house 1; €40,000: consultant 1; multi_department: in-house 1; validation: consultant 1
        // → consultant 2, in-house 2: a tie, and the budget named consultant.
        let vote = V.decide(
            digitalMaturity: "high", annualMarketingCost: 40_000, orgComplexity: "multi_department", growthObjective: "validation")
        #expect(vote.votes == [.consultant: 2, .inHouse: 2])
        #expect(vote.recommended == .consultant)
        #expect(vote.tieBroken)
    }

    @Test func unknownCostAbstains() {
        let vote = V.decide(digitalMaturity: "high", annualMarketingCost: nil, orgComplexity: "lean", growthObjective: "validation")
        #expect(vote.factors[1].models.isEmpty)
        // in-house 1; fractional ½ consultant ½; consultant 1 → consultant 1.5 wins outright.
        #expect(vote.votes == [.inHouse: 1, .fractional: 0.5, .consultant: 1.5])
        #expect(vote.recommended == .consultant)
    }
}

@Suite struct AnnualCostTests {
    @Test func sumsTwelveMonthsAndAnnualisesFewer() {
        // 12 × 10,000 = 120,000.
        #expect(LeadershipVote.annualCost(monthly: Array(repeating: 10_000, count: 12)) == 120_000)
        // Three known months (9,000 + 10,000 + 11,000 = 30,000) × 12 / 3 = 120,000; n/a months are skipped.
        #expect(LeadershipVote.annualCost(monthly: [nil, 9_000, 10_000, nil, 11_000]) == 120_000)
        #expect(LeadershipVote.annualCost(monthly: [nil, nil]) == nil)
    }
}
