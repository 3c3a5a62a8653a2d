import Foundation

/// `units/<id>/unit.yml`: the company (or business unit) a pack is for.
package struct UnitConfig: Sendable, Equatable, Decodable {
    /// The four sectors with built-in playbooks.
    package enum Sector: String, Sendable, Codable, CaseIterable { case retail, tech, luxury, banking }

    package var name: String
    package var sector: Sector
    package var currency: String
    package var locale: String?
    package var preparedBy: String?
    package var confidentiality: String?
    package var headline: [String]
    package var targets: [String: Target]
    package var tolerance: Double
    package var dimensions: [String]
    package var governance: Governance
    /// The longest customer lifetime CLV counts, in months (SPEC §3.2); nil for the default.
    package var clvLifetimeMonths: Double?
    /// The month the unit's fiscal year starts, when it is not the site's.
    package var fiscalYearStart: Int?
    /// Display names of dimension values (SPEC §2.2): value → language (`en`, `it`, or `""`
    /// for every language) → name.
    package var labels: [String: [String: String]] = [:]
    /// How files of `data/` come to be (SPEC §2.5): snapshots of commands.
    package var sources: [SourceConfig]
    /// Field delimiter of the unit's CSV exports (`,` unless set to `;`).
    var csvDelimiter: String
    /// `dot` (default) or `comma` (Italian-style exports).
    var csvDecimal: String

    /// The essential six KPIs of the seeds: the default headline.
    package static let defaultHeadline = ["cac", "clv", "lead_to_customer_rate", "romi", "lvr", "sales_cycle_days"]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, sector, currency, locale, confidentiality, headline, targets, tolerance, dimensions, governance
        case preparedBy = "prepared_by"
        case csvDelimiter = "csv_delimiter"
        case csvDecimal = "csv_decimal"
        case clvLifetimeMonths = "clv_lifetime_months"
        case fiscalYearStart = "fiscal_year_start"
        case labels
        case sources
    }

    /// Decodes and checks every field, reporting all the problems of the file at once.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        name = problems.field("") { try c.decode(String.self, forKey: .name) }
        sector = problems.field(.retail) {
            let text = try c.decode(String.self, forKey: .sector)
            guard let sector = Sector(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .sector, in: c, debugDescription: "unknown sector `\(text)` (expected retail, tech, luxury or banking)")
            }
            return sector
        }
        currency = problems.field("EUR") {
            let code = try c.decode(String.self, forKey: .currency)
            if code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                throw DecodingError.dataCorruptedError(
                    forKey: .currency, in: c, debugDescription: "`currency` must be an ISO 4217 code such as EUR, not `\(code)`")
            }
            return code
        }
        locale = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .locale) }
        preparedBy = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .preparedBy) }
        confidentiality = problems.field(nil) { try c.decode(String.self, forKey: .confidentiality) }
        headline = problems.field(Self.defaultHeadline) { try c.decodeIfPresent([String].self, forKey: .headline) ?? Self.defaultHeadline }
        targets = problems.field([:]) { (try c.decodeIfPresent([String: TargetYAML].self, forKey: .targets) ?? [:]).mapValues(\.target) }
        tolerance = problems.field(0.10) {
            let t = try c.decodeFiniteIfPresent(.tolerance) ?? 0.10
            if t < 0 {
                throw DecodingError.dataCorruptedError(forKey: .tolerance, in: c, debugDescription: "`tolerance` cannot be negative")
            }
            return t
        }
        dimensions = problems.field(["channel"]) { try c.decodeIfPresent([String].self, forKey: .dimensions) ?? ["channel"] }
        clvLifetimeMonths = problems.field(nil) {
            guard let months = try c.decodeFiniteIfPresent(.clvLifetimeMonths) else { return nil }
            if months < 1 {
                throw DecodingError.dataCorruptedError(
                    forKey: .clvLifetimeMonths, in: c, debugDescription: "`clv_lifetime_months` must be 1 or more, not \(months)")
            }
            return months
        }
        fiscalYearStart = problems.field(nil) { try SiteConfig.fiscalYearStart(c, .fiscalYearStart) }
        labels = problems.field([:]) { try c.decodeIfPresent([String: DimensionLabel].self, forKey: .labels)?.mapValues(\.names) ?? [:] }
        sources = problems.field([]) {
            let sources = try c.decodeIfPresent([SourceConfig].self, forKey: .sources) ?? []
            var seen = Set<String>()
            for source in sources where !seen.insert(source.file).inserted {
                throw DecodingError.dataCorruptedError(
                    forKey: .sources, in: c, debugDescription: "two sources write `\(source.file)`")
            }
            return sources
        }
        governance = problems.field(Governance()) { try c.decodeIfPresent(Governance.self, forKey: .governance) ?? Governance() }
        csvDelimiter = problems.field(",") {
            let d = try c.decodeIfPresent(String.self, forKey: .csvDelimiter) ?? ","
            if d != "," && d != ";" {
                throw DecodingError.dataCorruptedError(
                    forKey: .csvDelimiter, in: c, debugDescription: "`csv_delimiter` must be \",\" or \";\"")
            }
            return d
        }
        csvDecimal = problems.field("dot") {
            let d = try c.decodeIfPresent(String.self, forKey: .csvDecimal) ?? "dot"
            if d != "dot" && d != "comma" {
                throw DecodingError.dataCorruptedError(forKey: .csvDecimal, in: c, debugDescription: "`csv_decimal` must be dot or comma")
            }
            return d
        }
        if csvDecimal == "comma" && csvDelimiter == "," {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .csvDecimal, in: c,
                    debugDescription: "`csv_decimal: comma` needs `csv_delimiter: \";\"` (a comma cannot be both)"))
        }
        try problems.throwIfAny()
    }

    /// The inputs of the leadership-model check (SPEC §5.3).
    package struct Governance: Sendable, Equatable, Decodable {
        package var digitalMaturity: String?
        package var orgComplexity: String?
        package var growthObjective: String?

        package init(digitalMaturity: String? = nil, orgComplexity: String? = nil, growthObjective: String? = nil) {
            self.digitalMaturity = digitalMaturity
            self.orgComplexity = orgComplexity
            self.growthObjective = growthObjective
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case digitalMaturity = "digital_maturity"
            case orgComplexity = "org_complexity"
            case growthObjective = "growth_objective"
        }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems = DecodingProblems()
            decoder.rejectUnknownKeys(CodingKeys.self, &problems)
            digitalMaturity = problems.field(nil) { try Self.choice(c, .digitalMaturity, ["low", "high"]) }
            orgComplexity = problems.field(nil) { try Self.choice(c, .orgComplexity, ["lean", "multi_department"]) }
            growthObjective = problems.field(nil) { try Self.choice(c, .growthObjective, ["validation", "expansion"]) }
            try problems.throwIfAny()
        }

        static func choice(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ allowed: [String]) throws -> String? {
            guard let value = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard allowed.contains(value) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "`\(key.rawValue)` must be \(allowed.joined(separator: " or ")), not `\(value)`")
            }
            return value
        }
    }
}

