import BoardpackContent

/// The outcome of one playbook rule for one subject (the unit, or one `for_each` value).
package struct RuleResult: Sendable, Hashable {
    /// `red`/`amber`/`green` when the rule fired and is shown; `ok` when its condition was
    /// false; `na` when its inputs were not available (insufficient data: never green);
    /// `suppressed` when it fired but the KPIs it judges say otherwise (SPEC §5.5).
    package enum Status: String, Sendable, Hashable, CaseIterable, Comparable {
        case red, amber, green, na, ok, suppressed

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
    /// The KPIs the result judges (SPEC §5.1).
    package var kpis: [String] = []
    /// Periods in a row the rule's condition has held, ending with the pack's; nil when unknown.
    package var streak: Int?
    /// In a quarterly pack, the months of the quarter in which the rule fired on its own.
    package var months: [Month] = []
    /// In a quarterly pack, the rule fired in some of its months but not on the quarter: it
    /// speaks of those months, and leaves the quarter's statuses as they are.
    package var onlyInMonths = false
    /// What a suppressed result would have said (red, amber or green).
    package var suppressedStatus: Status?
    /// Why it was suppressed, in each language.
    package var suppressedBecause: PlaybookText?

    /// True when the rule fired and is shown.
    package var isShown: Bool { status == .red || status == .amber || status == .green }

    /// Creates a result.
    package init(ruleID: String, status: Status, subject: String? = nil, message: PlaybookText? = nil, action: PlaybookText? = nil) {
        self.ruleID = ruleID
        self.status = status
        self.subject = subject
        self.message = message
        self.action = action
    }
}
