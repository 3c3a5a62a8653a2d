import BoardpackContent

/// A KPI's status (SPEC §3.4 rule 7, §5.5).
package enum KPIStatus: String, Sendable, Hashable, CaseIterable {
    case green, amber, red
    /// No target.
    case none
    /// The value is n/a.
    case na

    /// The status of `value` against `target` with tolerance `t` (a fraction of |target|):
    /// for `higher`, green if v ≥ T, amber if v ≥ T − |T|·t, else red; mirrored for `lower`.
    /// A band is green inside, amber within t·|bound| outside, else red. No target gives
    /// `none` (even for an n/a value); a target with an n/a value gives `na`.
    package static func of(
        _ value: Double?, target: TargetValue?, tolerance t: Double, better: KPIDefinition.Direction
    ) -> KPIStatus {
        guard let target else { return .none }
        guard let v = value else { return .na }
        switch target {
        case .point(let target):
            let band = Swift.abs(target) * t
            switch better {
            case .higher: return v >= target ? .green : v >= target - band ? .amber : .red
            case .lower: return v <= target ? .green : v <= target + band ? .amber : .red
            }
        case .band(let low, let high):
            if v >= low && v <= high { return .green }
            if v < low { return v >= low - Swift.abs(low) * t ? .amber : .red }
            return v <= high + Swift.abs(high) * t ? .amber : .red
        }
    }

    /// The numbers at which the status of a value against `target` changes: the target or the
    /// band's bounds, and the edges of the amber band (SPEC §3.4 rule 9 keeps a shown value on
    /// the same side of each).
    package static func thresholds(of target: TargetValue?, tolerance t: Double, better: KPIDefinition.Direction) -> [Double] {
        switch target {
        case nil: return []
        case .point(let v)?: return [v, better == .higher ? v - Swift.abs(v) * t : v + Swift.abs(v) * t]
        case .band(let low, let high)?: return [low, high, low - Swift.abs(low) * t, high + Swift.abs(high) * t]
        }
    }

    /// Worst first (SPEC §5.5): red, amber, na, green, none.
    package var severity: Int {
        switch self {
        case .red: 0
        case .amber: 1
        case .na: 2
        case .green: 3
        case .none: 4
        }
    }

    /// The worse of two statuses.
    package func worse(_ other: KPIStatus) -> KPIStatus { other.severity < severity ? other : self }
}
