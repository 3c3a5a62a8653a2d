import BoardpackContent
import BoardpackSupport

/// The contents of `content/metrics.yml`: additions and overrides keyed by id.
///
/// ```yaml
/// measures:
///   demo_requests: {aggregation: sum, kind: count}
/// kpis:
///   cac: {formula: (spend + overhead) / new_customers}
///   demo_rate: {label: {en: Demo rate, it: Tasso demo}, formula: demo_requests / leads,
///               unit: ratio, better: higher, level: performance}
/// ```
package struct MetricOverride: Sendable, Decodable {
    /// Measure overrides by id.
    package var measures: [String: MeasureOverride]
    /// KPI overrides by id.
    package var kpis: [String: KPIOverride]

    /// Creates an override set.
    package init(measures: [String: MeasureOverride] = [:], kpis: [String: KPIOverride] = [:]) {
        self.measures = measures
        self.kpis = kpis
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case measures, kpis }

    /// `scope:` is `unit` (the KPI or measure takes the unit's value in a breakdown) or `none`
    /// (clears an inherited scope); a misspelt scope must not quietly mean `none`.
    static func scope<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> String? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard text == "unit" || text == "none" else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "`scope` must be unit or none, not `\(text)`")
        }
        return text
    }

    /// Decodes `measures` and `kpis`, both optional, reporting every unknown key of the file.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        measures = problems.field([:]) { try c.decodeIfPresent([String: MeasureOverride].self, forKey: .measures) ?? [:] }
        kpis = problems.field([:]) { try c.decodeIfPresent([String: KPIOverride].self, forKey: .kpis) ?? [:] }
        try problems.throwIfAny()
    }
}

/// How a measure may be overridden: every field optional.
package struct MeasureOverride: Sendable, Decodable {
    /// `sum`, `last` or `mean`.
    package enum AggregationName: String, Sendable, Decodable { case sum, last, mean }

    var aggregation: AggregationName?
    /// The weight measure of a `mean` (absent: plain mean, or the existing weight).
    package var weight: String?
    package var kind: MeasureDefinition.Kind?
    /// `unit` to make breakdowns take the unit-level value.
    package var scope: String?
    var meaning: String?
    /// `plan: true`: a plan figure (a budget, a target), whose rows alone give a month no pack.
    var plan: Bool?
    /// Where the entry is (set by the loader, not decoded).
    package var location: SourceLocation?

    private enum CodingKeys: String, CodingKey, CaseIterable { case aggregation, weight, kind, scope, meaning, plan }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        aggregation = problems.field(nil) { try c.decodeIfPresent(AggregationName.self, forKey: .aggregation) }
        weight = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .weight) }
        kind = problems.field(nil) { try c.decodeIfPresent(MeasureDefinition.Kind.self, forKey: .kind) }
        scope = problems.field(nil) { try MetricOverride.scope(c, .scope) }
        meaning = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .meaning) }
        plan = problems.field(nil) { try c.decodeIfPresent(Bool.self, forKey: .plan) }
        try problems.throwIfAny()
    }

    /// Creates an override.
    package init(
        aggregation: AggregationName? = nil, weight: String? = nil, kind: MeasureDefinition.Kind? = nil,
        scope: String? = nil, meaning: String? = nil, location: SourceLocation? = nil
    ) {
        self.aggregation = aggregation
        self.weight = weight
        self.kind = kind
        self.scope = scope
        self.meaning = meaning
        self.location = location
    }
}

extension MeasureDefinition.Kind: Decodable {}

/// How a KPI may be added or overridden: every field optional (a new KPI needs `formula`,
/// `unit`, `better` and `level`).
package struct KPIOverride: Sendable, Decodable {
    /// A label: a plain string (both languages) or `{en: …, it: …}`.
    package var label: LocalizedText?
    package var formula: String?
    package var unit: KPIDefinition.ValueUnit?
    package var better: KPIDefinition.Direction?
    package var level: KPIDefinition.Level?
    /// `unit` for unit scope; anything else clears it.
    package var scope: String?
    package var definition: LocalizedText?
    package var sectors: [String]?
    /// Where the formula text starts (set by the loader from the YAML marks, not decoded).
    var formulaLocation: SourceLocation?

    private enum CodingKeys: String, CodingKey, CaseIterable { case label, formula, unit, better, level, scope, definition, sectors }

    /// Creates an override.
    package init(
        label: LocalizedText? = nil, formula: String? = nil, unit: KPIDefinition.ValueUnit? = nil,
        better: KPIDefinition.Direction? = nil, level: KPIDefinition.Level? = nil, scope: String? = nil,
        definition: LocalizedText? = nil, sectors: [String]? = nil, formulaLocation: SourceLocation? = nil
    ) {
        self.label = label
        self.formula = formula
        self.unit = unit
        self.better = better
        self.level = level
        self.scope = scope
        self.definition = definition
        self.sectors = sectors
        self.formulaLocation = formulaLocation
    }

    /// Decodes the documented fields; `label`/`definition` accept a string or `{en, it}`.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        label = problems.field(nil) { try Self.decodeText(c, .label) }
        formula = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .formula) }
        unit = problems.field(nil) { try c.decodeIfPresent(KPIDefinition.ValueUnit.self, forKey: .unit) }
        better = problems.field(nil) { try c.decodeIfPresent(KPIDefinition.Direction.self, forKey: .better) }
        level = problems.field(nil) { try c.decodeIfPresent(KPIDefinition.Level.self, forKey: .level) }
        scope = problems.field(nil) { try MetricOverride.scope(c, .scope) }
        definition = problems.field(nil) { try Self.decodeText(c, .definition) }
        sectors = problems.field(nil) {
            let sectors = try c.decodeIfPresent([String].self, forKey: .sectors)
            let known = UnitConfig.Sector.allCases.map(\.rawValue)
            if let unknown = sectors?.first(where: { !known.contains($0) }) {
                throw DecodingError.dataCorruptedError(
                    forKey: .sectors, in: c,
                    debugDescription: "unknown sector `\(unknown)` in `sectors` (expected \(known.joined(separator: ", ")))")
            }
            return sectors
        }
        try problems.throwIfAny()
    }

    private static func decodeText(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> LocalizedText? {
        if let s = try? c.decodeIfPresent(String.self, forKey: key) { return LocalizedText(en: s) }
        return try c.decodeIfPresent(LocalizedText.self, forKey: key)
    }
}

extension KPIDefinition.ValueUnit: Decodable {}
extension KPIDefinition.Direction: Decodable {}
extension KPIDefinition.Level: Decodable {}
