import Foundation

/// One entry of `unit.yml`'s `sources:` (SPEC §2.3, §2.5): how a file of the unit's `data/`
/// folder is read, or comes to be.
///
/// - A `command:` source is a snapshot: `boardpack sources` runs the command and writes its
///   standard output, checked as boardpack CSV, to `data/<file>`; `build` reads the snapshot
///   and never runs anything.
/// - Otherwise the entry sets, for the files it names (a name or a glob such as `ads-*.csv`),
///   the `delimiter`, `decimal` and `encoding` that `csv_delimiter` and `csv_decimal` set for
///   the whole unit.
package struct SourceConfig: Sendable, Equatable, Decodable {
    /// The file in `data/` (a plain file name; a glob for a settings entry).
    package var file: String
    /// The program and its arguments, run without a shell; `${VAR}` is taken from the
    /// environment of `boardpack sources`.
    package var command: [String]?
    /// `,`, `;` or `tab`.
    package var delimiter: String?
    /// `dot` or `comma`.
    package var decimal: String?
    /// `utf-8` (the default), `utf-16` or `windows-1252`.
    package var encoding: String?
    /// An export's adapter (`google-ads`, `meta-ads`, `linkedin-ads`, `ga4`), or `csv`
    /// (boardpack CSV, the default).
    package var format: String?
    /// How an export writes numbers and dates: `iso`, `en-US`, `en-GB`, `it-IT`, `de-DE`, `fr-FR`.
    package var locale: String?
    /// The channel every row of an export is given (the adapter has a default).
    package var channel: String?
    /// The deal stages that mean won in a CRM export (`hubspot-deals`).
    package var wonStages: [String]?
    /// Source column → measure, dimension, `month` or `date`: adds to or overrides an
    /// adapter's own map; for a workbook, the columns read and their names.
    package var columns: [String: String]?
    /// Per dimension, a source's values recoded: `{channel: {Organic Search: organic}}`.
    package var values: [String: [String: String]]?
    /// A workbook's sheet (default: the first).
    package var sheet: String?
    /// A workbook's header row, 1-based (default: the first row with a value).
    package var headerRow: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, command, delimiter, decimal, encoding, format, locale, channel, columns, values, sheet
        case wonStages = "won_stages"
        case headerRow = "header_row"
    }

    /// The locales an export may be read in.
    package static let locales = ["iso", "en-US", "en-GB", "it-IT", "de-DE", "fr-FR"]

    /// The adapter reading this entry's files, when it names one.
    package var adapter: ExportAdapter? { format.flatMap { ExportAdapter.all[$0] } }

    /// The encodings a file may be declared in.
    package static let encodings = ["utf-8", "utf-16", "windows-1252"]

    package init(file: String, command: [String]? = nil) {
        self.file = file
        self.command = command
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        let isCommand = c.contains(.command)
        file = problems.field("") {
            let name = try c.decode(String.self, forKey: .file)
            // A snapshot lands in data/ and nowhere else, and is read as boardpack CSV.
            let glob = isCommand ? "" : "*?"
            guard !name.isEmpty, !name.hasPrefix("."),
                name.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-\(glob)".unicodeScalars.contains($0))
                }),
                DataReader.fileExtension(of: name) == "csv" || (!isCommand && DataReader.fileExtension(of: name) == "xlsx")
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .file, in: c,
                    debugDescription:
                        "a source's `file` is a \(isCommand ? "CSV" : "CSV or .xlsx") file name in data/ (such as crm-won.csv\(isCommand ? "" : ", budget.xlsx or ads-*.csv")), not `\(name)`"
                )
            }
            return name
        }
        command = problems.field(nil) {
            guard let command = try c.decodeIfPresent([String].self, forKey: .command) else { return nil }
            guard let program = command.first, !program.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .command, in: c, debugDescription: "`command` names a program, then its arguments: [psql, --csv, …]")
            }
            return command
        }
        func choice(_ key: CodingKeys, _ allowed: [String]) throws -> String? {
            guard let value = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard allowed.contains(value) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "`\(key.rawValue)` is \(allowed.map { "`\($0)`" }.joined(separator: ", ")), not `\(value)`")
            }
            if isCommand {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "a command's snapshot is read with `,` and `.` in UTF-8: `\(key.rawValue)` does not apply")
            }
            return value
        }
        delimiter = problems.field(nil) { try choice(.delimiter, [",", ";", "tab"]) }
        decimal = problems.field(nil) { try choice(.decimal, ["dot", "comma"]) }
        encoding = problems.field(nil) { try choice(.encoding, Self.encodings) }
        format = problems.field(nil) { try choice(.format, ["csv", "xlsx"] + ExportAdapter.all.keys.sorted()) }
        locale = problems.field(nil) { try choice(.locale, Self.locales) }
        channel = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .channel) }
        wonStages = problems.field(nil) {
            guard let stages = try c.decodeIfPresent([String].self, forKey: .wonStages) else { return nil }
            if format != "hubspot-deals" || stages.isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: .wonStages, in: c, debugDescription: "`won_stages` lists the won stages of a `format: hubspot-deals` export")
            }
            return stages
        }
        columns = problems.field(nil) {
            guard let columns = try c.decodeIfPresent([String: String].self, forKey: .columns) else { return nil }
            if isCommand || format == nil || format == "csv" || columns.isEmpty || columns.values.contains(where: \.isEmpty) {
                throw DecodingError.dataCorruptedError(
                    forKey: .columns, in: c,
                    debugDescription:
                        "`columns` maps an export's or a workbook's columns (`format:` an adapter or `xlsx`) to boardpack names: {Conversions: leads}"
                )
            }
            return columns
        }
        values = problems.field(nil) {
            guard let values = try c.decodeIfPresent([String: [String: String]].self, forKey: .values) else { return nil }
            if isCommand || format == nil || format == "csv" || format == "xlsx" {
                throw DecodingError.dataCorruptedError(
                    forKey: .values, in: c,
                    debugDescription:
                        "`values` recodes an export's dimension values (`format:` an adapter): {channel: {Organic Search: organic}}")
            }
            return values
        }
        sheet = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .sheet) }
        headerRow = problems.field(nil) {
            guard let row = try c.decodeIfPresent(Int.self, forKey: .headerRow) else { return nil }
            guard row >= 1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .headerRow, in: c, debugDescription: "`header_row` is a row number, 1 or more")
            }
            return row
        }
        if (sheet != nil || headerRow != nil) && format != "xlsx" {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: sheet != nil ? .sheet : .headerRow, in: c,
                    debugDescription: "`sheet` and `header_row` are for a workbook (`format: xlsx`)"))
        }
        if format == "salesforce-report" && columns == nil && problems.errors.isEmpty {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .format, in: c,
                    debugDescription:
                        "a salesforce-report source maps the report's columns: `columns: {Close Date: date, Amount: attributed_revenue}`"))
        }
        let isWorkbook = DataReader.fileExtension(of: file) == "xlsx"
        if isWorkbook != (format == "xlsx") && problems.errors.isEmpty {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .format, in: c,
                    debugDescription: isWorkbook
                        ? "an .xlsx file is read with `format: xlsx`" : "`format: xlsx` reads .xlsx files, not `\(file)`"))
        }
        let isAdapter = format != nil && format != "csv" && format != "xlsx"
        if isAdapter && (decimal != nil || encoding != nil) {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .format, in: c,
                    debugDescription:
                        "an adapter reads its export's encoding and numbers itself: give `locale`, not `decimal` or `encoding`"))
        }
        if format == "xlsx" && (delimiter != nil || decimal != nil || encoding != nil || locale != nil || channel != nil) {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .format, in: c,
                    debugDescription: "a workbook's cells hold numbers and dates themselves: give `sheet`, `header_row` and `columns` only")
            )
        } else if !isAdapter && (locale != nil || channel != nil) {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: locale != nil ? .locale : .channel, in: c,
                    debugDescription:
                        "`locale` and `channel` are for an export read by an adapter (`format: google-ads`, `meta-ads`, `linkedin-ads`, `ga4`, `hubspot-deals`)"
                ))
        }
        if !isCommand && delimiter == nil && decimal == nil && encoding == nil && format == nil && problems.errors.isEmpty {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .file, in: c,
                    debugDescription:
                        "a source gives a `command`, a `format`, or how its files are written (`delimiter`, `decimal`, `encoding`)"))
        }
        if delimiter == ",", decimal == "comma" {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .decimal, in: c, debugDescription: "`decimal: comma` needs `delimiter: \";\"` or `tab`"))
        }
        try problems.throwIfAny()
    }

    /// True when this entry is about the data file named `name` (a glob matches it).
    package func matches(_ name: String) -> Bool {
        command != nil ? name == file : fnmatch(file, name, 0) == 0
    }

    /// `delimiter` as the byte it stands for (`tab` is `\t`).
    package var delimiterByte: UInt8? {
        delimiter.map { $0 == "tab" ? UInt8(ascii: "\t") : UInt8(ascii: Unicode.Scalar($0)!) }
    }

    /// The options `unit` reads a file of this entry with.
    package func options(over unit: CSVOptions) -> CSVOptions {
        guard command == nil else { return .snapshot }
        var options = unit
        if let delimiterByte { options.delimiter = delimiterByte }
        if let decimal { options.decimalComma = decimal == "comma" }
        return options
    }

    /// `bytes` as UTF-8, decoded from this entry's `encoding`; nil when they are not in it.
    package func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        switch encoding {
        case "utf-16"?:
            // With its byte order mark, as the adapters read it; without one, little-endian
            // (what Windows writes).
            let bom = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            if bom { return ExportText(bytes)?.bytes }
            return String(data: Data(bytes), encoding: .utf16LittleEndian).map { Array($0.utf8) }
        case "windows-1252"?:
            return String(data: Data(bytes), encoding: .windowsCP1252).map { Array($0.utf8) }
        default:
            return bytes
        }
    }

    /// The `${NAME}` references of the command, in order, each once.
    package var variables: [String] {
        var names: [String] = []
        for argument in command ?? [] {
            for name in Self.references(in: argument) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The command with each `${NAME}` replaced from `environment`; the first unset name when
    /// one is missing.
    package func expanded(with environment: [String: String]) -> Result<[String], UnsetVariable> {
        var out: [String] = []
        for argument in command ?? [] {
            var text = ""
            var rest = Substring(argument)
            while let open = rest.range(of: "${") {
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
                let name = String(rest[open.upperBound..<close])
                guard Self.isName(name) else {
                    text += rest[..<rest.index(after: open.lowerBound)]
                    rest = rest[rest.index(after: open.lowerBound)...]
                    continue
                }
                guard let value = environment[name] else { return .failure(UnsetVariable(name: name)) }
                text += rest[..<open.lowerBound] + value
                rest = rest[rest.index(after: close)...]
            }
            out.append(text + rest)
        }
        return .success(out)
    }

    /// A `${NAME}` whose variable is not set.
    package struct UnsetVariable: Error, Equatable {
        package var name: String
    }

    static func references(in argument: String) -> [String] {
        var names: [String] = []
        var rest = Substring(argument)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            let name = String(rest[open.upperBound..<close])
            if isName(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
