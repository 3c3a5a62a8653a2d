import BoardpackSupport
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One sheet of an `.xlsx` workbook as its cells (SPEC §2.5): the sheet found by name through
/// the workbook's relationships, shared and inline strings, numbers, booleans, dates told by
/// their cell's number format (1900 or 1904 system), formulas by their cached value, and the
/// merged ranges.
///
/// Written on ZIPFoundation (the archive) and Foundation's XMLParser (the parts): no package
/// of the mirror reads SpreadsheetML, and what the pack needs of it — values, date formats,
/// merges, positions — is a small part of the format.
package struct Workbook {
    /// A cell's value as the sheet stores it.
    enum Value: Equatable {
        case text(String)
        case number(Double)
        case bool(Bool)
        case date(year: Int, month: Int, day: Int)
        /// An Excel error such as `#DIV/0!`.
        case error(String)
        /// A formula whose result was never saved.
        case uncachedFormula
        /// A value that cannot be read (a date serial out of range, a shared string the
        /// workbook lacks): reported only if the cell is read.
        case invalid(message: String, hint: String?)
    }

    /// A cell: its 1-based column and value.
    struct Cell {
        var column: Int
        var value: Value
    }

    /// The cells of one sheet.
    struct Sheet {
        var name: String
        /// Row number → its cells, by column.
        var rows: [Int: [Cell]] = [:]
        /// Merged ranges: first and last row, first and last column.
        var merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
    }

    /// A problem reading the workbook, with the cell it is about when there is one.
    struct Failure: Error {
        var message: String
        var cell: String?
        var hint: String?
    }

    /// `A` → 1, `AA` → 27.
    static func columnNumber(_ letters: Substring) -> Int {
        letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }

    /// Excel's limits: 1,048,576 rows, 16,384 columns (XFD).
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    /// 1 → `A`, 27 → `AA`.
    static func columnLetters(_ number: Int) -> String {
        var n = number
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// A cell reference (`C17`) as its row and column.
    static func reference(_ ref: String) -> (row: Int, column: Int)? {
        let letters = ref.prefix { $0.isASCII && $0.isUppercase }
        guard (1...3).contains(letters.count), let row = Int(ref.dropFirst(letters.count)), (1...maxRow).contains(row) else { return nil }
        let column = columnNumber(letters)
        return column <= maxColumn ? (row, column) : nil
    }

    /// Reads the sheet named `sheetName` (the first sheet when nil) of the workbook in `bytes`.
    static func sheet(_ bytes: [UInt8], named sheetName: String?, isXLS: Bool) throws(Failure) -> Sheet {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            // The compound-file header: an encrypted .xlsx (its package in an `EncryptedPackage`
            // stream, named in UTF-16) or an Excel 97–2003 workbook.
            let stream: [UInt8] = "EncryptedPackage".utf16.flatMap { [UInt8($0), 0] }
            let encrypted =
                bytes.count >= stream.count
                && (0...(bytes.count - stream.count)).contains { bytes[$0..<($0 + stream.count)].elementsEqual(stream) }
            if !isXLS, encrypted {
                throw Failure(
                    message: "the workbook is password-protected (encrypted)",
                    hint: "save a copy without the password (File › Info › Protect Workbook)")
            }
            throw Failure(
                message: isXLS
                    ? "an .xls file is Excel's old format, which boardpack does not read"
                    : "the file is an Excel 97–2003 workbook (.xls) named .xlsx",
                hint: "save it as .xlsx (File › Save As › Excel Workbook)")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let archive = try? Archive(data: Data(bytes), accessMode: .read) else {
            throw Failure(message: "not an .xlsx workbook (not a zip archive)", hint: "save the file from Excel as .xlsx")
        }
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                throw Failure(message: "the workbook's \(path) cannot be unpacked: \(error)", hint: "save the file again from Excel")
            }
            return data
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw Failure(message: "not an .xlsx workbook (no xl/workbook.xml)", hint: "save the file from Excel as .xlsx")
        }
        // The sheets, in order, with the relationship naming each one's part; the date system.
        var sheets: [(name: String, id: String)] = []
        var is1904 = false
        try parse(workbookXML, "xl/workbook.xml") { name, attributes in
            if name == "sheet", let sheet = attributes["name"],
                let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value
            {
                sheets.append((sheet, id))
            }
            if name == "workbookPr", let d = attributes["date1904"] { is1904 = d == "1" || d == "true" }
        }
        guard let chosen = sheetName.map({ n in sheets.first { $0.name == n } }) ?? sheets.first else {
            throw Failure(
                message: "the workbook has no sheet `\(sheetName ?? "")`",
                hint: "its sheets: \(sheets.map { "`\($0.name)`" }.joined(separator: ", ")); set `sheet:` for this file in unit.yml")
        }
        var target: String?
        if let rels = try part("xl/_rels/workbook.xml.rels") {
            try parse(rels, "xl/_rels/workbook.xml.rels") { name, attributes in
                if name == "Relationship", attributes["Id"] == chosen.id { target = attributes["Target"] }
            }
        }
        guard let target else {
            throw Failure(message: "the workbook names no part for sheet `\(chosen.name)`", hint: "save the file again from Excel")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(sheetPath) else {
            throw Failure(message: "the workbook has no \(sheetPath)", hint: "save the file again from Excel")
        }

        var strings: [String] = []
        if let shared = try part("xl/sharedStrings.xml") {
            // Each <si>: its text runs joined; phonetic runs (<rPh>) are not text.
            var current: String?
            var inText = false
            var phonetic = false
            try parse(
                shared, "xl/sharedStrings.xml",
                start: { name, _ in
                    if name == "si" { current = "" }
                    if name == "rPh" { phonetic = true }
                    if name == "t" { inText = !phonetic }
                },
                end: { name in
                    if name == "si" { strings.append(current ?? "") }
                    if name == "rPh" { phonetic = false }
                    if name == "t" { inText = false }
                },
                text: { if inText { current? += $0 } })
        }
        // Per cell style, whether its number format is a date.
        var formats: [Int: String] = [:]
        var styleIsDate: [Bool] = []
        if let styles = try part("xl/styles.xml") {
            var inCellXfs = false
            try parse(
                styles, "xl/styles.xml",
                start: { name, attributes in
                    if name == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init) { formats[id] = attributes["formatCode"] ?? "" }
                    if name == "cellXfs" { inCellXfs = true }
                    if name == "xf", inCellXfs {
                        let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                        styleIsDate.append(isDateFormat(id: id, code: formats[id]))
                    }
                },
                end: { if $0 == "cellXfs" { inCellXfs = false } }, text: { _ in })
        }

        var sheet = Sheet(name: chosen.name)
        var row = 0
        var cell: (column: Int, type: String, style: Int, value: String?, formula: Bool, inline: String?)?
        var reading: String?
        try parse(
            sheetXML, sheetPath,
            start: { name, attributes in
                switch name {
                case "row":
                    row = attributes["r"].flatMap(Int.init).flatMap { (1...maxRow).contains($0) ? $0 : nil } ?? min(row + 1, maxRow)
                case "c":
                    let ref = attributes["r"].flatMap(reference)
                    let previous = sheet.rows[row]?.last?.column ?? 0
                    cell = (ref?.column ?? previous + 1, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0, nil, false, nil)
                case "v": reading = ""
                case "f": cell?.formula = true
                case "t" where cell?.type == "inlineStr": reading = ""
                case "mergeCell":
                    let ends = (attributes["ref"] ?? "").split(separator: ":").compactMap { reference(String($0)) }
                    if let a = ends.first, let b = ends.last {
                        sheet.merges.append((min(a.row, b.row)...max(a.row, b.row), min(a.column, b.column)...max(a.column, b.column)))
                    }
                default: break
                }
            },
            end: { name in
                switch name {
                case "v":
                    cell?.value = reading
                    reading = nil
                case "t" where reading != nil:
                    let inline = (cell?.inline ?? "") + (reading ?? "")
                    cell?.inline = inline
                    reading = nil
                case "c":
                    guard let c = cell else { return }
                    cell = nil
                    let ref = "\(chosen.name)!\(columnLetters(c.column))\(row)"
                    let value: Value?
                    switch (c.type, c.value) {
                    case ("inlineStr", _): value = .text(c.inline ?? "")
                    case (_, nil): value = c.formula ? .uncachedFormula : nil
                    case ("s", let v?):
                        if let i = Int(v), i >= 0, i < strings.count {
                            value = .text(strings[i])
                        } else {
                            value = .invalid(
                                message: "the cell names a shared string the workbook does not have", hint: "save the file again from Excel"
                            )
                        }
                    case ("str", let v?): value = .text(v)
                    case ("b", let v?): value = .bool(v == "1")
                    case ("e", let v?): value = .error(v)
                    case ("d", let v?):
                        // An ISO date written as text (Strict OOXML); its time, if any, ignored.
                        let parts = v.prefix(10).split(separator: "-").compactMap { Int($0) }
                        value = parts.count == 3 ? .date(year: parts[0], month: parts[1], day: parts[2]) : .text(v)
                    case (_, let v?):
                        guard let number = Double(v), number.isFinite else {
                            value = .invalid(message: "the cell's number `\(v)` cannot be read", hint: nil)
                            break
                        }
                        if c.style < styleIsDate.count, styleIsDate[c.style] {
                            do throws(Failure) { value = try date(serial: number, is1904: is1904, cell: ref) } catch {
                                value = .invalid(message: error.message, hint: error.hint)
                            }
                        } else {
                            value = .number(number)
                        }
                    }
                    if let value { sheet.rows[row, default: []].append(Cell(column: c.column, value: value)) }
                default: break
                }
            },
            text: { if reading != nil { reading! += $0 } })
        return sheet
    }

    /// True when a number format shows a date: the built-in date formats, or a format code
    /// with a day, a month or a year outside quotes and brackets (not a time of day alone).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) { return true }
        guard id >= 164, let code else { return false }
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for c in code.lowercased() {
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
            } else if !quoted && c == "[" {
                bracket = true
            } else if bracket {
                if c == "]" { bracket = false }
            } else if !quoted {
                plain.append(c)
            }
        }
        if plain.contains("y") || plain.contains("d") { return true }
        return plain.contains("m") && !plain.contains("h") && !plain.contains("s")
    }

    /// The calendar day of a date serial: the 1900 system counts 1 as 1 January 1900 and has
    /// Excel's 29 February 1900 (60), which did not exist; the 1904 system counts 0 as
    /// 1 January 1904. A time of day (the fraction) is dropped; no time zone is involved.
    static func date(serial: Double, is1904: Bool, cell: String) throws(Failure) -> Value {
        // Excel's dates end on 31 December 9999 (2,958,465); a time within a millisecond of
        // midnight is the next day, as Excel shows it.
        guard serial >= 0, serial <= 2_958_466 else {
            throw Failure(message: "the date serial \(serial) is outside Excel's dates", cell: cell, hint: "type the date again")
        }
        let whole = Int((serial + 0.5 / 86_400_000).rounded(.down))
        let days: Int
        if is1904 {
            days = CivilDays.days(year: 1904, month: 1, day: 1) + whole
        } else if whole == 60 {
            throw Failure(
                message: "the date is 29 February 1900, a day that never was (Excel's 1900 leap-year error)", cell: cell,
                hint: "type the date again")
        } else if whole >= 1 {
            days = CivilDays.days(year: 1899, month: 12, day: whole < 60 ? 31 : 30) + whole
        } else {
            throw Failure(message: "the date serial \(serial) is before 1 January 1900", cell: cell, hint: "type the date again")
        }
        let d = CivilDays.date(days)
        return .date(year: d.year, month: d.month, day: d.day)
    }

    /// Runs XMLParser over one part, reporting each element's start (local name, attributes).
    static func parse(_ data: Data, _ part: String, start: @escaping (String, [String: String]) -> Void) throws(Failure) {
        try parse(data, part, start: start, end: { _ in }, text: { _ in })
    }

    static func parse(
        _ data: Data, _ part: String, start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void,
        text: @escaping (String) -> Void
    ) throws(Failure) {
        let events = XMLEvents(start: start, end: end, text: text)
        let parser = XMLParser(data: data)
        parser.delegate = events
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw Failure(
                message: "the workbook's \(part) is not well-formed XML (line \(parser.lineNumber))", hint: "save the file again from Excel"
            )
        }
    }
}

/// XMLParser's delegate as three closures; element names without their namespace prefix
/// (`x:row` is `row`), attribute names as written.
private final class XMLEvents: NSObject, XMLParserDelegate {
    let start: (String, [String: String]) -> Void
    let end: (String) -> Void
    let text: (String) -> Void

    init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void, text: @escaping (String) -> Void) {
        self.start = start
        self.end = end
        self.text = text
    }

    static func local(_ name: String) -> String { name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        start(Self.local(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}

/// Days counted from a fixed origin, for the difference of two dates and a workbook's date
/// serials: Howard Hinnant's `days_from_civil` and `civil_from_days`.
enum CivilDays {
    static func days(year y: Int, month m: Int, day d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }

    static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
