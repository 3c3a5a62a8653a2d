import BoardpackContent
import BoardpackFormat
import BoardpackSupport

/// A KPI of the dictionary: label, formula and how to judge it (SPEC §3, §3.2).
///
/// Built-in KPIs, `content/metrics.yml` and sector playbooks all produce values of this type.
package struct KPIDefinition: Sendable, Hashable {
    /// The unit a KPI's value is expressed in; decides formatting.
    package enum ValueUnit: String, Sendable, Hashable, CaseIterable {
        case currency, ratio, count, days, months, multiple
    }

    /// Which direction is better.
    package enum Direction: String, Sendable, Hashable, CaseIterable {
        case higher, lower
    }

    /// The level the KPI is shown at in the Performance section.
    package enum Level: String, Sendable, Hashable, CaseIterable {
        case strategic, performance, operational
    }

    /// The KPI id (also its name inside formulas).
    package var id: String
    package var label: LocalizedText
    /// The formula as written in the dictionary (also written to `metrics.json`).
    package var formula: String
    /// Where the formula text starts, for diagnostics; column offsets are added to it.
    var formulaLocation: SourceLocation
    package var unit: ValueUnit
    package var better: Direction
    package var level: Level
    /// `scope: unit`: breakdowns take the unit-level value (§3.4 rule 5).
    package var unitScoped: Bool
    /// One-line definition for the appendix.
    package var definition: LocalizedText
    /// Sectors the KPI applies to; `nil` means every unit.
    package var sectors: [String]?

    /// Creates a KPI definition.
    package init(
        id: String, label: LocalizedText, formula: String,
        formulaLocation: SourceLocation = SourceLocation(file: MetricDictionary.builtInFile),
        unit: ValueUnit, better: Direction, level: Level, unitScoped: Bool = false,
        definition: LocalizedText = LocalizedText(en: ""), sectors: [String]? = nil
    ) {
        self.id = id
        self.label = label
        self.formula = formula
        self.formulaLocation = formulaLocation
        self.unit = unit
        self.better = better
        self.level = level
        self.unitScoped = unitScoped
        self.definition = definition
        self.sectors = sectors
    }

    /// True when the KPI applies to a unit of `sector`.
    func applies(toSector sector: String) -> Bool {
        sectors.map { $0.contains(sector) } ?? true
    }
}

/// A short text in English and Italian.
package struct LocalizedText: Sendable, Hashable, Decodable {
    package var en: String
    package var it: String

    /// Creates a text; Italian falls back to English when not given.
    package init(en: String, it: String? = nil) {
        self.en = en
        self.it = it ?? en
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case en, it }

    /// Decodes `{en: …, it: …}` (`it` optional) or a plain string used for both languages.
    package init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(en: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        try problems.throwIfAny()
        self.init(en: try c.decode(String.self, forKey: .en), it: try c.decodeIfPresent(String.self, forKey: .it))
    }

    /// The text for a locale identifier such as `it-IT` (English otherwise, in US spelling
    /// for `en-US`).
    package func text(for locale: String) -> String {
        locale.hasPrefix("it") ? it : locale == "en-US" ? USSpelling.apply(en) : en
    }

    /// Both texts transformed the same way.
    package func map(_ transform: (String) -> String) -> LocalizedText {
        LocalizedText(en: transform(en), it: transform(it))
    }
}
