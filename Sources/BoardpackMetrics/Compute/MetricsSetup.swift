import BoardpackContent
import BoardpackSupport

/// The KPI dictionary a build uses: the built-in one with `content/metrics.yml` applied.
package enum MetricsSetup {
    /// Reads the overrides (when the file exists) and merges them, positioning each formula
    /// at its place in the YAML so formula errors point at the right column.
    package static func dictionary(from file: TextFile?) -> (MetricDictionary, [Diagnostic]) {
        guard let file else { return (.builtIn, []) }
        switch YAMLFile.decode(MetricOverride.self, from: file.text, path: file.path) {
        case let .failure(d):
            return (.builtIn, [d])
        case var .success(overrides):
            for id in overrides.kpis.keys where overrides.kpis[id]?.formula != nil {
                overrides.kpis[id]?.formulaLocation = YAMLFile.location(of: ["kpis", id, "formula"], in: file.text, path: file.path)
            }
            for id in overrides.measures.keys {
                overrides.measures[id]?.location = YAMLFile.location(of: ["measures", id], in: file.text, path: file.path)
            }
            return MetricDictionary.builtIn.merging(overrides, file: file.path)
        }
    }
}
