/// A KPI's status against its target (SPEC §3.4 rule 7).
package enum KPIStatus: String, Sendable, Hashable {
    case green, amber, red
    /// No target.
    case none
    /// The value is n/a.
    case na

    /// The status of `value` against `target` with tolerance `t` (a fraction of |target|):
    /// for `higher`, green if v ≥ T, amber if v ≥ T − |T|·t, else red; mirrored for `lower`.
    /// No target gives `none` (even for an n/a value); a target with an n/a value gives `na`.
    package static func of(
        _ value: Double?, target: Double?, tolerance t: Double, better: KPIDefinition.Direction
    ) -> KPIStatus {
        guard let target else { return .none }
        guard let v = value else { return .na }
        let band = Swift.abs(target) * t
        switch better {
        case .higher: return v >= target ? .green : v >= target - band ? .amber : .red
        case .lower: return v <= target ? .green : v <= target + band ? .amber : .red
        }
    }
}
