import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct PlaybookEvaluationTests {
    static let registry = PlaybookRegistry.load().0

    static func rule(_ id: String, _ sector: PlaybookSector = .retail) -> PlaybookRule {
        registry.playbook(for: sector).rules.first { $0.id == id }!
    }

    @Test func unitRuleFires() {
        let rule = Self.rule("romi-negative")
        let results = rule.evaluate(
            condition: { r, subject in
                #expect(r.when == "romi < 0" && subject == nil)
                return true
            }, value: { id, _ in id == "romi" ? "-12.0%" : "?" })
        #expect(
            results == [
                RuleResult(
                    ruleID: "romi-negative", status: .red,
                    message: PlaybookText(
                        en: "ROMI is -12.0%: this period marketing returned less gross margin than it cost, so it acted as a cost centre",
                        it:
                            "ROMI a -12.0%: in questo periodo il marketing ha reso meno margine di quanto è costato, comportandosi da centro di costo"
                    ),
                    action: rule.action)
            ])
    }

    @Test func unitRuleDoesNotFireOrLacksData() {
        let rule = Self.rule("clv-to-cac-healthy")
        #expect(rule.evaluate(condition: { _, _ in false }, value: { _, _ in "" }) == [RuleResult(ruleID: rule.id, status: .ok)])
        // n/a inputs give `na`, never green, and no message.
        #expect(rule.evaluate(condition: { _, _ in nil }, value: { _, _ in "" }) == [RuleResult(ruleID: rule.id, status: .na)])
    }

    @Test func forEachRuleNamesExactlyTheFailingStores() {
        let rule = Self.rule("qspv-below-standard")
        let qspv: [String: Double?] = ["store-003": 91, "store-012": 72.5, "store-001": 79.75, "store-007": nil, "store-002": 80]
        let results = rule.evaluate(
            subjects: ["store-012", "store-003", "store-001", "store-007", "store-002"],
            condition: { _, store in
                guard let store, let value = qspv[store]! else { return nil }
                return value < 80
            },
            value: { id, store in id == "qspv_index" ? "\(qspv[store!]!!)" : "?" })
        // Failing: store-001 (79.75) and store-012 (72.5); store-002 at exactly 80 passes; store-007 is n/a.
        #expect(results.map(\.subject) == ["store-001", "store-007", "store-012"])
        #expect(results.map(\.status) == [.red, .na, .red])
        #expect(results[0].message?.en == "store-001: QSP&V 79.75 is below the network standard of 80")
        #expect(results[2].message?.it == "store-012: QSP&V a 72.5, sotto lo standard di rete di 80")
        #expect(results[1].message == nil)
    }

    @Test func forEachRuleWithNoFailuresOrNoStores() {
        let rule = Self.rule("qspv-below-standard")
        #expect(
            rule.evaluate(subjects: ["a", "b"], condition: { _, _ in false }, value: { _, _ in "" }) == [
                RuleResult(ruleID: rule.id, status: .ok)
            ])
        #expect(
            rule.evaluate(subjects: [], condition: { _, _ in true }, value: { _, _ in "" }) == [RuleResult(ruleID: rule.id, status: .na)])
    }

    @Test func playbookEvaluatesEveryRuleInOrder() {
        let playbook = Self.registry.playbook(for: .luxury)
        let results = playbook.evaluate(
            subjects: { _ in [] },
            condition: { rule, _ in rule.id == "scarcity-lost" ? true : rule.id == "full-price-strong" ? nil : false },
            value: { _, _, _ in "0.8×" })
        #expect(results.count == playbook.rules.count)
        #expect(results.map(\.ruleID) == playbook.rules.map(\.id))
        #expect(results.first { $0.ruleID == "scarcity-lost" }?.status == .amber)
        #expect(results.first { $0.ruleID == "full-price-strong" }?.status == .na)
        #expect(results.filter { $0.status == .ok }.count == playbook.rules.count - 2)
        #expect(RuleResult.Status.red < .amber && RuleResult.Status.green < .na && RuleResult.Status.na < .ok)
    }
}
