import BoardpackContent

/// What the metrics engine needs to know about a unit beyond its data (from `unit.yml`).
public struct UnitProfile: Sendable {
    /// The unit id (folder name).
    public var id: String
    /// `retail`, `tech`, `luxury`, `banking` (or another playbook's sector).
    public var sector: String
    /// KPI id → target.
    public var targets: [String: Target]
    /// Amber band as a fraction of |target|.
    public var tolerance: Double

    /// Creates a profile.
    public init(id: String, sector: String, targets: [String: Target] = [:], tolerance: Double = 0.10) {
        self.id = id
        self.sector = sector
        self.targets = targets
        self.tolerance = tolerance
    }
}
