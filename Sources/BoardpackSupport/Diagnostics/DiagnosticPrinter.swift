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

    /// Reads a file from disk for quoting: UTF-16 when it starts with its byte order mark,
    /// UTF-8 when it is valid UTF-8, else Windows-1252 (the encodings `sources:` may declare).
    static let readFile: @Sendable (String) -> String? = { path in
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return String(data: data, encoding: .utf16) }
        return String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }

    /// The full text for one diagnostic, ending with a newline.
    package func format(_ d: Diagnostic) -> String {
        let (on, off) = colour ? (styleCode(d.severity), "\u{1B}[0m") : ("", "")
        let bold = colour ? "\u{1B}[1m" : ""
        let e = Self.escapingControls
        var text = ""
        if let location = d.location { text += "\(bold)\(e(location.description)):\(off) " }
        text += "\(on)\(d.severity.rawValue):\(off) \(bold)\(e(d.message))\(off)\n"
        if let location = d.location, location.cell == nil, location.line > 0, let quoted = line(location.line, of: location.file) {
            text += "  \(e(quoted))\n"
            if location.column > 0 {
                // As wide as the escaped text above it.
                let pad = quoted.prefix(location.column - 1).map { $0 == "\t" ? "\t" : String(repeating: " ", count: e(String($0)).count) }
                    .joined()
                text += "  \(pad)\(on)^\(off)\n"
            }
        }
        if let hint = d.hint { text += "  hint: \(e(hint))\n" }
        return text
    }

    /// `text` with its control characters written out (`\x1b`), tabs and line breaks kept:
    /// content quoted in a diagnostic (a cell, a key, a file name) cannot drive the terminal.
    package static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    func line(_ number: Int, of file: String) -> String? {
        guard let text = source(file) else { return nil }
        var current = 1
        // "\r\n" is one Character in Swift: split on it as on "\n", or a CRLF file is one line.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
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
