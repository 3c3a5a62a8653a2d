import BoardpackSupport

extension MetricDictionary {
    /// A copy with `content/metrics.yml` applied: existing ids get the given fields replaced,
    /// new ids are added. A new KPI without `formula`, `unit`, `better` and `level`, or a new
    /// id that clashes with an existing measure or KPI of the other kind, is an error.
    /// `file` names metrics.yml in diagnostics when an entry carries no location.
    func merging(
        _ overrides: MetricOverride, file: String = "content/metrics.yml"
    ) -> (
        MetricDictionary, [Diagnostic]
    ) {
        var copy = self
        var diagnostics: [Diagnostic] = []
        for (id, o) in overrides.measures.sorted(by: { $0.key < $1.key }) {
            let at = o.location ?? SourceLocation(file: file)
            if kpis[id] != nil && measures[id] == nil {
                diagnostics.append(.error("measure id `\(id)` is already a KPI; ids must be unique", at: at))
                continue
            }
            var m = measures[id] ?? MeasureDefinition(id)
            if let agg = o.aggregation {
                switch agg {
                case .sum: m.aggregation = .sum
                case .last: m.aggregation = .last
                case .mean: m.aggregation = .mean(weight: o.weight)
                }
            } else if let w = o.weight, case .mean = m.aggregation {
                m.aggregation = .mean(weight: w)
            }
            if let k = o.kind { m.kind = k }
            if let s = o.scope { m.unitScoped = s == "unit" }
            if let t = o.meaning { m.meaning = t }
            if let p = o.plan { m.plan = p }
            copy.setMeasure(m)
        }
        for (id, o) in overrides.kpis.sorted(by: { $0.key < $1.key }) {
            let at = o.formulaLocation ?? SourceLocation(file: file)
            if let existing = kpis[id] {
                copy.setKPI(Self.apply(o, to: existing, at: at))
                continue
            }
            if measures[id] != nil && o.formula?.trimmingSpaces != id {
                diagnostics.append(.error("KPI id `\(id)` is already a measure; ids must be unique", at: at))
                continue
            }
            guard let formula = o.formula, let unit = o.unit, let better = o.better, let level = o.level else {
                let missing = [
                    o.formula == nil ? "formula" : nil, o.unit == nil ? "unit" : nil,
                    o.better == nil ? "better" : nil, o.level == nil ? "level" : nil,
                ].compactMap { $0 }
                diagnostics.append(
                    .error("new KPI `\(id)` needs \(missing.map { "`\($0)`" }.joined(separator: ", "))", at: at))
                continue
            }
            let kpi = KPIDefinition(
                id: id, label: o.label ?? LocalizedText(en: id), formula: formula, formulaLocation: at, unit: unit,
                better: better, level: level, unitScoped: o.scope == "unit",
                definition: o.definition ?? LocalizedText(en: ""), sectors: o.sectors)
            copy.setKPI(kpi)
        }
        return (copy, diagnostics)
    }

    private static func apply(_ o: KPIOverride, to base: KPIDefinition, at: SourceLocation) -> KPIDefinition {
        var k = base
        if let v = o.label { k.label = v }
        if let v = o.formula {
            k.formula = v
            k.formulaLocation = at
        }
        if let v = o.unit { k.unit = v }
        if let v = o.better { k.better = v }
        if let v = o.level { k.level = v }
        if let v = o.scope { k.unitScoped = v == "unit" }
        if let v = o.definition { k.definition = v }
        if let v = o.sectors { k.sectors = v }
        return k
    }
}
