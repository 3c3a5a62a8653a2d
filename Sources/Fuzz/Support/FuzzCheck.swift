import BoardpackSupport

/// What every fuzz target checks besides "no crash, no hang": the properties a parser
/// promises whatever its input. A broken promise stops the process like a crash, with a
/// message naming it, so libFuzzer keeps the input.
package enum FuzzCheck {
    /// Stops with `message` when `condition` is false.
    package static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property broken: \(message())") }
    }

    /// The input as text, invalid UTF-8 replaced (the loader rejects such files before any
    /// parser sees them; replacing keeps every input useful).
    package static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Prints each diagnostic the way the command line does, quoting `source` as the file
    /// at `path`, and checks that a diagnostic about that file points at one of its lines.
    /// Lines are counted as YAML counts them (a lone `\r`, U+0085, U+2028 and U+2029 end
    /// lines too): the others count fewer.
    package static func diagnostics(_ diagnostics: [Diagnostic], path: String, source: String) {
        let printer = DiagnosticPrinter(colour: false) { $0 == path ? source : nil }
        var lines = 1
        var previous: Unicode.Scalar = " "
        for scalar in source.unicodeScalars {
            switch scalar {
            case "\n" where previous != "\r", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines += 1
            default: break
            }
            previous = scalar
        }
        for d in diagnostics {
            _ = printer.format(d)
            guard let location = d.location, location.file == path else { continue }
            require(location.line >= 0 && location.line <= lines + 1, "\(d) points past the file's \(lines) lines")
            require(location.column >= 0, "\(d) has a negative column")
        }
    }
}
