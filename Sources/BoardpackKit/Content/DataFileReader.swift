import Crypto

/// Reads KPI data files (`data/*.csv`, SPEC §2.3): strict RFC 4180 CSV, validated against the
/// unit's columns, stored column by column.
///
/// The CSV is parsed by hand over the file's bytes (see `CSVScanner` for why). Every error
/// is a compiler-style diagnostic with file, line and column, and all errors in a file are
/// collected, except past problems that make the rest unreadable: invalid UTF-8, a NUL
/// byte, an unterminated quote, a bare carriage return, or more than
/// `DataFileReader.maxErrors` errors.
public enum DataFileReader {
    /// Past this many errors in one file the reader stops: the file is wrong as a whole.
    public static let maxErrors = 100

    /// Parses and validates one file; returns the file (nil when it has errors) and every
    /// diagnostic found.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the path shown in diagnostics and stored in the result.
    ///   - options: delimiter and decimal separator from `unit.yml`.
    ///   - schema: the dimension and measure names the file may use.
    public static func read(
        bytes: [UInt8], path: String, options: CSVOptions, schema: DataFileSchema
    ) -> (DataFile?, [Diagnostic]) {
        let result: (DataFile?, [Diagnostic]) = bytes.withUnsafeBufferPointer { buffer in
            let start = hasBOM(buffer) ? 3 : 0
            if let problem = CSVTextCheck.firstProblem(in: buffer, from: start) {
                return (nil, [textDiagnostic(problem, in: buffer, from: start, path: path)])
            }
            var parser = CSVFileParser(bytes: buffer, start: start, path: path, options: options, schema: schema)
            return parser.run()
        }
        guard var file = result.0 else { return result }
        file.sha256 = sha256Hex(bytes)
        file.prefixes = prefixes(of: file, bytes: bytes)
        return (file, result.1)
    }

    /// Hashes the file once, finalising a copy of the hasher at each month boundary, when
    /// the rows are in month order (exports usually are).
    static func prefixes(of file: DataFile, bytes: [UInt8]) -> [DataFile.Prefix] {
        let months = file.months
        guard !months.isEmpty, zip(months, months.dropFirst()).allSatisfy({ $0 <= $1 }) else { return [] }
        // Byte offset where each physical line starts (line 1 at offset 0).
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        var hasher = SHA256()
        var hashed = 0
        var result: [DataFile.Prefix] = []
        for i in months.indices where i == months.count - 1 || months[i] != months[i + 1] {
            let isLast = i == months.count - 1
            let endLine = isLast ? lineStarts.count : Int(file.lines[i + 1]) - 1
            let end = isLast ? bytes.count : lineStarts[endLine]
            hasher.update(data: bytes[hashed..<end])
            hashed = end
            let digest = hasher  // a copy: finalising it leaves the running hash intact
            let hex = isLast ? file.sha256 : SHA256Hex.hex(digest.finalize())
            let lines = isLast ? (bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count) : endLine
            result.append(DataFile.Prefix(through: months[i], rows: i + 1, lines: lines, sha256: hex))
        }
        return result
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
            return .error(
                "file is not valid UTF-8 (byte 0x\(hex))", at: location,
                hint: "export the file as UTF-8 CSV")
        case .nul(let offset):
            let location = CSVTextCheck.position(of: offset, in: bytes, from: start).location(in: bytes, file: path)
            return .error(
                "file holds a NUL byte", at: location,
                hint: "a CSV file is text; was it saved as UTF-16 or as a spreadsheet?")
        }
    }

    /// Lower-case hex SHA-256 of the file's bytes.
    static func sha256Hex(_ bytes: [UInt8]) -> String { SHA256Hex.hex(SHA256.hash(data: bytes)) }
}
