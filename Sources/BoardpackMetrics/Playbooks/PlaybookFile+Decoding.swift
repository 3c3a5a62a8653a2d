import BoardpackSupport

/// The `Decodable` side of a playbook file. Values are checked here so that `YAMLFile` can
/// position a bad value from the coding path; source positions are added afterwards from the
/// composed node (``PlaybookFile/parse(_:path:)``).
extension PlaybookFile {
    /// The document as decoded, before positions are attached.
    struct Document: Decodable {
        var sector: PlaybookSector
        /// KPI id → entry (file order comes from the node).
        var kpis: [String: KPIEntry]
        var rules: [RuleEntry]

        private enum CodingKeys: String, CodingKey { case sector, kpis, rules }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            sector = try PlaybookFile.choice(PlaybookSector.self, c, .sector)
            kpis = try c.decodeIfPresent([String: KPIEntry].self, forKey: .kpis) ?? [:]
            rules = try c.decodeIfPresent([RuleEntry].self, forKey: .rules) ?? []
        }
    }

    /// Keys allowed in each mapping, checked on the node so a typo (`wehn:`) is an error rather
    /// than a silently ignored field.
    static let documentKeys = ["sector", "kpis", "rules"]
    /// Keys allowed in a KPI entry.
    static let kpiKeys = ["label", "formula", "network", "unit", "better", "level", "definition"]
    /// Keys allowed in a rule entry.
    static let ruleKeys = ["id", "for_each", "when", "status", "message", "action", "judges", "asks_for_budget"]
}

extension PlaybookFile.KPIEntry: Decodable {
    private enum CodingKeys: String, CodingKey { case label, formula, network, unit, better, level, definition }

    /// Decodes the fields; `id` and the locations are filled in from the node.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = ""
        location = SourceLocation(file: "")
        label = try c.decodeIfPresent(PlaybookText.self, forKey: .label)
        formula = try c.decodeIfPresent(String.self, forKey: .formula)
        network = try c.decodeIfPresent(NetworkAggregate.self, forKey: .network)
        if formula != nil && network != nil {
            throw DecodingError.dataCorruptedError(
                forKey: .network, in: c, debugDescription: "a KPI has either a `formula` or a `network` aggregate, not both")
        }
        unit = try PlaybookFile.choiceIfPresent(PlaybookKPI.ValueUnit.self, c, .unit)
        better = try PlaybookFile.choiceIfPresent(PlaybookKPI.Direction.self, c, .better)
        level = try PlaybookFile.choiceIfPresent(PlaybookKPI.Level.self, c, .level)
        definition = try c.decodeIfPresent(PlaybookText.self, forKey: .definition)
    }
}

extension PlaybookFile.RuleEntry: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, when, status, message, action, judges
        case forEach = "for_each"
        case asksForBudget = "asks_for_budget"
    }

    /// Decodes the fields; the locations are filled in from the node.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        if !Self.isValidID(id) {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: c,
                debugDescription: "rule id `\(id)` must be lowercase letters, digits, `_` and `-`, starting with a letter")
        }
        idLocation = SourceLocation(file: "")
        forEach = try c.decodeIfPresent(String.self, forKey: .forEach)
        when = try c.decodeIfPresent(String.self, forKey: .when)
        status = try PlaybookFile.choiceIfPresent(PlaybookRule.Status.self, c, .status)
        message = try c.decodeIfPresent(PlaybookText.self, forKey: .message)
        action = try c.decodeIfPresent(PlaybookText.self, forKey: .action)
        judges = try c.decodeIfPresent([String].self, forKey: .judges)
        if let judges, judges.isEmpty {
            throw DecodingError.dataCorruptedError(
                forKey: .judges, in: c, debugDescription: "`judges` names at least one KPI (leave it out to judge the KPIs `when` reads)")
        }
        asksForBudget = try c.decodeIfPresent(Bool.self, forKey: .asksForBudget)
    }

    /// Rule ids appear in `metrics.json` and in anchors: `[a-z][a-z0-9_-]*` (SPEC §3.2).
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
