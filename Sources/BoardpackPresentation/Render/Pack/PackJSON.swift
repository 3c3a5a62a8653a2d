import BoardpackContent
import BoardpackMetrics

/// The judgement members of `metrics.json` (SPEC §3.5): `playbook` and `governance`.
///
/// Each is written straight into the document's writer; the tests compare it with the same
/// member built as a tree.
enum PackJSON {
    /// Every rule result in rule order: rule, status, subject (null for unit rules), the KPIs
    /// it judges, its streak, the message in the pack's language (null when the rule did not
    /// fire) and, in a quarterly pack, the months it fired in (SPEC §3.5 schema 2).
    static func playbook(_ run: PlaybookRun?, locale: PackLocale, quarterly: Bool) -> Playbook {
        Playbook(results: run?.results ?? [], locale: locale, quarterly: quarterly)
    }

    /// The recommended model, the votes per model and the annual marketing cost.
    static func governance(_ vote: LeadershipVote) -> Governance { Governance(vote: vote) }

    /// The `playbook` member.
    struct Playbook: JSONWritable {
        var results: [RuleResult]
        var locale: PackLocale
        var quarterly: Bool

        /// The members of a result's object (at depth 3: document, `playbook`, the result), in
        /// key order.
        private enum Key {
            static let kpis = JSONKey("kpis", depth: 3), months = JSONKey("months", depth: 3)
            static let message = JSONKey("message", depth: 3), rule = JSONKey("rule", depth: 3)
            static let status = JSONKey("status", depth: 3), streak = JSONKey("streak", depth: 3)
            static let subject = JSONKey("subject", depth: 3)
        }

        func write(to writer: inout JSONWriter) {
            writer.beginArray()
            for r in results {
                writer.item()
                writer.beginObject()
                writer.key(Key.kpis)
                writer.beginArray()
                for id in r.kpis {
                    writer.item()
                    writer.string(id)
                }
                writer.endArray()
                writer.key(Key.message)
                writer.string(r.message?.text(for: locale.rawValue))
                if quarterly {
                    writer.key(Key.months)
                    writer.beginArray()
                    for m in r.months {
                        writer.item()
                        writer.string(m.description)
                    }
                    writer.endArray()
                }
                writer.key(Key.rule)
                writer.string(r.ruleID)
                writer.key(Key.status)
                writer.string(r.status.rawValue)
                writer.key(Key.streak)
                writer.number(r.streak.map(Double.init))
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

    /// The `actions` member (SPEC §3.5): the action log, sorted as the pack shows it.
    struct Actions: JSONWritable {
        var actions: [ActionEntry]

        func write(to writer: inout JSONWriter) {
            writer.beginArray()
            for a in actions {
                writer.item()
                writer.beginObject()
                writer.key("due")
                writer.string(a.due?.description)
                writer.key("note")
                writer.string(a.note)
                writer.key("owner")
                writer.string(a.owner)
                writer.key("raised_in")
                writer.string(a.raisedIn.description)
                writer.key("status")
                writer.string(a.status.rawValue)
                writer.key("text")
                writer.string(a.text)
                writer.endObject()
            }
            writer.endArray()
        }
    }

    /// The `budget` member (SPEC §3.5): money in the unit's currency, n/a as null.
    struct Budget: JSONWritable {
        var statement: BudgetStatement

        func write(to writer: inout JSONWriter) {
            let s = statement
            writer.beginObject()
            writer.key("fiscal_year")
            writer.string(s.fiscalYear)
            writer.key("full_year_budget")
            writer.number(s.fullYearBudget)
            writer.key("full_year_forecast")
            writer.number(s.fullYearForecast)
            writer.key("period_actual")
            writer.number(s.periodActual)
            writer.key("period_budget")
            writer.number(s.periodBudget)
            writer.key("ytd_actual")
            writer.number(s.ytdActual)
            writer.key("ytd_budget")
            writer.number(s.ytdBudget)
            writer.key("ytd_months")
            writer.number(Double(s.ytdMonths))
            writer.endObject()
        }
    }
}
