extension CSVFileParser {
    /// Reads every data row after the header.
    ///
    /// A row with too few fields is reported at the column just past its last character (where
    /// the missing field would start); a row with too many, at its first extra field. The cell
    /// errors of a ragged row are dropped: its fields no longer line up with the header, so
    /// they would name the wrong columns.
    mutating func readRows() {
        let expected = columns.count
        reserveRows()
        while !scanner.atEnd {
            if tooManyErrors {
                error("too many errors; stopped reading this file", at: location(scanner.position))
                return
            }
            if scanner.atBlankLine {
                if scanner.onlyLineEndingsRemain { return }
                error(
                    "blank line between data rows", at: location(scanner.position),
                    hint: "remove the line; an empty row is not a way to mark a missing value")
                scanner.skipLineEnding()
                continue
            }
            if readsPlainRows {
                let read = readPlainRows()
                recordCount += read
                if read > 0 { continue }
            }
            recordCount += 1
            let rowLine = scanner.line
            rowStart = scanner.offset
            if !cellErrors.isEmpty { cellErrors.removeAll(keepingCapacity: true) }
            var count = 0
            var firstExtra: CSVPosition?
            var field: CSVField
            repeat {
                field = scanner.nextField()
                if let problem = field.problem, report(problem) { return }
                if !checkLength(field) && count < expected {
                    readCell(field, kind: columns[count])
                } else if count == expected {
                    firstExtra = field.position
                }
                count += 1
            } while field.end == .delimiter
            if count < expected {
                error("too few fields: expected \(expected), found \(count)", at: location(field.terminator))
            } else if let firstExtra {
                error("too many fields: expected \(expected), found \(count)", at: location(firstExtra))
            } else {
                if !cellErrors.isEmpty { diagnostics.append(contentsOf: cellErrors) }
                lines.append(Int32(truncatingIfNeeded: rowLine))
            }
        }
    }

    /// Reserves room in every column for the rows the file can hold: no more than its line
    /// feeds (each row but the last ends with one, and the header takes one), nor than one row
    /// per field's worth of bytes. A million-row file does not regrow its arrays twenty times.
    private mutating func reserveRows() {
        let remaining = bytes.count - scanner.offset
        let rows = min(lineFeeds, remaining / max(columns.count, 1) + 1)
        months.reserveCapacity(rows)
        days.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        for d in dimensionValues.indices { dimensionValues[d].reserveCapacity(rows) }
        for m in measureValues.indices { measureValues[m].reserveCapacity(rows) }
    }

    /// Reads one cell into its column.
    private mutating func readCell(_ field: CSVField, kind: CSVColumnKind) {
        switch kind {
        case .measure(let m):
            let decimalComma = options.decimalComma
            let outcome = field.withContent(in: bytes) { content -> NumberGrammar.Outcome in
                content.isEmpty ? .number(.nan) : NumberGrammar.parse(content, decimalComma: decimalComma)
            }
            switch outcome {
            case .number(let value):
                measureValues[m].append(value)
            case .invalid(let hint):
                let text = displayText(field)
                cellError(NumberGrammar.message(for: text, decimalComma: decimalComma), field, hint: hint)
            case .outOfRange:
                cellError("`\(displayText(field))` is out of range (numbers must be finite)", field)
            }
        case .dimension(let d):
            if field.contentLength == 0 {
                cellError("empty `\(dimensions[d])` value", field, hint: "a dimension cell needs text")
            } else {
                let index = field.withContent(in: bytes) { labelTables[d].intern($0) }
                dimensionValues[d].append(index)
            }
        case .period:
            readPeriod(field)
        case .ignored:
            break
        }
    }

    /// Records an error in the current row's cell, kept until the row proves not ragged.
    mutating func cellError(_ message: String, _ field: CSVField, hint: String? = nil) {
        cellErrors.append(.error(message, at: location(field.position), hint: hint))
    }

    /// The field's text for a message, shortened past 40 characters.
    func displayText(_ field: CSVField) -> String {
        let text = field.withContent(in: bytes) { String(decoding: $0, as: UTF8.self) }
        return text.unicodeScalars.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
