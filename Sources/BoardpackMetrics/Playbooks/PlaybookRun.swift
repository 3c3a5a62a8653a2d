import BoardpackContent

/// Runs a unit's playbook for one pack: every rule's result, with messages filled in.
package struct PlaybookRun: Sendable {
    package var results: [RuleResult]
    /// Network KPI values (e.g. `qspv_spread`) at the pack's period.
    package var networkValues: [String: Double?]

    /// Evaluates the rules of `sector` at `period`. `format(id, value)` writes a value for a
    /// message placeholder in the pack's locale.
    package static func run(
        _ playbooks: CompiledPlaybooks, sector: String, metrics: UnitMetrics, period: Period,
        format: (String, Double?) -> String
    ) -> PlaybookRun? {
        guard let playbook = playbooks.playbooks[sector], let conditions = playbooks.conditions[sector] else { return nil }
        let evaluator = metrics.evaluator(for: period)
        var network: [String: Double?] = [:]
        for (id, aggregate) in playbooks.networkKPIs.sorted(by: { $0.key < $1.key }) where playbook.kpis.contains(where: { $0.id == id }) {
            let values = metrics.data.values(of: aggregate.across, in: period).map { value in
                metrics.data.slice(aggregate.across, value).flatMap { evaluator.kpi(aggregate.of, at: period, slice: $0).value }
            }
            network[id] = .some(aggregate.reduce(values))
        }
        func slice(_ rule: PlaybookRule, _ subject: String?) -> UnitData.Slice? {
            guard let dimension = rule.forEach, let subject else { return nil }
            return metrics.data.slice(dimension, subject)
        }
        let results = playbook.evaluate(
            subjects: { metrics.data.values(of: $0, in: period) },
            condition: { rule, subject in
                guard let expr = conditions[rule.id], let bound = bind(expr, network) else { return nil }
                return evaluator.evaluate(bound, at: period, slice: slice(rule, subject)).value.map { $0 != 0 }
            },
            value: { id, subject in
                if let subject, playbook.rules.contains(where: { $0.forEach == id }) { return subject }
                if let v = network[id] { return format(id, v) }
                let s = subject.flatMap { value in
                    playbook.rules.compactMap(\.forEach).lazy.compactMap { metrics.data.slice($0, value) }.first
                }
                if metrics.metrics.dictionary.kpis[id] != nil { return format(id, evaluator.kpi(id, at: period, slice: s).value) }
                return format(id, evaluator.measure(id, at: period, slice: s).value)
            })
        return PlaybookRun(results: results, networkValues: network)
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
