import Yams

extension PlaybookFile {
    /// Parses a playbook file. YAML syntax errors, unknown values (`status: purple`), unknown
    /// keys and duplicate rule ids come back as diagnostics at their line and column; every rule's
    /// `when`, every formula and every message carries the position of its first character.
    public static func parse(_ text: String, path: String) -> Result<PlaybookFile, DiagnosticsError> {
        let document: Document
        switch YAMLFile.decode(Document.self, from: text, path: path) {
        case .failure(let diagnostic): return .failure(DiagnosticsError([diagnostic]))
        case .success(let decoded): document = decoded
        }
        // Decoding succeeded, so composing succeeds too; the node gives the marks.
        guard let root = (try? Yams.compose(yaml: text)) ?? nil else {
            return .failure(DiagnosticsError([.error("the YAML document is empty", at: SourceLocation(file: path, line: 1, column: 1))]))
        }
        var reader = PlaybookNodeReader(path: path)
        reader.checkKeys(root, allowed: documentKeys, what: "a playbook")
        var file = PlaybookFile(path: path, sector: document.sector)
        if let kpis = root["kpis"]?.mapping {
            for (key, value) in kpis {
                guard let id = key.string, var entry = document.kpis[id] else { continue }
                reader.checkKeys(value, allowed: kpiKeys, what: "a KPI")
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
