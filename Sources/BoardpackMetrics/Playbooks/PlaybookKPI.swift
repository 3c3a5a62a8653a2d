import BoardpackSupport

/// A sector KPI declared by a playbook, complete after merging built-ins and overrides.
///
/// Field meanings and raw values mirror the metrics dictionary's KPI definitions (SPEC §3), so
/// the integrator maps one onto the other by `rawValue`.
public struct PlaybookKPI: Sendable, Hashable {
    /// The unit a value is expressed in; decides formatting.
    public typealias ValueUnit = KPIDefinition.ValueUnit

    /// Which direction is better.
    public typealias Direction = KPIDefinition.Direction

    /// The level the KPI is shown at in the Performance section.
    public typealias Level = KPIDefinition.Level

    /// The KPI id, also its name inside formulas.
    public var id: String
    /// Display name, en and it.
    public var label: PlaybookText
    /// The formula as written; nil for a network KPI (see `network`).
    public var formula: String?
    /// Where the formula text starts (its first character), or the KPI's key when there is none.
    public var formulaLocation: SourceLocation
    /// Set instead of `formula` when the KPI is a reduction across a dimension's values.
    public var network: NetworkAggregate?
    /// How values are formatted.
    public var unit: ValueUnit
    /// Which direction is better (drives target status).
    public var better: Direction
    /// The Performance-section level.
    public var level: Level
    /// One-line definition for the appendix.
    public var definition: PlaybookText
    /// The playbook that declared it.
    public var sector: PlaybookSector

    /// Creates a KPI.
    public init(
        id: String, label: PlaybookText, formula: String?, formulaLocation: SourceLocation,
        network: NetworkAggregate? = nil, unit: ValueUnit, better: Direction, level: Level,
        definition: PlaybookText, sector: PlaybookSector
    ) {
        self.id = id
        self.label = label
        self.formula = formula
        self.formulaLocation = formulaLocation
        self.network = network
        self.unit = unit
        self.better = better
        self.level = level
        self.definition = definition
        self.sector = sector
    }
}
