import BoardpackContent
import BoardpackSupport
import Yams

/// Reads positions off a composed YAML node and collects structural problems.
struct PlaybookNodeReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    /// Where a node starts (its mark).
    func location(_ node: Node) -> SourceLocation {
        YAMLFile.location(node.mark, path: path, lineOffset: 0)
    }

    /// Where a scalar's text starts: past the opening quote of a quoted scalar. A block scalar
    /// (`|`, `>`) starts on the next line at an indentation the mark does not give, so its column
    /// is left unknown (0) and formula errors in it are reported at the line.
    func textStart(_ node: Node) -> SourceLocation {
        var at = location(node)
        guard case .scalar(let scalar) = node else { return at }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: at.column += 1
        case .literal, .folded:
            at.line += 1
            at.column = 0
        case .any, .plain: break
        }
        return at
    }

    /// The start of each language's text of a plain-string or `{en, it}` value.
    func textLocations(_ node: Node) -> PlaybookRule.TextLocations {
        let en = node["en"].map(textStart) ?? textStart(node)
        return PlaybookRule.TextLocations(en: en, it: node["it"].map(textStart) ?? en)
    }

    /// Reports every key of a mapping that is not in `allowed`.
    mutating func checkKeys(_ node: Node, allowed: [String], what: String) {
        guard let mapping = node.mapping else { return }
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            diagnostics.append(
                .error(
                    "unknown key `\(name)` in \(what)", at: location(key),
                    hint: "expected one of: \(allowed.joined(separator: ", "))"))
        }
    }
}
