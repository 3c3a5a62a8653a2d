import BoardpackContent
import BoardpackMetrics

/// The judgement members of `metrics.json` (SPEC §3.5): `playbook` and `governance`.
///
/// Each is written straight into the document's writer; the tests compare it with the same
/// member built as a tree.
enum PackJSON {
    /// Every rule result in rule order: rule, status, subject (null for unit rules) and the
    /// message in the pack's language (null when the rule did not fire).
    static func playbook(_ run: PlaybookRun?, locale: PackLocale) -> Playbook {
        Playbook(results: run?.results ?? [], locale: locale)
    }

    /// The recommended model, the votes per model and the annual marketing cost.
    static func governance(_ vote: LeadershipVote) -> Governance { Governance(vote: vote) }

    /// The `playbook` member.
    struct Playbook: JSONWritable {
        var results: [RuleResult]
        var locale: PackLocale

        /// The members of a result's object (at depth 3: document, `playbook`, the result), in
        /// key order.
        private enum Key {
            static let message = JSONKey("message", depth: 3), rule = JSONKey("rule", depth: 3)
            static let status = JSONKey("status", depth: 3), subject = JSONKey("subject", depth: 3)
        }

        func write(to writer: inout JSONWriter) {
            writer.beginArray()
            for r in results {
                writer.item()
                writer.beginObject()
                writer.key(Key.message)
                writer.string(r.message?.text(for: locale.rawValue))
                writer.key(Key.rule)
                writer.string(r.ruleID)
                writer.key(Key.status)
                writer.string(r.status.rawValue)
                writer.key(Key.subject)
                writer.string(r.subject)
                writer.endObject()
            }
            writer.endArray()
        }
    }

    /// The `governance` member.
    struct Governance: JSONWritable {
        var vote: LeadershipVote

        /// The models' names in key order.
        private static let models = LeadershipModel.allCases.sorted { JSONText.utf8Precedes($0.rawValue, $1.rawValue) }

        private var budgetFactor: String {
            vote.annualMarketingCost == nil ? "abstains: annual marketing cost not available" : "votes"
        }

        func write(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("annual_marketing_cost")
            writer.number(vote.annualMarketingCost)
            writer.key("budget_factor")
            writer.string(budgetFactor)
            writer.key("recommended_model")
            writer.string(vote.recommended?.rawValue)
            writer.key("votes")
            writer.beginObject()
            for model in Self.models {
                writer.key(model.rawValue)
                writer.number(vote.votes[model] ?? 0)
            }
            writer.endObject()
            writer.endObject()
        }
    }
}
