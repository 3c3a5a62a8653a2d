import BoardpackSupport

/// A playbook rule, complete after merging built-ins and overrides (SPEC §5.1).
///
/// ```yaml
/// - id: qspv-below-standard
///   for_each: store
///   when: qspv_index < 80
///   status: red
///   message: "{store}: QSP&V {qspv_index} is below the network standard of 80"
///   action: Send the area manager with the QSP&V checklist within two weeks
/// ```
package struct PlaybookRule: Sendable, Hashable {
    /// What a rule says when it fires: green is a strength worth saying.
    package enum Status: String, Sendable, Hashable, CaseIterable {
        case red, amber, green
    }

    /// Where each language's text of a message starts (its first character).
    package struct TextLocations: Sendable, Hashable {
        /// Where the English text starts.
        package var en: SourceLocation
        /// Where the Italian text starts.
        package var it: SourceLocation

        /// Creates the pair.
        package init(en: SourceLocation, it: SourceLocation) {
            self.en = en
            self.it = it
        }
    }

    /// Unique within a playbook: `[a-z][a-z0-9-]*`.
    package var id: String
    /// Where the rule's `id` value is.
    var idLocation: SourceLocation
    /// Evaluate per value of this dimension (`store`, `channel`, …) instead of for the unit.
    var forEach: String?
    /// A boolean formula; true means the rule fires.
    package var when: String
    /// Where the `when` text starts: a formula error at 0-based offset `o` of `when` is at
    /// `whenLocation.column + o` on the same line.
    var whenLocation: SourceLocation
    /// The status reported when the rule fires.
    package var status: Status
    /// Shown when the rule fires; `{id}` placeholders name KPIs, measures or `forEach`.
    package var message: PlaybookText
    /// Where the message texts start, for placeholder diagnostics.
    var messageLocations: TextLocations
    /// What the board is asked to approve when the rule fires.
    package var action: PlaybookText
    /// The playbook that declared (or last overrode) the rule.
    package var sector: PlaybookSector
    /// The KPIs the rule judges as written (`judges:`); nil for those its `when` reads.
    package var judges: [String]?
    /// Where `judges` is, for diagnostics.
    var judgesLocation: SourceLocation?
    /// The action asks for more budget: never shown while budget utilisation or ROMI is red.
    package var asksForBudget = false

    /// Creates a rule.
    package init(
        id: String, idLocation: SourceLocation, forEach: String?, when: String, whenLocation: SourceLocation,
        status: Status, message: PlaybookText, messageLocations: TextLocations, action: PlaybookText,
        sector: PlaybookSector
    ) {
        self.id = id
        self.idLocation = idLocation
        self.forEach = forEach
        self.when = when
        self.whenLocation = whenLocation
        self.status = status
        self.message = message
        self.messageLocations = messageLocations
        self.action = action
        self.sector = sector
    }

    /// The position of 0-based scalar offset `offset` inside the `when` text (for formula
    /// diagnostics); unchanged when the column is unknown (block scalars).
    func whenLocation(atOffset offset: Int) -> SourceLocation {
        whenLocation.advanced(by: offset)
    }
}

extension SourceLocation {
    /// The location `n` columns further on the same line (unchanged when the column is unknown).
    func advanced(by n: Int) -> SourceLocation {
        guard column > 0 else { return self }
        return SourceLocation(file: file, line: line, column: column + n)
    }
}
