import BoardpackContent
import BoardpackFormat

/// Runs a unit's playbook for one pack: every rule's result, with messages filled in.
package struct PlaybookRun: Sendable {
    package var results: [RuleResult]
    /// Network KPI values (e.g. `qspv_spread`) at the pack's period.
    package var networkValues: [String: Double?]

    /// The message placeholder for how many periods in a row the condition has held.
    static let streakPlaceholder = "streak"

    /// Evaluates the rules of `sector` at `period`. `format(id, value)` writes a value for a
    /// message placeholder in the pack's locale. A quarterly pack's results are then merged
    /// with those of its months (``merging(_:months:rules:locale:)``).
    package static func run(
        _ playbooks: CompiledPlaybooks, sector: String, metrics: UnitMetrics, period: Period, locale: PackLocale,
        format: @escaping (String, Double?) -> String, subjectName: @escaping (String) -> String = { $0 }
    ) -> PlaybookRun? {
        guard let playbook = playbooks.playbooks[sector], let conditions = playbooks.conditions[sector] else { return nil }
        // Rules read the same KPIs at the same periods over and over (a streak reads up to 24):
        // the evaluator remembers the unit's values.
        let evaluator = metrics.rememberingEvaluator(for: period)
        var run = Evaluation(
            playbook: playbook, conditions: conditions, networkKPIs: playbooks.networkKPIs, metrics: metrics,
            evaluator: evaluator, locale: locale, format: format, subjectName: subjectName)
        let (results, network) = run.results(at: period)
        return PlaybookRun(results: results, networkValues: network)
    }

    /// The quarter's results with, for each rule and subject, the months it fired in and was
    /// shown (SPEC §5.1): a rule that fired in a month but not on the quarter is still shown,
    /// from the last of those months, its message naming them, so a bad month does not
    /// disappear into the quarter's average.
    static func merging(
        _ quarter: [RuleResult], months: [(Month, [RuleResult])], rules: [PlaybookRule], locale: PackLocale
    ) -> [RuleResult] {
        struct Key: Hashable {
            var rule: String
            var subject: String?
        }
        var fired: [Key: (months: [Month], last: RuleResult)] = [:]
        for (month, results) in months {
            for r in results where r.isShown {
                let key = Key(rule: r.ruleID, subject: r.subject)
                fired[key, default: ([], r)].months.append(month)
                fired[key]?.last = r
            }
        }
        var merged: [RuleResult] = []
        for rule in rules {
            var own = quarter.filter { $0.ruleID == rule.id }
            for i in own.indices where own[i].isShown {
                own[i].months = fired[Key(rule: rule.id, subject: own[i].subject)]?.months ?? []
            }
            let shown = Set(own.filter(\.isShown).map(\.subject))
            var added: [RuleResult] = []
            for (key, entry) in fired where key.rule == rule.id && !shown.contains(key.subject) {
                var r = entry.last
                r.months = entry.months
                r.onlyInMonths = true
                r.message = r.message.map { inMonths($0, entry.months, locale: locale) }
                added.append(r)
            }
            if !added.isEmpty {
                // A month-only result replaces what the quarter said of the same subject, and a
                // rule's single "no value fired" result.
                let subjects = Set(added.map(\.subject))
                own.removeAll { !$0.isShown && (subjects.contains($0.subject) || $0.subject == nil) }
                own += added.sorted { ($0.subject ?? "") < ($1.subject ?? "") }
            }
            merged += own
        }
        return merged
    }

    /// "… (in September)", "… (a luglio e settembre)".
    static func inMonths(_ message: PlaybookText, _ months: [Month], locale: PackLocale) -> PlaybookText {
        func text(_ message: String, _ locale: PackLocale) -> String {
            let f = PackFormatter(locale: locale)
            let names = months.map { f.monthName($0.month) }
            let list =
                names.count < 2
                ? names.joined() : locale.label("list_and", ["first": names.dropLast().joined(separator: ", "), "last": names.last!])
            // Italian writes "ad agosto", "ad aprile" (the euphonic d before a), "a settembre".
            let months = locale.isItalian ? (list.hasPrefix("a") ? "ad " : "a ") + list : "in " + list
            return locale.label("rule_in_months", ["message": message, "in_months": months])
        }
        return PlaybookText(en: text(message.en, locale.isItalian ? .enGB : locale), it: text(message.it, .itIT))
    }

    /// Replaces network KPI identifiers by their values; nil when one is n/a (the rule then
    /// reports insufficient data). Network values are known for the pack's period only.
    static func bind(_ expr: Expr, _ values: [String: Double?]) -> Expr? {
        var copy = expr
        switch expr.node {
        case let .identifier(id):
            guard let entry = values[id] else { return expr }
            guard let value = entry else { return nil }
            copy.node = .number(value)
        case .number:
            return expr
        case let .negate(e):
            guard let b = bind(e, values) else { return nil }
            copy.node = .negate(b)
        case let .not(e):
            guard let b = bind(e, values) else { return nil }
            copy.node = .not(b)
        case let .binary(op, l, r):
            guard let bl = bind(l, values), let br = bind(r, values) else { return nil }
            copy.node = .binary(op, bl, br)
        case let .call(function, args):
            var bound: [Expr] = []
            for a in args {
                guard let b = bind(a, values) else { return nil }
                bound.append(b)
            }
            copy.node = .call(function, bound)
        }
        return copy
    }
}

