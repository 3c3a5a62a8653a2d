@testable import BoardpackContent
@testable import BoardpackMetrics
@testable import BoardpackPresentation

/// The reference `metrics.json`: the document as a tree of dictionaries, each object's keys
/// sorted when it is written. The library writes the document straight from a pack's figures
/// (`JSONWriter`, `PackMetricsJSON`); tests compare the two byte for byte.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A number, or `null` for n/a.
    static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }

    /// The number's text, as the library writes it.
    static func format(_ d: Double) -> String { JSONText.format(d) }

    /// The document as text, ending with a newline.
    func render() -> String {
        var writer = JSONWriter(capacity: 4096)
        write(to: &writer)
        return writer.finish()
    }

    /// The value at the writer's position, each object's members in the byte order of their keys.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let d): writer.number(d)
        case .string(let s): writer.quote(s)
        case .array(let items):
            writer.beginArray()
            for item in items {
                writer.item()
                item.write(to: &writer)
            }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for index in JSONText.utf8Order(members.keys) {
                writer.key(members[index].key)
                members[index].value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}

extension JSONValue: JSONWritable {}

extension PackMetricsJSON {
    /// The same document as a tree.
    var value: JSONValue {
        var kpiMembers: [String: JSONValue] = [:]
        for k in pack.kpis {
            kpiMembers[k.id] = .object([
                "value": .number(k.value), "previous": .number(k.previous), "delta": .number(k.delta),
                "change": .number(k.change), "year_ago": .number(k.yearAgo), "yoy_change": .number(k.yoyChange),
                "target": Self.target(k.target), "status": .string(k.status.rawValue),
                "target_status": .string(k.targetStatus.rawValue), "partial": .bool(k.partial),
                "formula": .string(k.formula),
            ])
        }
        let breakdownMembers = pack.breakdowns.mapValues { byValue in
            JSONValue.object(byValue.mapValues { row in JSONValue.object(row.mapValues { JSONValue.number($0) }) })
        }
        var members = extra.mapValues { member -> JSONValue in
            switch member {
            case let tree as JSONValue: tree
            case let playbook as PackJSON.Playbook: playbook.jsonValue
            case let governance as PackJSON.Governance: governance.jsonValue
            default: .null
            }
        }
        members["schema"] = .number(2)
        members["unit"] = .string(pack.unit)
        members["period"] = .string(pack.period.description)
        members["period_kind"] = .string(pack.period.kind)
        members["audience"] = .string(audience)
        members["kpis"] = .object(kpiMembers)
        members["breakdowns"] = .object(breakdownMembers)
        return .object(members)
    }
}

extension PackMetricsJSON {
    /// A target as a tree: a number, a band `{min, max}`, or null.
    static func target(_ target: TargetValue?) -> JSONValue {
        switch target {
        case nil: .null
        case .point(let v)?: .number(v)
        case .band(let low, let high)?: .object(["min": .number(low), "max": .number(high)])
        }
    }
}

extension PackJSON.Playbook {
    /// The member as a tree.
    var jsonValue: JSONValue {
        .array(
            results.map { r in
                var members: [String: JSONValue] = [
                    "rule": .string(r.ruleID), "status": .string(r.status.rawValue),
                    "subject": r.subject.map(JSONValue.string) ?? .null,
                    "message": r.message.map { .string($0.text(for: locale.rawValue)) } ?? .null,
                    "kpis": .array(r.kpis.map(JSONValue.string)), "streak": .number(r.streak.map(Double.init)),
                ]
                if quarterly { members["months"] = .array(r.months.map { .string($0.description) }) }
                return .object(members)
            })
    }
}

extension PackJSON.Governance {
    /// The member as a tree.
    var jsonValue: JSONValue {
        var votes: [String: JSONValue] = [:]
        for model in LeadershipModel.allCases { votes[model.rawValue] = .number(vote.votes[model] ?? 0) }
        return .object([
            "recommended_model": vote.recommended.map { .string($0.rawValue) } ?? .null,
            "votes": .object(votes),
            "annual_marketing_cost": .number(vote.annualMarketingCost),
            "budget_factor": .string(vote.annualMarketingCost == nil ? "abstains: annual marketing cost not available" : "votes"),
        ])
    }
}
