import BoardpackSupport

/// One playbook YAML file as written: a sector, KPI entries and rule entries (SPEC §5.1).
///
/// Entries may be partial: a content file overriding a built-in rule or KPI by id gives only
/// the fields it changes. ``PlaybookRegistry`` merges entries into complete ``PlaybookRule``s
/// and ``PlaybookKPI``s. Parse with ``parse(_:path:)``.
package struct PlaybookFile: Sendable {
    /// A KPI as written under `kpis:`; every field but the id is optional.
    package struct KPIEntry: Sendable, Hashable {
        /// The KPI id (the mapping key) or the rule id.
        package var id: String
        /// Where the KPI's key is.
        package var location: SourceLocation
        /// Display name, en and it.
        package var label: PlaybookText?
        /// The formula text as written.
        package var formula: String?
        /// Where the formula text starts (set when `formula` is).
        var formulaLocation: SourceLocation?
        /// A reduction across a dimension, instead of a formula.
        var network: NetworkAggregate?
        /// `currency`, `ratio`, `count`, `days`, `months` or `multiple`.
        package var unit: PlaybookKPI.ValueUnit?
        /// `higher` or `lower`.
        package var better: PlaybookKPI.Direction?
        /// `strategic`, `performance` or `operational`.
        package var level: PlaybookKPI.Level?
        /// One-line definition for the appendix.
        package var definition: PlaybookText?
    }

    /// A rule as written under `rules:`; every field but the id is optional.
    package struct RuleEntry: Sendable, Hashable {
        /// The KPI id (the mapping key) or the rule id.
        package var id: String
        /// Where the `id` value is.
        var idLocation: SourceLocation
        /// The `for_each` dimension.
        var forEach: String?
        /// The condition text as written.
        package var when: String?
        /// Where the `when` text starts (set when `when` is).
        var whenLocation: SourceLocation?
        /// `red`, `amber` or `green`.
        package var status: PlaybookRule.Status?
        /// The message template, en and it.
        package var message: PlaybookText?
        /// Where the message texts start (set when `message` is).
        var messageLocations: PlaybookRule.TextLocations?
        /// The recommended action, en and it.
        package var action: PlaybookText?
        /// The KPIs the rule passes a verdict on (SPEC §5.1).
        package var judges: [String]?
        /// Where the `judges` list is.
        var judgesLocation: SourceLocation?
        /// The action asks for more budget (SPEC §5.5 point 5).
        package var asksForBudget: Bool?
    }

    /// The path diagnostics show (`<built-in>/retail.yml` for built-ins).
    package var path: String
    /// The playbook the file adds to or overrides.
    package var sector: PlaybookSector
    /// KPIs in file order.
    package var kpis: [KPIEntry]
    /// Rules in file order.
    package var rules: [RuleEntry]

    /// Creates a file model.
    package init(path: String, sector: PlaybookSector, kpis: [KPIEntry] = [], rules: [RuleEntry] = []) {
        self.path = path
        self.sector = sector
        self.kpis = kpis
        self.rules = rules
    }

    /// Decodes an enum from its raw value, throwing a positioned error naming the allowed values.
    static func choice<E: RawRepresentable & CaseIterable, K: CodingKey>(
        _ type: E.Type, _ c: KeyedDecodingContainer<K>, _ key: K
    ) throws -> E where E.RawValue == String {
        let text = try c.decode(String.self, forKey: key)
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue)
            let list = allowed.dropLast().joined(separator: ", ") + " or " + (allowed.last ?? "")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c, debugDescription: "unknown \(key.stringValue) `\(text)` (expected \(list))")
        }
        return value
    }

    /// ``choice(_:_:_:)`` for an optional key.
    static func choiceIfPresent<E: RawRepresentable & CaseIterable, K: CodingKey>(
        _ type: E.Type, _ c: KeyedDecodingContainer<K>, _ key: K
    ) throws -> E? where E.RawValue == String {
        c.contains(key) ? try choice(type, c, key) : nil
    }
}
