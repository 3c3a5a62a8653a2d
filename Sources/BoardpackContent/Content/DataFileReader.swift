import BoardpackSupport
import Crypto

/// Reads KPI data files (`data/*.csv`, SPEC §2.3): strict RFC 4180 CSV, validated against the
/// unit's columns, stored column by column.
///
/// The CSV is parsed by hand over the file's bytes (see `CSVScanner` for why). Every error
/// is a compiler-style diagnostic with file, line and column, and all errors in a file are
/// collected, except past problems that make the rest unreadable: invalid UTF-8, a NUL
/// byte, an unterminated quote, a bare carriage return, or more than
/// `DataFileReader.maxErrors` errors.
package enum DataFileReader {
    /// Past this many errors in one file the reader stops: the file is wrong as a whole.
    static let maxErrors = 100

    /// Parses and validates one file; returns the file (nil when it has errors) and every
    /// diagnostic found.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the path shown in diagnostics and stored in the result.
    ///   - options: delimiter and decimal separator from `unit.yml`.
    ///   - schema: the dimension and measure names the file may use.
    package static func read(
        bytes: [UInt8], path: String, options: CSVOptions, schema: DataFileSchema
    ) -> (DataFile?, [Diagnostic]) {
        read(bytes: bytes, path: path, options: options, schema: schema, plainRows: true)
    }

    /// `read`, with the plain-row path (`CSVFileParser.readPlainRows`) on or off: tests read
    /// files both ways and compare.
    static func read(
        bytes: [UInt8], path: String, options: CSVOptions, schema: DataFileSchema, plainRows: Bool, summarising: Bool = true
    ) -> (DataFile?, [Diagnostic]) {
        bytes.withUnsafeBufferPointer { buffer in
            let start = hasBOM(buffer) ? 3 : 0
            let (problem, lineFeeds) = CSVTextCheck.firstProblem(in: buffer, from: start)
            if let problem {
                return (nil, [textDiagnostic(problem, in: buffer, from: start, path: path)])
            }
            var parser = CSVFileParser(
                bytes: buffer, start: start, lineFeeds: lineFeeds, path: path, options: options, schema: schema)
            parser.readsPlainRows = plainRows
            var result = parser.run()
            if summarising { result.1 = summarised(result.1) }
            guard var file = result.0 else { return result }
            hash(&file, bytes: buffer, monthChanges: parser.monthChanges, lineFeeds: parser.lineFeeds)
            return (file, result.1)
        }
    }

    /// Sets the file's SHA-256 and its month prefixes (`DataFile.prefixes`), hashing the bytes
    /// once: a copy of the running hasher is finalised where each month's rows end, when the
    /// rows are in month order (exports usually are).
    ///
    /// - Parameters:
    ///   - monthChanges: each row whose month differs from the previous row's, with the
    ///     offset where its line starts (from the parser, so no second pass looks for lines).
    ///   - lineFeeds: the number of line feeds in the file.
    static func hash(
        _ file: inout DataFile, bytes: UnsafeBufferPointer<UInt8>, monthChanges: [(row: Int, offset: Int)], lineFeeds: Int
    ) {
        let months = file.months
        var hasher = SHA256()
        let inOrder = !months.isEmpty && monthChanges.allSatisfy { months[$0.row - 1] < months[$0.row] }
        var prefixes: [DataFile.Prefix] = []
        if inOrder {
            var hashed = 0
            for change in monthChanges {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[hashed..<change.offset])))
                hashed = change.offset
                let digest = hasher  // a copy: finalising it leaves the running hash intact
                // The prefix holds the lines before the one where the next month starts.
                prefixes.append(
                    DataFile.Prefix(
                        through: months[change.row - 1], rows: change.row, lines: Int(file.lines[change.row]) - 1,
                        sha256: SHA256Hex.hex(digest.finalize())))
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[hashed...])))
        } else {
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
        file.sha256 = SHA256Hex.hex(hasher.finalize())
        if inOrder {
            // The last month ends the file: every line, a last one without a line feed included.
            let lines = bytes.last == UInt8(ascii: "\n") ? lineFeeds : lineFeeds + 1
            prefixes.append(DataFile.Prefix(through: months[months.count - 1], rows: months.count, lines: lines, sha256: file.sha256))
        }
        file.prefixes = prefixes
    }

    /// True when the file starts with the UTF-8 byte order mark, which is skipped.
    private static func hasBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    private static func textDiagnostic(
        _ problem: CSVTextCheck.Problem, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, path: String
    ) -> Diagnostic {
        switch problem {
        case .invalidUTF8(let offset):
            let location = CSVTextCheck.position(of: offset, in: bytes, from: start).location(in: bytes, file: path)
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            let name = Note.lastComponent(of: path)
            let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            return .error(
                "file is not valid UTF-8 (byte 0x\(hex))", at: location,
                hint: utf16
                    ? "the file is UTF-16 (Excel's \"Unicode text\"): read it with `sources: [{file: \(name), encoding: utf-16}]` in unit.yml"
                    : "export the file as UTF-8 CSV, or declare its encoding: `sources: [{file: \(name), encoding: windows-1252}]` in unit.yml"
            )
        case .nul(let offset):
            let location = CSVTextCheck.position(of: offset, in: bytes, from: start).location(in: bytes, file: path)
            return .error(
                "file holds a NUL byte", at: location,
                hint: "a CSV file is text; was it saved as UTF-16 or as a spreadsheet?")
        }
    }

    /// Errors of one kind reported in full per file before the rest are summarised.
    static let repeatsShown = 3

    /// `diagnostics` with one mistake repeated reported `repeatsShown` times, then summarised:
    /// "… and 97 more like this on lines 8–104" (SPEC §2.3). A kind is the message with its
    /// quoted values left out, and the hint.
    static func summarised(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > repeatsShown else { return diagnostics }
        func kind(_ d: Diagnostic) -> String {
            var key = ""
            var quoted = false
            for c in d.message {
                if c == "`" {
                    quoted.toggle()
                    key.append("`")
                } else if !quoted {
                    key.append(c)
                }
            }
            return key + "\u{0}" + (d.hint ?? "")
        }
        var seen: [String: Int] = [:]
        var more: [String: (first: Diagnostic, count: Int, lines: ClosedRange<Int>, slot: Int)] = [:]
        var order: [String] = []
        // The summary takes the place of the first error it stands for.
        var kept: [Diagnostic] = []
        for d in diagnostics {
            let k = kind(d)
            seen[k, default: 0] += 1
            guard d.severity == .error, seen[k]! > repeatsShown, let line = d.location?.line, line > 0 else {
                kept.append(d)
                continue
            }
            if let m = more[k] {
                more[k] = (m.first, m.count + 1, min(m.lines.lowerBound, line)...max(m.lines.upperBound, line), m.slot)
            } else {
                more[k] = (d, 1, line...line, kept.count)
                order.append(k)
                kept.append(d)
            }
        }
        for k in order {
            guard let m = more[k] else { continue }
            // A workbook's positions are rows.
            let word = m.first.location?.cell == nil ? "line" : "row"
            let lines = m.lines.count == 1 ? "\(word) \(m.lines.lowerBound)" : "\(word)s \(m.lines.lowerBound)–\(m.lines.upperBound)"
            var location = m.first.location
            location?.column = 0
            kept[m.slot] = .error(
                "… and \(m.count) more like this on \(lines)", at: location,
                hint: m.first.hint.map { "each: \($0)" } ?? m.first.message)
        }
        return kept
    }

    /// Lower-case hex SHA-256 of the file's bytes.
    static func sha256Hex(_ bytes: [UInt8]) -> String { SHA256Hex.hex(SHA256.hash(data: bytes)) }
}