extension PlaybookRun {
    /// One evaluation of a playbook over the unit's data, at any period up to the pack's end.
    struct Evaluation {
        let playbook: Playbook
        let conditions: [String: RuleCondition]
        let networkKPIs: [String: NetworkAggregate]
        let metrics: UnitMetrics
        let evaluator: Evaluator
        let locale: PackLocale
        let format: (String, Double?) -> String
        /// A dimension value as a message names it (`labels:`, SPEC §2.2).
        let subjectName: (String) -> String

        /// Every rule's results at `period`, and the network KPIs' values there.
        mutating func results(at period: Period) -> (results: [RuleResult], network: [String: Double?]) {
            let metrics = self.metrics, evaluator = self.evaluator, playbook = self.playbook
            var network: [String: Double?] = [:]
            for (id, aggregate) in networkKPIs.sorted(by: { $0.key < $1.key }) where playbook.kpis.contains(where: { $0.id == id }) {
                let values = metrics.data.values(of: aggregate.across, in: period).map { value in
                    metrics.data.slice(aggregate.across, value).flatMap { evaluator.kpi(aggregate.of, at: period, slice: $0).value }
                }
                network[id] = .some(aggregate.reduce(values))
            }
            func slice(_ rule: PlaybookRule, _ subject: String?) -> UnitData.Slice? {
                guard let dimension = rule.forEach, let subject else { return nil }
                return metrics.data.slice(dimension, subject)
            }
            let conditions = self.conditions
            /// Periods in a row the condition as written has held; nil when it reads a network
            /// KPI (known at this period only) or is n/a.
            func streak(_ rule: PlaybookRule, _ subject: String?) -> Int? {
                guard let written = conditions[rule.id]?.counted,
                    !written.identifiers.contains(where: { network[$0.id] != nil })
                else { return nil }
                let call = Expr(.call(.streak, [written]), offset: written.offset, length: written.length)
                return evaluator.evaluate(call, at: period, slice: slice(rule, subject)).value.map { Int($0) }
            }
            let streakWords = PeriodCount(locale: locale, quarterly: period.monthCount > 1)
            var results = playbook.evaluate(
                subjects: { metrics.data.values(of: $0, in: period) }, subjectName: subjectName,
                condition: { rule, subject in
                    guard let expr = conditions[rule.id]?.evaluated, let bound = PlaybookRun.bind(expr, network) else { return nil }
                    return evaluator.evaluate(bound, at: period, slice: slice(rule, subject)).value.map { $0 != 0 }
                },
                value: { rule, id, subject in
                    if id == PlaybookRun.streakPlaceholder { return streakWords.text(streak(rule, subject)) }
                    if let subject, playbook.rules.contains(where: { $0.forEach == id }) { return subjectName(subject) }
                    if let v = network[id] { return format(id, v) }
                    let s = subject.flatMap { value in
                        playbook.rules.compactMap(\.forEach).lazy.compactMap { metrics.data.slice($0, value) }.first
                    }
                    if metrics.metrics.dictionary.kpis[id] != nil { return format(id, evaluator.kpi(id, at: period, slice: s).value) }
                    return format(id, evaluator.measure(id, at: period, slice: s).value)
                })
            let rules = Dictionary(playbook.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for i in results.indices {
                results[i].kpis = conditions[results[i].ruleID]?.judges ?? []
                switch results[i].status {
                case .ok: results[i].streak = 0
                case .red, .amber, .green:
                    if let rule = rules[results[i].ruleID] { results[i].streak = streak(rule, results[i].subject) }
                default: break
                }
            }
            return (results, network)
        }
    }

    /// "10 months", "3 quarters", "10 mesi": a streak in the pack's words; "at least 24
    /// months" when it reaches the longest streak counted (SPEC §3.3).
    struct PeriodCount {
        var locale: PackLocale
        var quarterly: Bool

        func text(_ count: Int?) -> String {
            guard let count else { return PackFormatter(locale: locale).notAvailable }
            let form = count >= Evaluator.streakLimit ? "at_least" : count == 1 ? "one" : "other"
            let key = "streak_\(quarterly ? "quarter" : "month")_\(form)"
            return locale.label(key, ["count": PackFormatter(locale: locale).count(Double(count))])
        }
    }
}
