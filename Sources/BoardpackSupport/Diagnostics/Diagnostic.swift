/// A position in a content file, 1-based, as a compiler reports it.
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it (relative to the working directory, never absolute
    /// unless the user passed an absolute path).
    package var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    package var line: Int
    /// 1-based column counted in Unicode scalars; 0 when the problem concerns the whole line.
    package var column: Int
    /// A workbook's cell (`Budget!C17`), for a file that has cells rather than lines; nil
    /// in a text file.
    package var cell: String?

    package init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a workbook: `budget.xlsx:Budget!C17`.
    package init(file: String, cell: String) {
        self.init(file: file)
        self.cell = cell
    }

    package var description: String {
        var text = file
        if let cell { return text + ":" + cell }
        if line > 0 { text += ":\(line)" }
        if line > 0 && column > 0 { text += ":\(column)" }
        return text
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.cell ?? "") < (rhs.file, rhs.line, rhs.column, rhs.cell ?? "")
    }
}

/// A problem found in the content, reported like a compiler's message.
package struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// How bad the problem is: errors stop a build, warnings are listed in the pack.
    package enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    package var severity: Severity
    package var location: SourceLocation?
    package var message: String
    /// An optional suggestion, printed on its own line ("did you mean `new_customers`?").
    package var hint: String?

    package init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// Shorthand for an error diagnostic.
    package static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// Shorthand for a warning diagnostic.
    package static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// The one-line form: `content/units/x/data/q3.csv:14:5: error: message` (control
    /// characters from content written out, as the printer does).
    package var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return DiagnosticPrinter.escapingControls("\(prefix)\(severity.rawValue): \(message)")
    }
}

/// Thrown when content has errors: carries every diagnostic found, not just the first.
package struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    /// The command was asked for something that does not exist (an unknown KPI or unit, a
    /// period without data): a usage error, exit 2, rather than a content error, exit 1.
    package var isUsage = false

    package init(_ diagnostics: [Diagnostic], isUsage: Bool = false) {
        self.diagnostics = diagnostics
        self.isUsage = isUsage
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in reporting order: by file, line, column, then message.
    package func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            let la = a.location ?? SourceLocation(file: "")
            let lb = b.location ?? SourceLocation(file: "")
            if la != lb { return la < lb }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
