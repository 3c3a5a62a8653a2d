import BoardpackSupport

/// `{id}` placeholders in rule messages: finding, checking and filling them in.
///
/// A placeholder is `{` + an identifier (`[A-Za-z_][A-Za-z0-9_]*`) + `}`; any other brace is
/// plain text. Values are formatted by the caller (formatting lives with the locales).
package enum PlaybookMessage {
    /// One placeholder: its name and the 0-based scalar offset of its `{`.
    package struct Placeholder: Sendable, Hashable {
        /// The id between the braces.
        package var name: String
        /// 0-based offset of `{` in Unicode scalars.
        package var offset: Int
    }

    /// The placeholders of `template`, in text order.
    static func placeholders(in template: String) -> [Placeholder] {
        scan(template).compactMap { piece in
            if case .placeholder(let name, let offset) = piece { return Placeholder(name: name, offset: offset) }
            return nil
        }
    }

    /// `template` with each placeholder replaced by `value(name)`.
    package static func render(_ template: String, value: (String) -> String) -> String {
        scan(template).map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let name, _): value(name)
            }
        }.joined()
    }

    private enum Piece {
        case text(String)
        case placeholder(String, Int)
    }

    private static func scan(_ template: String) -> [Piece] {
        let scalars = Array(template.unicodeScalars)
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", let end = identifierEnd(scalars, from: i + 1), end < scalars.count, scalars[end] == "}" {
                if !text.isEmpty { pieces.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(i + 1)..<end])
                pieces.append(.placeholder(String(name), i))
                i = end + 1
            } else {
                text.append(scalars[i])
                i += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        return pieces
    }

    /// The index just past an identifier starting at `start`, or nil when none starts there.
    private static func identifierEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        guard start < scalars.count, isLetter(scalars[start]) else { return nil }
        var end = start + 1
        while end < scalars.count, isLetter(scalars[end]) || ("0"..."9").contains(scalars[end]) { end += 1 }
        return end
    }
}

extension PlaybookRule {
    /// One error per placeholder of the message (either language) that is neither in `knownIDs`
    /// (KPIs and measures of the dictionary) nor the rule's `for_each` dimension, at its position.
    func placeholderDiagnostics(knownIDs: Set<String>) -> [Diagnostic] {
        let known = forEach.map { knownIDs.union([$0]) } ?? knownIDs
        var diagnostics: [Diagnostic] = []
        for (text, base) in [(message.en, messageLocations.en), (message.it, messageLocations.it)] {
            for p in PlaybookMessage.placeholders(in: text) where !known.contains(p.name) {
                let at = base.advanced(by: p.offset)
                guard !diagnostics.contains(where: { $0.location == at }) else { continue }
                let hint = forEach == nil ? nil : "`{\(forEach!)}` names the rule's `for_each` value"
                diagnostics.append(
                    .error("unknown placeholder `{\(p.name)}` in the message of rule `\(id)`", at: at, hint: hint))
            }
        }
        return diagnostics
    }
}