/// Decodes a KPI target from `unit.yml`: a number, a band `{min, max}`, or a list of
/// `{from: YYYY-MM, value}` or `{from: YYYY-MM, min, max}` entries.
struct TargetYAML: Decodable {
    var target: Target

    /// A band as written: `{min: 0.9, max: 1.05}`.
    struct Band: Decodable {
        var value: TargetValue

        enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems = DecodingProblems()
            decoder.rejectUnknownKeys(CodingKeys.self, &problems)
            let bounds = try Self.bounds(c, &problems)
            try problems.throwIfAny()
            value = .band(min: bounds.min, max: bounds.max)
        }

        /// `min` and `max`, both required, finite and in order.
        static func bounds<K: CodingKey>(
            _ c: KeyedDecodingContainer<K>, _ problems: inout DecodingProblems
        ) throws -> (min: Double, max: Double)
        where K: CaseIterable {
            let minKey = K(stringValue: "min")!, maxKey = K(stringValue: "max")!
            let low = problems.field(0) {
                guard let v = try c.decodeFiniteIfPresent(minKey) else {
                    throw DecodingError.keyNotFound(
                        minKey, .init(codingPath: c.codingPath, debugDescription: "a band needs `min` and `max`"))
                }
                return v
            }
            let high = problems.field(0) {
                guard let v = try c.decodeFiniteIfPresent(maxKey) else {
                    throw DecodingError.keyNotFound(
                        maxKey, .init(codingPath: c.codingPath, debugDescription: "a band needs `min` and `max`"))
                }
                return v
            }
            if problems.errors.isEmpty && low > high {
                problems.errors.append(
                    DecodingError.dataCorruptedError(
                        forKey: minKey, in: c, debugDescription: "a band's `min` (\(low)) is above its `max` (\(high))"))
            }
            return (low, high)
        }
    }

    struct Entry: Decodable {
        var from: String
        var value: TargetValue

        enum CodingKeys: String, CodingKey, CaseIterable { case from, value, min, max }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems = DecodingProblems()
            decoder.rejectUnknownKeys(CodingKeys.self, &problems)
            from = problems.field("") { try c.decode(String.self, forKey: .from) }
            if c.contains(.min) || c.contains(.max) {
                if c.contains(.value) {
                    problems.errors.append(
                        DecodingError.dataCorruptedError(
                            forKey: .value, in: c, debugDescription: "a target entry has either `value` or `min` and `max`, not both"))
                }
                let bounds = try Band.bounds(c, &problems)
                value = .band(min: bounds.min, max: bounds.max)
            } else {
                value = .point(
                    problems.field(0) {
                        guard let value = try c.decodeFiniteIfPresent(.value) else {
                            throw DecodingError.keyNotFound(CodingKeys.value, .init(codingPath: c.codingPath, debugDescription: ""))
                        }
                        return value
                    })
            }
            try problems.throwIfAny()
        }
    }

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let number = try? single.decode(Double.self) {
            guard number.isFinite else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "a target must be a finite number, not \(number)")
            }
            target = .constant(.point(number))
            return
        }
        if (try? decoder.container(keyedBy: Band.CodingKeys.self)) != nil {
            target = .constant(try Band(from: decoder).value)
            return
        }
        var list = try decoder.unkeyedContainer()
        var entries: [(from: Month, value: TargetValue)] = []
        while !list.isAtEnd {
            let entry = try list.decode(Entry.self)
            guard let month = Month(parsing: entry.from) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: list.codingPath, debugDescription: "target `from` must be a month written YYYY-MM, not `\(entry.from)`")
                )
            }
            entries.append((month, entry.value))
        }
        target = .schedule(entries.sorted { $0.from < $1.from })
    }
}

/// A dimension value's display name in `unit.yml`'s `labels:`: one name for every language
/// (`store-001: Milano Duomo`) or one per language (`{en: Local radio, it: Radio locale}`).
struct DimensionLabel: Decodable {
    var names: [String: String]

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            names = ["": name]
            return
        }
        let byLanguage = try decoder.singleValueContainer().decode([String: String].self)
        if let other = byLanguage.keys.sorted().first(where: { !["en", "it"].contains($0) }) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "a label is a name, or names by language (`en`, `it`), not `\(other)`"
                ))
        }
        names = byLanguage
    }
}

extension UnitConfig {
    /// How a dimension value shows in `language` (`en`, `it`): its label, else the value
    /// humanised when it is an identifier of lowercase words (`paid_search` → `Paid search`),
    /// else as written (`store-005`, matching the notes).
    package func displayName(_ value: String, language: String) -> String {
        if let names = labels[value], let name = names[language] ?? names[""] ?? names["en"] { return name }
        guard !value.isEmpty, value.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else { return value }
        let spaced = value.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
