/// The outcome of one playbook rule for one subject (the unit, or one `for_each` value).
package struct RuleResult: Sendable, Hashable {
    /// `red`/`amber`/`green` when the rule fired; `ok` when its condition was false; `na` when
    /// its inputs were not available (insufficient data: never green).
    package enum Status: String, Sendable, Hashable, CaseIterable, Comparable {
        case red, amber, green, na, ok

        /// Worst first: the order a pack lists results in.
        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        /// Worst first.
        package static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }

        init(_ status: PlaybookRule.Status) {
            switch status {
            case .red: self = .red
            case .amber: self = .amber
            case .green: self = .green
            }
        }
    }

    /// The rule's id.
    package var ruleID: String
    /// What the rule says for this subject.
    package var status: Status
    /// The `for_each` value the result is about; nil for the unit as a whole.
    package var subject: String?
    /// The rendered message, when the rule fired.
    package var message: PlaybookText?
    /// The rule's action, when the rule fired.
    package var action: PlaybookText?

    /// Creates a result.
    package init(ruleID: String, status: Status, subject: String? = nil, message: PlaybookText? = nil, action: PlaybookText? = nil) {
        self.ruleID = ruleID
        self.status = status
        self.subject = subject
        self.message = message
        self.action = action
    }
}
