/// A KPI target from `unit.yml`: one number, or a list of `{from: YYYY-MM, value}` entries.
package enum Target: Sendable, Hashable {
    case constant(Double)
    case schedule([(from: Month, value: Double)])

    /// The target in force at `month`: the entry with the latest `from` not after it (SPEC §3.4 rule 6).
    package func value(at month: Month) -> Double? {
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
