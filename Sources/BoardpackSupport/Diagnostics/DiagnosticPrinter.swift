import Foundation

/// Prints diagnostics like a compiler: the position, the message, the offending line with a
/// caret under the column, and the hint. Colour only when writing to a terminal.
package struct DiagnosticPrinter: Sendable {
    package var colour: Bool
    /// Returns the text of a file, to quote the offending line.
    package var source: @Sendable (String) -> String?

    package init(colour: Bool, source: @escaping @Sendable (String) -> String? = DiagnosticPrinter.readFile) {
        self.colour = colour
        self.source = source
    }

    /// Reads a file from disk as UTF-8 (lossy), for quoting.
    static let readFile: @Sendable (String) -> String? = { path in
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The full text for one diagnostic, ending with a newline.
    package func format(_ d: Diagnostic) -> String {
        let (on, off) = colour ? (styleCode(d.severity), "\u{1B}[0m") : ("", "")
        let bold = colour ? "\u{1B}[1m" : ""
        var text = ""
        if let location = d.location { text += "\(bold)\(location):\(off) " }
        text += "\(on)\(d.severity.rawValue):\(off) \(bold)\(d.message)\(off)\n"
        if let location = d.location, location.line > 0, let quoted = line(location.line, of: location.file) {
            text += "  \(quoted)\n"
            if location.column > 0 {
                let pad = quoted.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                text += "  \(pad)\(on)^\(off)\n"
            }
        }
        if let hint = d.hint { text += "  hint: \(hint)\n" }
        return text
    }

    func line(_ number: Int, of file: String) -> String? {
        guard let text = source(file) else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
                return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : String(trimmed)
            }
            current += 1
        }
        return nil
    }

    func styleCode(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
    }
}
