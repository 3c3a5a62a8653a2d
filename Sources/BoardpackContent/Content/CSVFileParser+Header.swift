import BoardpackSupport

extension CSVFileParser {
    /// Reads and classifies the header; returns false when the file cannot be read further.
    mutating func readHeader() -> Bool {
        if scanner.atEnd || scanner.onlyLineEndingsRemain {
            error("file is empty", at: SourceLocation(file: path), hint: "the first line must name the columns")
            return false
        }
        if scanner.atBlankLine {
            error(
                "blank line before the header", at: SourceLocation(file: path, line: 1, column: 1),
                hint: "the first line must name the columns")
            return false
        }
        var names: [(name: String, position: CSVPosition)] = []
        var field: CSVField
        repeat {
            field = scanner.nextField()
            if let problem = field.problem, report(problem) { return false }
            _ = checkLength(field)
            let name = field.withContent(in: bytes) { String(decoding: $0, as: UTF8.self) }
            names.append((name, field.position))
        } while field.end == .delimiter
        // One column whose name holds another separator: the file is separated by it. One
        // error with what to set, instead of an unknown column and a ragged row per line.
        if names.count == 1, let other = Self.otherSeparator(in: names[0].name, than: options.delimiter) {
            let written = other == "\t" ? "tab" : "\"\(other)\""
            error(
                "the header is one column, `\(names[0].name)`: this file is separated by \(other == "\t" ? "tabs" : "`\(other)`")",
                at: location(names[0].position),
                hint:
                    "read it with `delimiter: \(written)` in unit.yml: `sources: [{file: \(Note.lastComponent(of: path)), delimiter: \(written)}]` "
                    + "(or `csv_delimiter: \(written)` when every file of the unit is written this way)")
            return false
        }
        classify(names)
        return true
    }

    /// `;`, `,` or a tab in `header` when the file is read with another delimiter.
    static func otherSeparator(in header: String, than delimiter: UInt8) -> String? {
        for candidate in [";", "\t", ","] where UInt8(ascii: Unicode.Scalar(candidate)!) != delimiter {
            if header.contains(candidate) { return candidate }
        }
        return nil
    }

    /// Decides each column's kind and reports bad names.
    private mutating func classify(_ names: [(name: String, position: CSVPosition)]) {
        var seen: [String: Int] = [:]
        var period: String?
        for (index, (name, position)) in names.enumerated() {
            let kind: CSVColumnKind
            if name.isEmpty {
                error("empty column name", at: location(position), hint: "every column needs a name")
                kind = .ignored
            } else if let first = seen[name] {
                error("duplicate column `\(name)`; it is also column \(first)", at: location(position))
                kind = .ignored
            } else if name == "month" || name == "date" {
                if let period {
                    error(
                        "second period column `\(name)`; the file already has `\(period)`",
                        at: location(position), hint: "a file has either a `month` or a `date` column")
                    kind = .ignored
                } else {
                    period = name
                    grain = name == "month" ? .month : .date
                    kind = .period
                }
            } else if schema.allowedDimensions.contains(name) {
                kind = .dimension(dimensions.count)
                dimensions.append(name)
                dimensionColumns.append(location(position).column)
                dimensionFields.append(index)
            } else if schema.knownMeasures.contains(name) {
                kind = .measure(measures.count)
                measures.append(name)
                measureColumns.append(location(position).column)
            } else {
                let hint =
                    (ColumnSynonyms.suggestion(for: name, among: schema.knownMeasures)
                    ?? NameSuggestion.nearest(to: name, among: schema.allNames)).map { "did you mean `\($0)`?" }
                error(
                    "unknown column `\(name)`", at: location(position),
                    hint: hint ?? "declare a measure in metrics.yml or a dimension in unit.yml")
                kind = .ignored
            }
            if !name.isEmpty && seen[name] == nil { seen[name] = index + 1 }
            columns.append(kind)
        }
        if period == nil {
            error(
                "no period column", at: SourceLocation(file: path, line: 1),
                hint: "add a `month` (YYYY-MM) or a `date` (YYYY-MM-DD) column")
        }
        dimensionValues = Array(repeating: [], count: dimensions.count)
        labelTables = Array(repeating: CSVLabelTable(), count: dimensions.count)
        measureValues = Array(repeating: [], count: measures.count)
    }
}
