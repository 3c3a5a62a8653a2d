import BoardpackSupport

/// Completes a file entry over an existing definition (an override) or on its own (a new id).
enum PlaybookMerge {
    /// A rule from `entry` over `base`; a new rule must give `when`, `status`, `message` and
    /// `action`.
    static func rule(
        _ entry: PlaybookFile.RuleEntry, over base: PlaybookRule?, sector: PlaybookSector
    ) -> Result<
        PlaybookRule, Diagnostic
    > {
        if var rule = base {
            rule.idLocation = entry.idLocation
            if let v = entry.forEach { rule.forEach = v }
            if let v = entry.when, let at = entry.whenLocation {
                rule.when = v
                rule.whenLocation = at
            }
            if let v = entry.status { rule.status = v }
            if let v = entry.message, let at = entry.messageLocations {
                rule.message = v
                rule.messageLocations = at
            }
            if let v = entry.action { rule.action = v }
            if let v = entry.judges {
                rule.judges = v
                rule.judgesLocation = entry.judgesLocation
            }
            if let v = entry.asksForBudget { rule.asksForBudget = v }
            rule.sector = sector
            return .success(rule)
        }
        guard let when = entry.when, let whenAt = entry.whenLocation, let status = entry.status,
            let message = entry.message, let messageAt = entry.messageLocations, let action = entry.action
        else {
            let missing = missingList([
                ("when", entry.when == nil), ("status", entry.status == nil), ("message", entry.message == nil),
                ("action", entry.action == nil),
            ])
            return .failure(.error("new rule `\(entry.id)` needs \(missing)", at: entry.idLocation))
        }
        var rule = PlaybookRule(
            id: entry.id, idLocation: entry.idLocation, forEach: entry.forEach, when: when, whenLocation: whenAt,
            status: status, message: message, messageLocations: messageAt, action: action, sector: sector)
        rule.judges = entry.judges
        rule.judgesLocation = entry.judgesLocation
        rule.asksForBudget = entry.asksForBudget ?? false
        return .success(rule)
    }

    /// A KPI from `entry` over `base`; a new KPI must give `formula` (or `network`), `unit`,
    /// `better` and `level`. Setting one of `formula`/`network` clears the other.
    static func kpi(
        _ entry: PlaybookFile.KPIEntry, over base: PlaybookKPI?, sector: PlaybookSector
    ) -> Result<
        PlaybookKPI, Diagnostic
    > {
        if var kpi = base {
            if let v = entry.label { kpi.label = v }
            if let v = entry.formula {
                kpi.formula = v
                kpi.network = nil
                kpi.formulaLocation = entry.formulaLocation ?? entry.location
            }
            if let v = entry.network {
                kpi.network = v
                kpi.formula = nil
                kpi.formulaLocation = entry.location
            }
            if let v = entry.unit { kpi.unit = v }
            if let v = entry.better { kpi.better = v }
            if let v = entry.level { kpi.level = v }
            if let v = entry.definition { kpi.definition = v }
            kpi.sector = sector
            return .success(kpi)
        }
        guard entry.formula != nil || entry.network != nil, let unit = entry.unit, let better = entry.better,
            let level = entry.level
        else {
            let missing = missingList([
                ("formula", entry.formula == nil && entry.network == nil), ("unit", entry.unit == nil),
                ("better", entry.better == nil), ("level", entry.level == nil),
            ])
            return .failure(.error("new KPI `\(entry.id)` needs \(missing)", at: entry.location))
        }
        return .success(
            PlaybookKPI(
                id: entry.id, label: entry.label ?? PlaybookText(en: entry.id), formula: entry.formula,
                formulaLocation: entry.formulaLocation ?? entry.location, network: entry.network, unit: unit,
                better: better, level: level, definition: entry.definition ?? PlaybookText(en: ""), sector: sector))
    }

    private static func missingList(_ fields: [(String, Bool)]) -> String {
        fields.filter(\.1).map { "`\($0.0)`" }.joined(separator: ", ")
    }
}
