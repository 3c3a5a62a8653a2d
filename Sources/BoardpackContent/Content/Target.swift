/// What a KPI is held to in one month: a number, or a band `{min, max}` (SPEC §2.2, §3.4 rule 7).
package enum TargetValue: Sendable, Hashable {
    case point(Double)
    case band(min: Double, max: Double)

    /// The target written with `format`: the value, or the band's bounds (`80.0%–110.0%`).
    package func text(_ format: (Double) -> String) -> String {
        switch self {
        case .point(let v): format(v)
        case .band(let low, let high): "\(format(low))–\(format(high))"
        }
    }

    /// The number a chart draws as the target line (a band has none).
    package var point: Double? {
        if case .point(let v) = self { return v }
        return nil
    }
}

/// A KPI target from `unit.yml`: one value, or a list of `{from: YYYY-MM, …}` entries.
package enum Target: Sendable, Hashable {
    case constant(TargetValue)
    case schedule([(from: Month, value: TargetValue)])

    /// The target in force at `month`: the entry with the latest `from` not after it (SPEC §3.4 rule 6).
    package func value(at month: Month) -> TargetValue? {
        switch self {
        case .constant(let v): return v
        case .schedule(let entries):
            return entries.filter { $0.from <= month }.max { $0.from < $1.from }?.value
        }
    }

    package static func == (a: Target, b: Target) -> Bool {
        switch (a, b) {
        case (.constant(let x), .constant(let y)): x == y
        case (.schedule(let x), .schedule(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.from == $1.from && $0.value == $1.value }
        default: false
        }
    }

    package func hash(into h: inout Hasher) {
        switch self {
        case .constant(let v): h.combine(v)
        case .schedule(let e):
            for x in e {
                h.combine(x.from)
                h.combine(x.value)
            }
        }
    }
}

/// `45` reads as the target 45, so a target is written as plainly in code as in `unit.yml`.
extension TargetValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    package init(floatLiteral value: Double) { self = .point(value) }
    package init(integerLiteral value: Int) { self = .point(Double(value)) }
}
