import BoardpackSupport

extension Workbook {
    /// Reads the workbook in `bytes` as `source` says (`sheet`, `header_row`, `columns`) into
    /// boardpack CSV, each field remembering its cell, so that the CSV checks of §2.3 report
    /// `budget.xlsx:Budget!C17`.
    ///
    /// The table is the header row (the first row with a value, unless `header_row` says)
    /// and the rows under it down to the first empty row; rows whose first value starts with
    /// `Total` are a sheet's totals and are not read. With `columns:`, only the columns it
    /// names are read, under the names it gives; without it, every named column. A date cell
    /// is written `YYYY-MM-DD`, or `YYYY-MM` on the first of the month in a `month` column.
    static func converted(_ bytes: [UInt8], path: String, source: SourceConfig?) -> ExportAdapter.Converted {
        func failed(_ message: String, cell: String? = nil, hint: String? = nil) -> ExportAdapter.Converted {
            let at = cell.map { SourceLocation(file: path, cell: $0) } ?? SourceLocation(file: path)
            return ExportAdapter.Converted(csv: [], diagnostics: [.error(message, at: at, hint: hint)])
        }
        let sheet: Sheet
        do {
            sheet = try Self.sheet(bytes, named: source?.sheet, isXLS: DataReader.fileExtension(of: path) == "xls")
        } catch {
            return failed(error.message, cell: error.cell, hint: error.hint)
        }
        func ref(_ row: Int, _ column: Int) -> String { "\(sheet.name)!\(columnLetters(column))\(row)" }
        func place(_ row: Int, _ column: Int) -> SourceLocation {
            var at = SourceLocation(file: path, line: row, column: column)
            at.cell = ref(row, column)
            return at
        }
        // A row of empty text (formulas giving "") is an empty row, for the header as for the table.
        let rowNumbers = sheet.rows.keys.sorted().filter { (sheet.rows[$0] ?? []).contains { $0.value != .text("") } }
        guard let headerRow = source?.headerRow ?? rowNumbers.first, let headerCells = sheet.rows[headerRow], !headerCells.isEmpty else {
            return failed(
                source?.headerRow.map { "row \($0) of sheet `\(sheet.name)` is empty: it is not a header" }
                    ?? "sheet `\(sheet.name)` is empty",
                hint: "set `header_row:` for this file in unit.yml to the row with the column names")
        }
        // The columns read and their names.
        var columns: [(column: Int, name: String)] = []
        for cell in headerCells {
            guard case let .text(raw) = cell.value else { continue }
            let name = raw.trimmingCharacters(in: .whitespaces)
            if let map = source?.columns {
                if let mapped = map[name] { columns.append((cell.column, mapped)) }
            } else if !name.isEmpty {
                columns.append((cell.column, name))
            }
        }
        if let map = source?.columns {
            let found = Set(
                headerCells.compactMap { if case let .text(t) = $0.value { t.trimmingCharacters(in: .whitespaces) } else { nil } })
            if let missing = map.keys.sorted().first(where: { !found.contains($0) }) {
                return failed(
                    "`\(missing)` is not in the header row \(headerRow) of sheet `\(sheet.name)`",
                    cell: ref(headerRow, headerCells[0].column),
                    hint: "the header holds \(found.sorted().map { "`\($0)`" }.joined(separator: ", ")); check `columns:` and `header_row:`"
                )
            }
        }
        // The data rows: down to the first empty row.
        var dataRows: [Int] = []
        var row = headerRow + 1
        while let cells = sheet.rows[row], cells.contains(where: { $0.value != .text("") }) {
            dataRows.append(row)
            row += 1
        }
        var diagnostics: [Diagnostic] = []
        if let below = rowNumbers.first(where: { $0 > row }) {
            diagnostics.append(
                .warning(
                    "rows from \(below) on are below the table's first empty row (\(row)) and are not read", at: place(below, 1),
                    hint: "remove the empty row if they belong to the table"))
        }
        let lastRow = dataRows.last ?? headerRow
        let read = Set(columns.map(\.column))
        for merge in sheet.merges where merge.rows.overlaps(headerRow...lastRow) && read.contains(where: merge.columns.contains) {
            return failed(
                "cells \(columnLetters(merge.columns.lowerBound))\(merge.rows.lowerBound):\(columnLetters(merge.columns.upperBound))\(merge.rows.upperBound) are merged inside the table",
                cell: ref(merge.rows.lowerBound, merge.columns.lowerBound),
                hint: "unmerge them and fill in each cell: a merged range keeps its value in its first cell only")
        }
        var csv = columns.map { ExportAdapter.quoted($0.name) }.joined(separator: ",") + "\n"
        var origins = [columns.map { place(headerRow, $0.column) }]
        for row in dataRows {
            let cells = sheet.rows[row] ?? []
            if case let .text(first)? = cells.first(where: { $0.value != .text("") })?.value,
                ExportAdapter.totalPrefixes.contains(where: { first.lowercased().hasPrefix($0) })
            {
                continue
            }
            var fields: [String] = []
            for (column, name) in columns {
                let value = cells.first { $0.column == column }?.value
                switch value {
                case nil: fields.append("")
                case let .text(t)?:
                    // A line break typed in a cell (Alt+Enter) is a space in a value.
                    fields.append(t.split(whereSeparator: \.isNewline).joined(separator: " "))
                case let .number(n)?: fields.append(ExportAdapter.write(n, exact: true))
                case let .bool(b)?: fields.append(b ? "TRUE" : "FALSE")
                case let .date(y, m, d)?:
                    let month = Month(year: y, month: m).description
                    fields.append(name == "month" && d == 1 ? month : month + (d < 10 ? "-0\(d)" : "-\(d)"))
                case let .error(e)?:
                    diagnostics.append(
                        .error("the cell holds Excel's error \(e)", at: place(row, column), hint: "correct the formula in the workbook"))
                    fields.append("")
                case let .invalid(message, hint)?:
                    diagnostics.append(.error(message, at: place(row, column), hint: hint))
                    fields.append("")
                case .uncachedFormula?:
                    diagnostics.append(
                        .error(
                            "the cell's formula has no saved value", at: place(row, column),
                            hint: "open and save the file in Excel, which stores each formula's value"))
                    fields.append("")
                }
            }
            csv += fields.map(ExportAdapter.quoted).joined(separator: ",") + "\n"
            origins.append(columns.map { place(row, $0.column) })
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return ExportAdapter.Converted(csv: [], diagnostics: diagnostics) }
        return ExportAdapter.Converted(csv: Array(csv.utf8), diagnostics: diagnostics, origins: origins, rowsRead: origins.count - 1)
    }
}
