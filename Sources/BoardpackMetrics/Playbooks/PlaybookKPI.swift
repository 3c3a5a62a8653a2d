import BoardpackSupport

/// A sector KPI declared by a playbook, complete after merging built-ins and overrides.
///
/// Field meanings and raw values mirror the metrics dictionary's KPI definitions (SPEC §3), so
/// the integrator maps one onto the other by `rawValue`.
package struct PlaybookKPI: Sendable, Hashable {
    /// The unit a value is expressed in; decides formatting.
    package typealias ValueUnit = KPIDefinition.ValueUnit

    /// Which direction is better.
    package typealias Direction = KPIDefinition.Direction

    /// The level the KPI is shown at in the Performance section.
    package typealias Level = KPIDefinition.Level

    /// The KPI id, also its name inside formulas.
    package var id: String
    /// Display name, en and it.
    package var label: PlaybookText
    /// The formula as written; nil for a network KPI (see `network`).
    package var formula: String?
    /// Where the formula text starts (its first character), or the KPI's key when there is none.
    var formulaLocation: SourceLocation
    /// Set instead of `formula` when the KPI is a reduction across a dimension's values.
    var network: NetworkAggregate?
    /// How values are formatted.
    package var unit: ValueUnit
    /// Which direction is better (drives target status).
    package var better: Direction
    /// The Performance-section level.
    package var level: Level
    /// One-line definition for the appendix.
    package var definition: PlaybookText
    /// The playbook that declared it.
    package var sector: PlaybookSector

    /// Creates a KPI.
    package init(
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
