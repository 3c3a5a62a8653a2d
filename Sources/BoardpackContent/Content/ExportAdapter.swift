import BoardpackSupport
import Foundation

/// Reads an ad platform's export as it is downloaded (SPEC §2.5): decodes UTF-8 or UTF-16,
/// skips the title and date-range lines before the header, drops the total rows, reads the
/// platform's numbers and dates, keeps only the mapped columns and adds rows up to one per
/// month and channel, which then go through the boardpack CSV checks like any file.
///
/// Written by hand: no package of the mirror reads these exports, and each platform's quirks
/// (a UTF-16 "Excel" CSV, the currency in a column's name, a summary row first) are the point.
package struct ExportAdapter: Sendable {
    /// How an export writes its period.
    enum PeriodKind: Sendable {
        /// A date in the export's locale (`2026-10-01`, `10/1/2026`).
        case date
        /// `2026-10`, `October 2026`.
        case month
        /// GA4's `20261001`.
        case compactDate
    }

    /// The `format:` name.
    package var name: String
    /// Header cells that make a line the header (the lines before it are the preamble).
    var signature: [String]
    /// The period column and how it is written.
    var period: [(column: String, kind: PeriodKind)]
    /// Export column → measure. A column whose name ends with ` (XXX)` is matched without it,
    /// and XXX must be the unit's currency.
    var map: [String: String]
    /// The channel every row is given, unless the source sets one.
    var defaultChannel: String
    /// A column whose empty value marks a summary row (Meta's campaign name).
    var summaryWhenEmpty: String?
    /// A second period column that must fall in the first's month (Meta's `Reporting ends`).
    var periodEnd: String?
    /// How the platform always writes numbers and dates, when it has one way (LinkedIn's
    /// `$1,234.56` and M/D/YYYY); a source's `locale:` still wins.
    var defaultLocale: String? = nil
    /// Columns whose value is each row's channel (GA4's channel group), in order of preference.
    var channelColumns: [String] = []
    /// A CRM's deals: won deals (by their stage) counted as new customers, their amounts
    /// summed, close − create days averaged; the unit's level, no channel.
    var deals: (stage: String, created: String)? = nil

    /// HubSpot's deals export: `Deal Stage`, `Close Date`, `Amount`, `Create Date`. Names,
    /// e-mails and owners are never read.
    static let hubSpotDeals = ExportAdapter(
        name: "hubspot-deals", signature: ["Deal Stage", "Close Date", "Amount"], period: [("Close Date", .date)],
        map: ["Amount": "attributed_revenue"], defaultChannel: "", summaryWhenEmpty: nil, periodEnd: nil,
        deals: ("Deal Stage", "Create Date"))

    /// The stages that mean won, unless the source's `won_stages:` says otherwise.
    static let wonStages = ["closedwon", "Closed Won"]

    /// Google Ads: title and date-range lines, then `Day` or `Month`, `Cost`, `Impr.`, `Clicks`;
    /// the "Excel" download is UTF-16 and tab separated; `Total:` rows at the end.
    static let googleAds = ExportAdapter(
        name: "google-ads", signature: ["Cost"], period: [("Day", .date), ("Month", .month)],
        map: ["Cost": "spend", "Impr.": "impressions", "Impressions": "impressions", "Clicks": "clicks"],
        defaultChannel: "paid_search", summaryWhenEmpty: nil, periodEnd: nil)

    /// Meta Ads Manager: `Reporting starts`, `Reporting ends`, `Amount spent (XXX)`; a summary
    /// row with an empty campaign name, first or last.
    static let metaAds = ExportAdapter(
        name: "meta-ads", signature: ["Reporting starts", "Reporting ends"], period: [("Reporting starts", .date)],
        map: ["Amount spent": "spend", "Impressions": "impressions", "Link clicks": "clicks"],
        defaultChannel: "paid_social", summaryWhenEmpty: "Campaign name", periodEnd: "Reporting ends")

    /// LinkedIn Campaign Manager: preamble lines, `Start Date (in UTC)`, `Total Spent`, in US
    /// format whatever the account's language.
    static let linkedInAds = ExportAdapter(
        name: "linkedin-ads", signature: ["Start Date (in UTC)", "Total Spent"], period: [("Start Date (in UTC)", .date)],
        map: ["Total Spent": "spend", "Impressions": "impressions", "Clicks": "clicks"], defaultChannel: "linkedin",
        summaryWhenEmpty: nil, periodEnd: nil, defaultLocale: "en-US")

    /// Google Analytics 4: a `#` comment block, then `Date` (YYYYMMDD) or `Month`, `Sessions`;
    /// the channel from a channel-group column, else `all`.
    static let ga4 = ExportAdapter(
        name: "ga4", signature: ["Sessions"], period: [("Date", .compactDate), ("Month", .month)], map: ["Sessions": "sessions"],
        defaultChannel: "all", summaryWhenEmpty: nil, periodEnd: nil,
        channelColumns: [
            "Session default channel group", "Session primary channel group", "Default channel group", "First user default channel group",
        ])

    /// The adapters by `format:` name.
    package static let all: [String: ExportAdapter] = [
        googleAds.name: googleAds, metaAds.name: metaAds, linkedInAds.name: linkedInAds, ga4.name: ga4,
        hubSpotDeals.name: hubSpotDeals,
    ]

    /// Labels of total rows in the languages the platforms export in.
    static let totalPrefixes = ["total", "gesamt", "totale", "grand total", "totaal", "totales"]

    /// What an export's rows became: boardpack CSV text (one row per month and channel) and
    /// every problem, positioned in the export itself.
    struct Converted {
        var csv: [UInt8]
        var diagnostics: [Diagnostic]
    }

    /// Converts an export's bytes. `locale` says how numbers and dates are written (nil: ISO
    /// dates and `1,234.56`, and a slash date that reads two ways is an error).
    func convert(
        _ bytes: [UInt8], path: String, locale: String?, delimiter: UInt8?, channel: String?, currency: String,
        wonStages: [String]? = nil
    ) -> Converted {
        var diagnostics: [Diagnostic] = []
        let locale = locale ?? defaultLocale
        func fail(_ message: String, line: Int = 0, column: Int = 0, hint: String? = nil) -> Converted {
            Converted(csv: [], diagnostics: [.error(message, at: SourceLocation(file: path, line: line, column: column), hint: hint)])
        }
        guard let text = Self.decode(bytes) else {
            return fail("\(name) export is neither UTF-8 nor UTF-16 with a byte order mark", hint: "download the export again")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        // The header: the first line whose cells hold the signature, split on the delimiter that
        // makes them so.
        var header: (line: Int, cells: [Cell], delimiter: Character)?
        search: for (index, line) in lines.enumerated() where !line.hasPrefix("#") {
            for d in delimiter.map({ [Character(Unicode.Scalar($0))] }) ?? ["\t", ",", ";"] {
                let cells = Self.split(line, by: d)
                let names = Set(cells.map(\.text))
                if signature.allSatisfy({ names.contains($0) }) {
                    header = (index + 1, cells, d)
                    break search
                }
            }
        }
        guard let header else {
            return fail(
                "not a \(name) export: no header line with \(signature.map { "`\($0)`" }.joined(separator: " and "))",
                hint: "check `format:` for this file in unit.yml")
        }
        // Columns: the period, the mapped measures (a currency in brackets checked), nothing else.
        var periodColumn: (index: Int, kind: PeriodKind)?
        var endColumn: Int?
        var summaryColumn: Int?
        var channelColumn: Int?
        let stageColumn = deals.flatMap { d in header.cells.firstIndex { $0.text == d.stage } }
        let createdColumn = deals.flatMap { d in header.cells.firstIndex { $0.text == d.created } }
        let won = Set(wonStages ?? Self.wonStages)
        // Per month and channel: won deals, and the days from creation to close of those that
        // have both dates.
        var dealCounts: [String: (deals: Int, days: Double, dated: Int)] = [:]
        var measures: [(index: Int, measure: String)] = []
        for name in channelColumns where channelColumn == nil {
            channelColumn = header.cells.firstIndex { $0.text == name }
        }
        for (i, cell) in header.cells.enumerated() {
            if periodColumn == nil, let p = period.first(where: { $0.column == cell.text }) { periodColumn = (i, p.kind) }
            if cell.text == periodEnd { endColumn = i }
            if cell.text == summaryWhenEmpty { summaryColumn = i }
            var name = cell.text
            if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
                let code = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                name = name[..<open].trimmingCharacters(in: .whitespaces)
                if map[name] != nil && code.count == 3 && code.uppercased() == code && code != currency {
                    diagnostics.append(
                        .error(
                            "`\(cell.text)` is in \(code), and the unit reports in \(currency)",
                            at: SourceLocation(file: path, line: header.line, column: cell.column),
                            hint: "export the report in \(currency), or convert it before the pack: boardpack never converts currencies"))
                }
            }
            if let measure = map[name], !measures.contains(where: { $0.measure == measure }) { measures.append((i, measure)) }
        }
        guard let periodColumn else {
            return fail(
                "the \(name) export has no period column (\(period.map { "`\($0.column)`" }.joined(separator: " or ")))", line: header.line,
                hint: "add the time segment (by day or by month) to the report before downloading it")
        }
        if !diagnostics.isEmpty { return Converted(csv: [], diagnostics: diagnostics) }
        struct Key: Hashable, Comparable {
            var month: Month
            var channel: String
            static func < (a: Key, b: Key) -> Bool { (a.month, a.channel) < (b.month, b.channel) }
        }
        var sums: [Key: [Double?]] = [:]
        for index in header.line..<lines.count {
            let line = lines[index]
            // A `#` line ends the table (GA4 puts its next table after one).
            if line.hasPrefix("#") { break }
            if line.allSatisfy({ $0 == "," || $0 == "\t" || $0 == ";" || $0 == " " }) { continue }
            let cells = Self.split(line, by: header.delimiter)
            let number = index + 1
            let first = cells.first { !$0.text.isEmpty }?.text.lowercased() ?? ""
            if Self.totalPrefixes.contains(where: { first.hasPrefix($0) }) { continue }
            if let s = summaryColumn, s < cells.count, cells[s].text.isEmpty { continue }
            guard periodColumn.index < cells.count else {
                diagnostics.append(.error("the row has no period", at: SourceLocation(file: path, line: number)))
                continue
            }
            if let s = stageColumn, s < cells.count, !won.contains(cells[s].text) { continue }
            let cell = cells[periodColumn.index]
            guard let month = Self.month(cell.text, kind: periodColumn.kind, locale: locale) else {
                diagnostics.append(
                    .error(
                        "`\(cell.text)` is not a \(periodColumn.kind == .month ? "month" : "date") in the export's locale (\(locale ?? "none set"))",
                        at: SourceLocation(file: path, line: number, column: cell.column),
                        hint: Self.isAmbiguous(cell.text, locale: locale)
                            ? "it reads as day/month and as month/day: set `locale:` for this file (en-US writes M/D/YYYY)" : nil))
                continue
            }
            if let e = endColumn, e < cells.count, let end = Self.month(cells[e].text, kind: .date, locale: locale), end != month {
                diagnostics.append(
                    .error(
                        "the row covers \(month) to \(end): a report over the whole period cannot be split into months",
                        at: SourceLocation(file: path, line: number, column: cells[e].column),
                        hint: "download the report broken down by day (Breakdown › By time › Day)"))
                continue
            }
            if deals != nil {
                let key = "\(month)"
                var counts = dealCounts[key] ?? (0, 0, 0)
                counts.deals += 1
                if let c = createdColumn, c < cells.count, let close = Self.day(cell.text, locale: locale),
                    let open = Self.day(cells[c].text, locale: locale)
                {
                    counts.days += Double(close - open)
                    counts.dated += 1
                }
                dealCounts[key] = counts
            }
            var rowChannel = channel ?? defaultChannel
            if channel == nil, let c = channelColumn, c < cells.count, !cells[c].text.isEmpty {
                rowChannel = Self.channelName(cells[c].text)
            }
            let key = Key(month: month, channel: rowChannel)
            var row = sums[key] ?? Array(repeating: nil, count: measures.count)
            for (k, m) in measures.enumerated() where m.index < cells.count {
                let c = cells[m.index]
                if c.text.isEmpty || c.text == "--" { continue }
                guard let value = Self.number(c.text, locale: locale) else {
                    diagnostics.append(
                        .error(
                            "`\(c.text)` is not a number in the export's locale (\(locale ?? "1,234.56"))",
                            at: SourceLocation(file: path, line: number, column: c.column)))
                    continue
                }
                row[k] = (row[k] ?? 0) + value
            }
            sums[key] = row
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return Converted(csv: [], diagnostics: diagnostics) }
        if deals != nil {
            // The unit's level: won deals, their amounts, their mean days to close.
            var csv = "month,new_customers," + measures.map(\.measure).joined(separator: ",") + ",sales_cycle_days\n"
            for key in sums.keys.sorted() {
                let counts = dealCounts["\(key.month)"] ?? (0, 0, 0)
                let values = sums[key]!.map { $0.map { Self.write($0) } ?? "" }
                let cycle = counts.dated > 0 ? Self.write(counts.days / Double(counts.dated)) : ""
                csv += "\(key.month),\(counts.deals)," + values.joined(separator: ",") + ",\(cycle)\n"
            }
            return Converted(csv: Array(csv.utf8), diagnostics: diagnostics)
        }
        var csv = "month,channel," + measures.map(\.measure).joined(separator: ",") + "\n"
        for key in sums.keys.sorted() {
            let values = sums[key]!.map { $0.map { Self.write($0) } ?? "" }
            csv += "\(key.month),\(key.channel)," + values.joined(separator: ",") + "\n"
        }
        return Converted(csv: Array(csv.utf8), diagnostics: diagnostics)
    }

    /// A cell's text (unquoted, trimmed) and its 1-based column in the line.
    struct Cell {
        var text: String
        var column: Int
    }

    /// The cells of one line, RFC 4180 quotes handled.
    static func split(_ line: Substring, by delimiter: Character) -> [Cell] {
        var cells: [Cell] = []
        var text = ""
        var quoted = false
        var column = 1, start = 1
        var previousQuote = false
        for c in line {
            if quoted {
                if c == "\"" {
                    quoted = false
                    previousQuote = true
                } else {
                    text.append(c)
                }
            } else if c == "\"" {
                if previousQuote { text.append("\"") }
                quoted = true
                previousQuote = false
            } else if c == delimiter {
                cells.append(Cell(text: text.trimmingCharacters(in: .whitespaces), column: start))
                text = ""
                start = column + 1
                previousQuote = false
            } else {
                text.append(c)
                previousQuote = false
            }
            column += 1
        }
        cells.append(Cell(text: text.trimmingCharacters(in: .whitespaces), column: start))
        return cells
    }

    /// UTF-8 (a BOM skipped) or UTF-16 with its byte order mark.
    static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return String(data: Data(bytes), encoding: .utf16) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(validating: body, as: UTF8.self)
    }

    /// A number as the locale writes it: thousands separators, a currency sign or code, `%`.
    static func number(_ text: String, locale: String?) -> Double? {
        var t = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: "€$£% ").union(.letters))
        let negative = t.hasPrefix("-") || t.hasPrefix("−") || (t.hasPrefix("(") && t.hasSuffix(")"))
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: "-−()€$£ "))
        let (thousands, decimal): (Character?, Character) =
            switch locale {
            case "it-IT"?, "de-DE"?: (".", ",")
            case "fr-FR"?: (" ", ",")
            case "iso"?: (nil, ".")
            default: (",", ".")
            }
        if let thousands, t.contains(thousands) {
            // Thousands come in threes (`1,234`); `12,5` in an en-US file is no number.
            let whole = t.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = whole.split(separator: thousands, omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            t.removeAll { $0 == thousands }
        }
        if decimal == "," { t = t.replacingOccurrences(of: ",", with: ".") }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let v = Double(t), v.isFinite else { return nil }
        return negative ? -v : v
    }

    /// A channel group as a dimension value: `Organic Search` → `organic_search`.
    static func channelName(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                out.append(c)
            } else if !out.isEmpty && !out.hasSuffix("_") {
                out.append("_")
            }
        }
        return out.hasSuffix("_") ? String(out.dropLast()) : out
    }

    /// A date cell (an ISO date, with a time after it or not, or a date in the locale) as a
    /// day number, for differences between dates.
    static func day(_ text: String, locale: String?) -> Int? {
        let date = text.split(separator: " ").first.map(String.init) ?? text
        var y = 0, m = 0, d = 0
        if date.count == 10, date.dropFirst(4).first == "-" {
            let parts = date.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            (y, m, d) = (parts[0], parts[1], parts[2])
        } else {
            let parts = date.split(whereSeparator: { $0 == "/" || $0 == "." }).compactMap { Int($0) }
            guard parts.count == 3, let month = month(date, kind: .date, locale: locale) else { return nil }
            let dayFirst = ["en-GB", "it-IT", "de-DE", "fr-FR"].contains(locale ?? "") || (locale == nil && parts[0] > 12)
            (y, m, d) = (parts[2], month.month, dayFirst ? parts[0] : parts[1])
        }
        guard (1...12).contains(m), d >= 1, d <= Month(year: y, month: m).dayCount else { return nil }
        // Days from a fixed origin (the civil-calendar count of Howard Hinnant's days_from_civil).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }

    /// The month of a date or month cell.
    static func month(_ text: String, kind: PeriodKind, locale: String?) -> Month? {
        if kind == .compactDate {
            guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text.prefix(4)),
                let month = Int(text.dropFirst(4).prefix(2)), let day = Int(text.suffix(2)), (1...12).contains(month)
            else { return nil }
            let m = Month(year: year, month: month)
            return (1...m.dayCount).contains(day) ? m : nil
        }
        if kind == .month {
            if let m = Month(parsing: text.prefix(7)), text.count == 7 { return m }
            // "October 2026", "Oct 2026".
            let parts = text.split(separator: " ")
            if parts.count == 2, let year = Int(parts[1]), let month = monthNames.firstIndex(where: { parts[0].lowercased().hasPrefix($0) })
            {
                return Month(year: year, month: month + 1)
            }
            return nil
        }
        // ISO, with a time after it or not (`2026-10-15 14:03`).
        if text.count >= 10, text.dropFirst(4).first == "-", text.dropFirst(7).first == "-", let m = Month(parsing: text.prefix(7)) {
            return m
        }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let year = parts[2], year > 999 else { return nil }
        let monthNumber: Int
        switch locale {
        case "en-US"?: monthNumber = a
        case "en-GB"?, "it-IT"?, "de-DE"?, "fr-FR"?: monthNumber = b
        default:
            // No locale: only a date that reads one way.
            if a > 12 && b <= 12 {
                monthNumber = b
            } else if b > 12 && a <= 12 {
                monthNumber = a
            } else {
                return nil
            }
        }
        guard (1...12).contains(monthNumber) else { return nil }
        return Month(year: year, month: monthNumber)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// True when a slash date reads both as day/month and month/day.
    static func isAmbiguous(_ text: String, locale: String?) -> Bool {
        guard locale == nil else { return false }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." }).compactMap { Int($0) }
        return parts.count == 3 && parts[0] <= 12 && parts[1] <= 12
    }

    /// A sum written back as boardpack CSV: to the millionth, which takes the binary noise of
    /// adding cents (1,234.56 + 765.44) off, and without an exponent.
    static func write(_ value: Double) -> String {
        let v = (value * 1e6).rounded() / 1e6
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
