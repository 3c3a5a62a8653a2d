/// The column names a unit's data files may use (SPEC §2.3).
package struct DataFileSchema: Sendable {
    /// Text columns: `unit.yml` `dimensions`, plus `channel`, which is always allowed.
    var allowedDimensions: Set<String>
    /// Numeric columns: the measures of SPEC §3.1 and §5.2 and those declared in `metrics.yml`.
    package var knownMeasures: Set<String>

    /// Creates a schema; `channel` is added to the dimensions whether listed or not.
    package init(allowedDimensions: Set<String>, knownMeasures: Set<String>) {
        self.allowedDimensions = allowedDimensions.union(["channel"])
        self.knownMeasures = knownMeasures
    }

    /// Every name a header may hold, for "did you mean" suggestions.
    var allNames: Set<String> {
        allowedDimensions.union(knownMeasures).union(["month", "date"])
    }
}
