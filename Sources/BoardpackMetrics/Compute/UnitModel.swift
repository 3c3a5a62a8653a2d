import BoardpackContent

/// A unit ready to render: its content, metrics engine and packs.
package struct UnitModel: Sendable {
    package var unit: UnitContent
    package var metrics: UnitMetrics
    package var periods: [Period]
    package var locale: PackLocale
    package var playbooks: CompiledPlaybooks
    /// Reconciliation findings (SPEC §3.6) over all the unit's data.
    package var findings: [DataQualityFinding]
}
