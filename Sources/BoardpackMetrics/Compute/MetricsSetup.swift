import BoardpackContent
import BoardpackSupport
import Yams

/// The KPI dictionary a build uses: the built-in one with `content/metrics.yml` applied.
package enum MetricsSetup {
    /// Reads the overrides (when the file exists) and merges them, positioning each formula
    /// at its place in the YAML so formula errors point at the right column.
    package static func dictionary(from file: TextFile?) -> (MetricDictionary, [Diagnostic]) {
        guard let file else { return (.builtIn, []) }
        switch YAMLFile.decodeTree(MetricOverride.self, from: file.text, path: file.path, lineOffset: 0) {
        case let .failure(error):
            return (.builtIn, error.diagnostics)
        case .success((var overrides, let root)):
            var idProblems: [Diagnostic] = []
            for (section, what) in [("measures", "measure id"), ("kpis", "KPI id")] {
                for key in root[section]?.mapping.map({ Array($0.keys) }) ?? [] {
                    guard let id = key.string, !MetricID.isValid(id) else { continue }
                    idProblems.append(
                        .error(MetricID.problem(id, what: what), at: YAMLFile.location(key.mark, path: file.path, lineOffset: 0)))
                }
            }
            guard idProblems.isEmpty else { return (.builtIn, idProblems) }
            for id in overrides.kpis.keys where overrides.kpis[id]?.formula != nil {
                overrides.kpis[id]?.formulaLocation = YAMLFile.location(of: ["kpis", id, "formula"], in: root, path: file.path)
            }
            for id in overrides.measures.keys {
                overrides.measures[id]?.location = YAMLFile.location(of: ["measures", id], in: root, path: file.path)
            }
            return MetricDictionary.builtIn.merging(overrides, file: file.path)
        }
    }
}
