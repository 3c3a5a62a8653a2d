extension PackMetrics {
    /// The `metrics.json` document: `schema`, `unit`, `period`, `period_kind`, `audience`, `kpis`
    /// and `breakdowns`; `extra` adds further top-level members (`playbook`, `governance`) and
    /// may not replace these.
    public func json(audience: String, extra: [String: JSONValue] = [:]) -> JSONValue {
        var kpiMembers: [String: JSONValue] = [:]
        for k in kpis {
            kpiMembers[k.id] = .object([
                "value": .number(k.value), "previous": .number(k.previous), "delta": .number(k.delta),
                "change": .number(k.change), "year_ago": .number(k.yearAgo), "yoy_change": .number(k.yoyChange),
                "target": .number(k.target), "status": .string(k.status.rawValue), "partial": .bool(k.partial),
                "formula": .string(k.formula),
            ])
        }
        let breakdownMembers = breakdowns.mapValues { byValue in
            JSONValue.object(byValue.mapValues { row in JSONValue.object(row.mapValues { JSONValue.number($0) }) })
        }
        var members = extra
        members["schema"] = .number(1)
        members["unit"] = .string(unit)
        members["period"] = .string(period.description)
        members["period_kind"] = .string(period.kind)
        members["audience"] = .string(audience)
        members["kpis"] = .object(kpiMembers)
        members["breakdowns"] = .object(breakdownMembers)
        return .object(members)
    }
}
