import BoardpackContent
import BoardpackSupport
import Yams

extension PlaybookFile {
    /// Parses a playbook file. YAML syntax errors, unknown values (`status: purple`), unknown
    /// keys and duplicate rule ids come back as diagnostics at their line and column; every rule's
    /// `when`, every formula and every message carries the position of its first character.
    package static func parse(_ text: String, path: String) -> Result<PlaybookFile, DiagnosticsError> {
        let document: Document, root: Node
        // The tree that was decoded gives the marks.
        switch YAMLFile.decodeTree(Document.self, from: text, path: path, lineOffset: 0) {
        case .failure(let error): return .failure(error)
        case .success(let decoded): (document, root) = decoded
        }
        var reader = PlaybookNodeReader(path: path)
        reader.checkKeys(root, allowed: documentKeys, what: "a playbook")
        var file = PlaybookFile(path: path, sector: document.sector)
        if let kpis = root["kpis"]?.mapping {
            for (key, value) in kpis {
                guard let id = key.string, var entry = document.kpis[id] else { continue }
                reader.checkKeys(value, allowed: kpiKeys, what: "a KPI")
                if !MetricID.isValid(id) {
                    reader.diagnostics.append(.error(MetricID.problem(id, what: "KPI id"), at: reader.location(key)))
                }
                entry.id = id
                entry.location = reader.location(key)
                entry.formulaLocation = value["formula"].map(reader.textStart)
                file.kpis.append(entry)
            }
        }
        if let rules = root["rules"]?.sequence {
            var firstSeen: [String: SourceLocation] = [:]
            for (index, node) in rules.enumerated() where index < document.rules.count {
                var entry = document.rules[index]
                reader.checkKeys(node, allowed: ruleKeys, what: "a rule")
                entry.idLocation = node["id"].map(reader.textStart) ?? reader.location(node)
                entry.whenLocation = node["when"].map(reader.textStart)
                entry.judgesLocation = node["judges"].map(reader.location)
                entry.messageLocations = node["message"].map(reader.textLocations)
                if let earlier = firstSeen[entry.id] {
                    reader.diagnostics.append(
                        .error("duplicate rule id `\(entry.id)` (first defined at \(earlier))", at: entry.idLocation))
                } else {
                    firstSeen[entry.id] = entry.idLocation
                }
                file.rules.append(entry)
            }
        }
        return reader.diagnostics.isEmpty ? .success(file) : .failure(DiagnosticsError(reader.diagnostics))
    }
}
