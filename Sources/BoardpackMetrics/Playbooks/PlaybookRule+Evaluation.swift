extension PlaybookRule {
    /// Evaluates the rule through closures, so the playbook layer does not depend on the
    /// metrics engine's API.
    ///
    /// - Parameters:
    ///   - subjects: the values of the `for_each` dimension present in the period (ignored for a
    ///     unit-level rule).
    ///   - condition: the truth of `when` for the unit (`nil` subject) or one value; `nil` when
    ///     its inputs are n/a.
    ///   - value: the formatted value of a placeholder id for the unit or one value.
    /// - Returns: for a unit-level rule, one result (fired, `ok` or `na`). For a `for_each` rule,
    ///   one result per value that fires and one `na` per value that cannot be evaluated, sorted
    ///   by value; a single `ok` when no value fires and none is n/a; a single `na` when there
    ///   are no values at all.
    func evaluate(
        subjects: [String] = [], subjectName: (String) -> String = { $0 },
        condition: (PlaybookRule, String?) -> Bool?,
        value: (String, String?) -> String
    ) -> [RuleResult] {
        guard let dimension = forEach else {
            return [result(condition(self, nil), subject: nil, value: value)]
        }
        let values = Set(subjects).sorted()
        guard !values.isEmpty else { return [RuleResult(ruleID: id, status: .na)] }
        let results = values.compactMap { subject -> RuleResult? in
            let holds = condition(self, subject)
            if holds == false { return nil }
            return result(holds, subject: subject) { name, s in name == dimension ? subjectName(subject) : value(name, s) }
        }
        return results.isEmpty ? [RuleResult(ruleID: id, status: .ok)] : results
    }

    private func result(_ holds: Bool?, subject: String?, value: (String, String?) -> String) -> RuleResult {
        switch holds {
        case nil: return RuleResult(ruleID: id, status: .na, subject: subject)
        case false?: return RuleResult(ruleID: id, status: .ok, subject: subject)
        case true?:
            let rendered = message.map { template in PlaybookMessage.render(template) { name in value(name, subject) } }
            return RuleResult(ruleID: id, status: RuleResult.Status(status), subject: subject, message: rendered, action: action)
        }
    }
}
