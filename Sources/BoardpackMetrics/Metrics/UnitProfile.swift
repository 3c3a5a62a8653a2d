import BoardpackContent

/// What the metrics engine needs to know about a unit beyond its data (from `unit.yml`).
package struct UnitProfile: Sendable {
    /// The unit id (folder name).
    package var id: String
    /// `retail`, `tech`, `luxury`, `banking` (or another playbook's sector).
    package var sector: String
    /// KPI id → target.
    package var targets: [String: Target]
    /// Amber band as a fraction of |target|.
    package var tolerance: Double
    /// The longest customer lifetime CLV counts, in months (`clv_lifetime_months`, SPEC §3.2).
    package var lifetimeMonths: Double

    /// `clv_lifetime_months` when `unit.yml` does not set it.
    package static let defaultLifetimeMonths = 60.0

    /// Creates a profile.
    package init(
        id: String, sector: String, targets: [String: Target] = [:], tolerance: Double = 0.10,
        lifetimeMonths: Double = defaultLifetimeMonths
    ) {
        self.id = id
        self.sector = sector
        self.targets = targets
        self.tolerance = tolerance
        self.lifetimeMonths = lifetimeMonths
    }
}
