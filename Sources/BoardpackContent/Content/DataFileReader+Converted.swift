import BoardpackSupport

extension DataFileReader {
    /// Reads the boardpack CSV an adapter or the workbook reader made of a file, and puts
    /// every position back on the original: a diagnostic names the export's line and column
    /// or the workbook's cell, and so do the rows and header of the file (for the pack's
    /// data-quality table, `boardpack explain` and duplicate rows across files). The
    /// provenance is the original file's SHA-256.
    static func read(
        converted: ExportAdapter.Converted, original: [UInt8], path: String, schema: DataFileSchema
    ) -> (DataFile?, [Diagnostic]) {
        // A mistake repeated in an export is shown three times, then summarised, as in a CSV file.
        if converted.diagnostics.contains(where: { $0.severity == .error }) { return (nil, summarised(converted.diagnostics)) }
        var (file, found) = read(bytes: converted.csv, path: path, options: .snapshot, schema: schema, plainRows: true, summarising: false)
        // The CSV's line `n`, read only when a position inside it is asked for (a diagnostic,
        // the header's columns): most files have no diagnostic.
        func csvLine(_ n: Int) -> Substring.UnicodeScalarView {
            var start = converted.csv.startIndex
            for _ in 1..<n { start = (converted.csv[start...].firstIndex(of: 0x0A) ?? converted.csv.endIndex - 1) + 1 }
            let end = converted.csv[start...].firstIndex(of: 0x0A) ?? converted.csv.endIndex
            return Substring(decoding: converted.csv[start..<end], as: UTF8.self).unicodeScalars
        }
        func origin(line: Int, column: Int) -> SourceLocation? {
            guard line >= 1, line <= converted.origins.count, let first = converted.origins[line - 1].first else { return nil }
            guard column > 0 else {
                var row = first
                row.column = 0
                if let cell = first.cell, let bang = cell.lastIndex(of: "!") { row.cell = "\(cell[..<bang])!\(first.line):\(first.line)" }
                return row
            }
            // The field the column falls in, quotes considered.
            var field = 0
            var quoted = false
            for (offset, scalar) in csvLine(line).enumerated() {
                if offset + 1 >= column { break }
                if scalar == "\"" { quoted.toggle() } else if scalar == ",", !quoted { field += 1 }
            }
            let fields = converted.origins[line - 1]
            return fields[min(field, fields.count - 1)]
        }
        found = summarised(
            found.map { d in
                var d = d
                if let at = d.location, at.file == path, let o = origin(line: at.line, column: at.column) { d.location = o }
                return d
            })
        guard var f = file else { return (nil, converted.diagnostics + found) }
        f.lines = f.lines.map { Int32(converted.origins[Int($0) - 1].first?.line ?? Int($0)) }
        f.measureColumns = f.measureColumns.map { origin(line: 1, column: $0)?.column ?? $0 }
        f.dimensionColumns = f.dimensionColumns.map { origin(line: 1, column: $0)?.column ?? $0 }
        let header = converted.origins.first?.first
        f.headerLine = Int32(header?.line ?? 1)
        f.sheet = header?.cell.flatMap { cell in cell.lastIndex(of: "!").map { String(cell[..<$0]) } }
        f.sha256 = sha256Hex(original)
        f.prefixes = []
        f.rowsRead = converted.rowsRead
        return (f, converted.diagnostics + found)
    }
}
