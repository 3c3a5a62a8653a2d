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
    /// Columns whose empty value marks a summary row (Meta's campaign, ad set or ad name); an
    /// export with none of them cannot tell its summary row and is refused.
    var summaryWhenEmpty: [String] = []
    /// A second period column that must fall in the first's month (Meta's `Reporting ends`).
    var periodEnd: String?
    /// How the platform always writes numbers and dates, when it has one way (LinkedIn's
    /// `$1,234.56` and M/D/YYYY); a source's `locale:` still wins.
    var defaultLocale: String? = nil
    /// Whether a `#` line ends the table (GA4's next table starts after one).
    var commentTables = false
    /// Whether a CRM's confidentiality and copyright lines end the table (Salesforce).
    var footers = false
    /// Columns whose value is each row's channel (GA4's channel group), in order of preference.
    var channelColumns: [String] = []
    /// A CRM's deals: won deals (by their stage) counted as new customers, their amounts
    /// summed, close − create days averaged; the unit's level, no channel.
    var deals: (stage: String, created: String)? = nil

    /// HubSpot's deals export: `Deal Stage`, `Close Date`, `Amount`, `Create Date`. Names,
    /// e-mails and owners are never read.
    static let hubSpotDeals = ExportAdapter(
        name: "hubspot-deals", signature: ["Deal Stage", "Close Date", "Amount"], period: [("Close Date", .date)],
        map: ["Amount": "attributed_revenue"], defaultChannel: "", summaryWhenEmpty: [], periodEnd: nil,
        deals: ("Deal Stage", "Create Date"))

    /// The stages that mean won, unless the source's `won_stages:` says otherwise.
    static let wonStages = ["closedwon", "Closed Won"]

    /// Google Ads: title and date-range lines, then `Day` or `Month`, `Cost`, `Impr.`, `Clicks`;
    /// the "Excel" download is UTF-16 and tab separated; `Total:` rows at the end.
    static let googleAds = ExportAdapter(
        name: "google-ads", signature: ["Cost"], period: [("Day", .date), ("Month", .month)],
        map: ["Cost": "spend", "Impr.": "impressions", "Impressions": "impressions", "Clicks": "clicks"],
        defaultChannel: "paid_search", summaryWhenEmpty: [], periodEnd: nil)

    /// Meta Ads Manager: `Reporting starts`, `Reporting ends`, `Amount spent (XXX)`; a summary
    /// row with an empty campaign name, first or last.
    static let metaAds = ExportAdapter(
        name: "meta-ads", signature: ["Reporting starts", "Reporting ends"], period: [("Reporting starts", .date)],
        map: ["Amount spent": "spend", "Impressions": "impressions", "Link clicks": "clicks"],
        defaultChannel: "paid_social", summaryWhenEmpty: ["Campaign name", "Ad set name", "Ad name"],
        periodEnd: "Reporting ends")

    /// LinkedIn Campaign Manager: preamble lines, `Start Date (in UTC)`, `Total Spent`, in US
    /// format whatever the account's language.
    static let linkedInAds = ExportAdapter(
        name: "linkedin-ads", signature: ["Start Date (in UTC)", "Total Spent"], period: [("Start Date (in UTC)", .date)],
        map: ["Total Spent": "spend", "Impressions": "impressions", "Clicks": "clicks"], defaultChannel: "linkedin",
        summaryWhenEmpty: [], periodEnd: nil, defaultLocale: "en-US")

    /// Google Analytics 4: a `#` comment block, then `Date` (YYYYMMDD) or `Month`, `Sessions`;
    /// the channel from a channel-group column, else `all`.
    static let ga4 = ExportAdapter(
        name: "ga4", signature: ["Sessions"], period: [("Date", .compactDate), ("Month", .month)], map: ["Sessions": "sessions"],
        defaultChannel: "all", summaryWhenEmpty: [], periodEnd: nil, commentTables: true,
        channelColumns: [
            "Session default channel group", "Session primary channel group", "Default channel group", "First user default channel group",
        ])

    /// A Salesforce report exported as CSV: whatever columns the report has, mapped by the
    /// source's `columns:` (the period among them); `Grand Totals`, subtotals and the
    /// confidentiality and copyright footer dropped.
    static let salesforceReport = ExportAdapter(
        name: "salesforce-report", signature: [], period: [], map: [:], defaultChannel: "", summaryWhenEmpty: [], periodEnd: nil,
        footers: true)

    /// The adapters by `format:` name.
    package static let all: [String: ExportAdapter] = [
        googleAds.name: googleAds, metaAds.name: metaAds, linkedInAds.name: linkedInAds, ga4.name: ga4,
        hubSpotDeals.name: hubSpotDeals, salesforceReport.name: salesforceReport,
    ]

    /// Columns that name each row's currency.
    static let currencyColumns = ["Currency code", "Currency"]

    /// Labels of total rows in the languages the platforms export in.
    static let totalPrefixes = ["total", "gesamt", "grand total", "subtotal", "totaal"]

    /// What an export's rows became: boardpack CSV text (one row per period and dimension
    /// values) and every problem, positioned in the export itself.
    package struct Converted {
        package var csv: [UInt8]
        package var diagnostics: [Diagnostic]
        /// Where each field of the CSV came from in the export: `origins[line - 1][field]`,
        /// the header first; a summed row points at the first export row it adds up.
        package var origins: [[SourceLocation]] = []
        /// The rows of the original read into the CSV (totals and skipped rows not counted).
        package var rowsRead = 0
    }

    /// The adapter and a source's settings together: which export column is the period,
    /// which are dimensions and which measures.
    struct Plan {
        var period: (index: Int, kind: PeriodKind)
        /// Each dimension's name and its column, or the one value every row is given.
        var dimensions: [(name: String, index: Int?, fixed: String?)]
        var measures: [(index: Int, measure: String)]
    }

    /// The header name without a trailing currency code in brackets (`Amount spent (EUR)` →
    /// `Amount spent`, and `EUR`).
    static func withoutCurrency(_ name: String) -> (name: String, code: String?) {
        guard let open = name.lastIndex(of: "("), name.hasSuffix(")") else { return (name, nil) }
        let code = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return (name, nil) }
        return (name[..<open].trimmingCharacters(in: .whitespaces), code)
    }

    /// Converts an export's bytes as `source` says (`locale`, `delimiter`, `channel`,
    /// `columns`, `values`, `won_stages`); `dimensions` are the unit's dimension columns.
    /// Without a locale, dates are ISO and numbers `1,234.56`, and a slash date that reads two
    /// ways is an error.
    func convert(_ bytes: [UInt8], path: String, source: SourceConfig, currency: String, dimensions: [String] = []) -> Converted {
        var diagnostics: [Diagnostic] = []
        let locale = source.locale ?? defaultLocale
        let columns = source.columns ?? [:]
        func at(_ line: Int, _ column: Int = 0) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }
        func fail(_ message: String, line: Int = 0, column: Int = 0, hint: String? = nil) -> Converted {
            Converted(csv: [], diagnostics: [.error(message, at: at(line, column), hint: hint)])
        }
        guard let text = ExportText(bytes) else {
            return fail("\(name) export is neither UTF-8 nor UTF-16 with a byte order mark", hint: "download the export again")
        }
        // The header: the first line whose cells hold the signature and every `columns:` name,
        // split on the delimiter that makes them so.
        // A source whose `columns:` name the period reads a translated or renamed export by
        // them alone (`Giorno: date, Costo: spend`).
        let namesPeriod = columns.values.contains("date") || columns.values.contains("month")
        let wanted = (namesPeriod ? [] : signature) + columns.keys.sorted()
        var header: (line: Int, cells: [Cell], delimiter: UInt8)?
        var split = ExportText.Cells()
        search: for index in text.lines.indices where !(commentTables && text.bytes[text.lines[index]].first == UInt8(ascii: "#")) {
            let line = text.lines[index]
            for d in source.delimiterByte.map({ [$0] }) ?? [0x09, 0x2C, 0x3B] {
                text.split(line, by: d, into: &split)
                let cells = split.ranges.indices.map {
                    Cell(text: text.text(of: $0, in: split), column: text.column(of: $0, in: split, line: line))
                }
                let names = Set(cells.flatMap { [$0.text, Self.withoutCurrency($0.text).name] })
                if !wanted.isEmpty && wanted.allSatisfy({ names.contains($0) }) {
                    header = (index + 1, cells, d)
                    break search
                }
            }
        }
        guard let header else {
            return fail(
                "not a \(name) export: no header line with \(wanted.map { "`\($0)`" }.joined(separator: " and "))",
                hint: "check `format:` and `columns:` for this file in unit.yml")
        }
        // The adapter's map, with `columns:` adding to it and overriding it: a source column
        // mapped there is read as it says, and a measure it names is no longer taken from the
        // adapter's own column.
        let dimensionNames = Set(dimensions + ["channel"])
        var map = map.filter { columns[$0.key] == nil && !columns.values.contains($0.value) }
        var periodColumns = period
        var mappedDimensions: [(name: String, column: String)] = []
        for (column, target) in columns.sorted(by: { $0.key < $1.key }) {
            switch target {
            case "date": periodColumns = [(column, .date)]
            case "month": periodColumns = [(column, .month)]
            case _ where dimensionNames.contains(target): mappedDimensions.append((target, column))
            default: map[column] = target
            }
        }
        // Columns: the period, the mapped dimensions and measures (a currency in brackets
        // checked), nothing else.
        var periodColumn: (index: Int, kind: PeriodKind)?
        var endColumn: Int?
        var summaryColumn: Int?
        // A column naming each row's currency (Google Ads' `Currency code`): every row in the
        // unit's, or the sums would add dollars to euros.
        let currencyColumn = header.cells.firstIndex { Self.currencyColumns.contains($0.text) }
        var measures: [(index: Int, measure: String)] = []
        let stageColumn = deals.flatMap { d in header.cells.firstIndex { $0.text == d.stage } }
        let createdColumn = deals.flatMap { d in header.cells.firstIndex { $0.text == d.created } }
        let won = Set(source.wonStages ?? Self.wonStages)
        func index(of name: String) -> Int? {
            header.cells.firstIndex { $0.text == name } ?? header.cells.firstIndex { Self.withoutCurrency($0.text).name == name }
        }
        for (i, cell) in header.cells.enumerated() {
            if periodColumn == nil, let p = periodColumns.first(where: { $0.column == cell.text }) { periodColumn = (i, p.kind) }
            if cell.text == periodEnd { endColumn = i }
            if summaryColumn == nil && summaryWhenEmpty.contains(cell.text) { summaryColumn = i }
            let (bare, code) = Self.withoutCurrency(cell.text)
            let name = map[cell.text] == nil ? bare : cell.text
            if let code, map[name] != nil, code != currency {
                diagnostics.append(
                    .error(
                        "`\(cell.text)` is in \(code), and the unit reports in \(currency)", at: at(header.line, cell.column),
                        hint: "export the report in \(currency), or convert it before the pack: boardpack never converts currencies"))
            }
            if let measure = map[name], !measures.contains(where: { $0.measure == measure }) { measures.append((i, measure)) }
        }
        if !summaryWhenEmpty.isEmpty && summaryColumn == nil {
            return fail(
                "the \(name) export has no \(summaryWhenEmpty.map { "`\($0)`" }.joined(separator: ", ")) column, which tells its summary row from the others",
                line: header.line, hint: "download the report with the campaign (or ad set, or ad) name")
        }
        guard let periodColumn else {
            if periodColumns.isEmpty {
                return fail(
                    "a \(name) source names its period column in `columns:`", line: header.line,
                    hint: "map the report's date or month column: `columns: {Close Date: date, Amount: attributed_revenue}`")
            }
            return fail(
                "the \(name) export has no period column (\(periodColumns.map { "`\($0.column)`" }.joined(separator: " or ")))",
                line: header.line, hint: "add the time segment (by day or by month) to the report before downloading it")
        }
        if !diagnostics.isEmpty { return Converted(csv: [], diagnostics: diagnostics) }
        // The dimensions of the rows written: the channel (from a mapped column, a channel-group
        // column, the source's `channel` or the adapter's default; none for a CRM's deals), then
        // the other mapped dimensions.
        var plan = Plan(period: periodColumn, dimensions: [], measures: measures)
        let channelGroup = channelColumns.lazy.compactMap { name in header.cells.firstIndex { $0.text == name } }.first
        if let mapped = mappedDimensions.first(where: { $0.name == "channel" }) {
            plan.dimensions.append(("channel", index(of: mapped.column), nil))
        } else if source.channel == nil, let channelGroup {
            plan.dimensions.append(("channel", channelGroup, nil))
        } else if let fixed = source.channel ?? (defaultChannel.isEmpty ? nil : defaultChannel) {
            plan.dimensions.append(("channel", nil, fixed))
        }
        for d in mappedDimensions where d.name != "channel" { plan.dimensions.append((d.name, index(of: d.column), nil)) }

        struct Key: Hashable, Comparable {
            var month: Month
            var values: [String]
            static func < (a: Key, b: Key) -> Bool {
                a.month != b.month ? a.month < b.month : a.values.lexicographicallyPrecedes(b.values)
            }
        }
        struct Sum {
            var values: [Double?]
            var deals = 0
            var days = 0.0
            var dated = 0
            /// The first export row added in, and its cells' columns.
            var line: Int
            var columns: [Int]
        }
        var sums: [Key: Sum] = [:]
        var rowsRead = 0
        let (thousands, decimal) = Self.separators(locale)
        let (thousandsByte, decimalByte) = (thousands?.asciiValue, decimal.asciiValue ?? UInt8(ascii: "."))
        let delimiter = header.delimiter
        // The fields a row must have: up to the last column read.
        let needed = ([periodColumn.index] + measures.map(\.index) + plan.dimensions.compactMap(\.index)).max()! + 1
        var cells = ExportText.Cells()
        // Rows come sorted by day: the sum of the current key is kept aside, and the table is
        // looked up only when the key changes.
        var current: (key: Key, sum: Sum)?
        for index in header.line..<text.lines.count {
            let line = text.lines[index]
            // A `#` line ends the table (GA4 puts its next table after one), and so does a
            // footer (Salesforce's confidentiality and copyright lines).
            if commentTables && text.bytes[line].first == UInt8(ascii: "#") { break }
            if text.bytes[line].allSatisfy({ $0 == 0x2C || $0 == 0x09 || $0 == 0x3B || $0 == 0x20 || $0 == 0x22 }) { continue }
            text.split(line, by: delimiter, into: &cells)
            let number = index + 1
            func cellAt(_ i: Int) -> Cell { Cell(text: text.text(of: i, in: cells), column: text.column(of: i, in: cells, line: line)) }
            // The filled cells, counted in one pass without an array per row.
            var firstFilled: Int?
            var filledCount = 0
            var lastFilled = -1
            for (i, range) in cells.ranges.enumerated() where !range.isEmpty {
                if firstFilled == nil { firstFilled = i }
                filledCount += 1
                lastFilled = i
            }
            // A footer is a line of one cell (Salesforce's confidentiality and copyright notes).
            if footers && filledCount == 1 && text.isFooter(line) { break }
            // A total row names itself in its first cell and has no period of its own: a
            // campaign called `Total Gym` on a dated row is a campaign.
            if let first = firstFilled, text.isTotal(cells.ranges[first]), !hasPeriod(cells, periodColumn, text: text, locale: locale) {
                continue
            }
            // Every row as wide as the header, trailing empty cells aside: an unquoted `1,234.56`
            // in a comma-separated export would shift every column after it.
            if lastFilled >= header.cells.count || cells.count < needed {
                diagnostics.append(
                    .error(
                        "the row has \(cells.count) fields and the header \(header.cells.count)", at: at(number),
                        hint: "a number with a thousands separator must be in quotes in a comma-separated export; download it again"))
                continue
            }
            if let s = summaryColumn, s < cells.count, cells.ranges[s].isEmpty { continue }
            guard periodColumn.index < cells.count else {
                diagnostics.append(.error("the row has no period", at: at(number)))
                continue
            }
            if let s = stageColumn, s < cells.count, !won.contains(text.text(of: s, in: cells)) { continue }
            if let c = currencyColumn, c < cells.count, !cells.ranges[c].isEmpty, !text.bytes[cells.ranges[c]].elementsEqual(currency.utf8)
            {
                let cell = cellAt(c)
                diagnostics.append(
                    .error(
                        "the row is in \(cell.text), and the unit reports in \(currency)", at: at(number, cell.column),
                        hint: "export the report in \(currency) only, or convert it before the pack: boardpack never converts currencies"))
                continue
            }
            let periodRange = cells.ranges[periodColumn.index]
            guard
                let month = text.isoMonth(periodRange, kind: periodColumn.kind)
                    ?? Self.month(text.string(periodRange), kind: periodColumn.kind, locale: locale)
            else {
                let cell = cellAt(periodColumn.index)
                diagnostics.append(
                    .error(
                        "`\(cell.text)` is not a \(periodColumn.kind == .month ? "month" : "date") in the export's locale (\(locale ?? "none set"))",
                        at: at(number, cell.column),
                        hint: Self.isAmbiguous(cell.text, locale: locale)
                            ? "it reads as day/month and as month/day: set `locale:` for this file (en-US writes M/D/YYYY)" : nil))
                continue
            }
            if let e = endColumn, e < cells.count,
                let end = text.isoMonth(cells.ranges[e], kind: .date)
                    ?? Self.month(text.text(of: e, in: cells), kind: .date, locale: locale),
                end != month
            {
                diagnostics.append(
                    .error(
                        "the row covers \(month) to \(end): a report over the whole period cannot be split into months",
                        at: at(number, cellAt(e).column), hint: "download the report broken down by day (Breakdown › By time › Day)"))
                continue
            }
            var key = Key(month: month, values: [])
            for d in plan.dimensions {
                guard let i = d.index else {
                    key.values.append(d.fixed ?? "")
                    continue
                }
                let raw = i < cells.count ? text.text(of: i, in: cells) : ""
                let name = d.name
                if let recoded = source.values?[name]?[raw] {
                    key.values.append(recoded)
                } else if raw.isEmpty {
                    diagnostics.append(
                        .error(
                            "the row has no \(name)", at: at(number, i < cells.count ? cellAt(i).column : 0),
                            hint: "give the empty value a name with `values: {\(name): {\"\": …}}`, or fill it in the export"))
                    break
                } else {
                    // A channel is an id (`Organic Search` → `organic_search`); other values as written.
                    key.values.append(name == "channel" ? Self.channelName(raw) : raw)
                }
            }
            guard key.values.count == plan.dimensions.count else { continue }
            if current?.key != key {
                if let current { sums[current.key] = current.sum }
                let sum =
                    sums[key]
                    ?? Sum(
                        values: Array(repeating: nil, count: measures.count), line: number,
                        columns: cells.ranges.indices.map { text.column(of: $0, in: cells, line: line) })
                current = (key, sum)
            }
            if deals != nil {
                current!.sum.deals += 1
                let close = text.text(of: periodColumn.index, in: cells)
                if let c = createdColumn, c < cells.count, let close = Self.day(close, locale: locale),
                    let open = Self.day(text.text(of: c, in: cells), locale: locale)
                {
                    current!.sum.days += Double(close - open)
                    current!.sum.dated += 1
                }
            }
            for (k, m) in measures.enumerated() where m.index < cells.count {
                let range = cells.ranges[m.index]
                if range.isEmpty || text.bytes[range].elementsEqual([0x2D, 0x2D]) { continue }
                guard
                    let value = text.number(range, thousands: thousandsByte, decimal: decimalByte)
                        ?? Self.number(text.text(of: m.index, in: cells), locale: locale, currency: currency)
                else {
                    let c = cellAt(m.index)
                    if let mark = Self.currencyMark(in: c.text), mark != currency {
                        diagnostics.append(
                            .error(
                                "`\(c.text)` is in \(mark), and the unit reports in \(currency)", at: at(number, c.column),
                                hint: "export the report in \(currency), or convert it before the pack: boardpack never converts currencies"
                            ))
                    } else {
                        diagnostics.append(
                            .error("`\(c.text)` is not a number in the export's locale (\(locale ?? "1,234.56"))", at: at(number, c.column))
                        )
                    }
                    continue
                }
                current!.sum.values[k] = (current!.sum.values[k] ?? 0) + value
            }
            rowsRead += 1
        }
        if let current { sums[current.key] = current.sum }
        if diagnostics.contains(where: { $0.severity == .error }) { return Converted(csv: [], diagnostics: diagnostics) }
        // Boardpack CSV: the period, the dimensions, for deals their count first and mean days
        // last, the measures; each field remembers its place in the export.
        var names = ["month"] + plan.dimensions.map(\.name)
        if deals != nil { names.append("new_customers") }
        names += measures.map(\.measure)
        if deals != nil { names.append("sales_cycle_days") }
        func headerColumn(_ i: Int?) -> SourceLocation { at(header.line, i.map { header.cells[$0].column } ?? 0) }
        var origins = [
            [headerColumn(periodColumn.index)] + plan.dimensions.map { headerColumn($0.index) }
                + (deals != nil ? [headerColumn(stageColumn)] : [])
                + measures.map { headerColumn($0.index) } + (deals != nil ? [headerColumn(createdColumn)] : [])
        ]
        var csv = names.map(Self.quoted).joined(separator: ",") + "\n"
        for key in sums.keys.sorted() {
            let sum = sums[key]!
            var fields = ["\(key.month)"] + key.values
            func column(_ i: Int?) -> SourceLocation { at(sum.line, i.flatMap { $0 < sum.columns.count ? sum.columns[$0] : nil } ?? 0) }
            var origin = [column(periodColumn.index)] + plan.dimensions.map { column($0.index) }
            if deals != nil {
                fields.append("\(sum.deals)")
                origin.append(column(stageColumn))
            }
            fields += sum.values.map { $0.map { Self.write($0) } ?? "" }
            origin += measures.map { column($0.index) }
            if deals != nil {
                fields.append(sum.dated > 0 ? Self.write(sum.days / Double(sum.dated)) : "")
                origin.append(column(createdColumn))
            }
            csv += fields.map(Self.quoted).joined(separator: ",") + "\n"
            origins.append(origin)
        }
        return Converted(csv: Array(csv.utf8), diagnostics: diagnostics, origins: origins, rowsRead: rowsRead)
    }

    /// A field as boardpack CSV writes it: quoted when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The lines a CRM writes under its report: Salesforce's confidentiality and copyright notes.
    static func isFooter(_ line: Substring) -> Bool {
        let text = line.drop { $0 == "\"" || $0 == " " }.lowercased()
        return text.hasPrefix("confidential information") || text.hasPrefix("copyright ") || text.hasPrefix("copyright(")
            || text.hasPrefix("generated by")
    }

    /// True when the row's period cell holds a date or month.
    func hasPeriod(_ cells: ExportText.Cells, _ period: (index: Int, kind: PeriodKind), text: ExportText, locale: String?) -> Bool {
        guard period.index < cells.count, !cells.ranges[period.index].isEmpty else { return false }
        return text.isoMonth(cells.ranges[period.index], kind: period.kind) != nil
            || Self.month(text.text(of: period.index, in: cells), kind: period.kind, locale: locale) != nil
    }

    /// A cell's text (unquoted, trimmed) and its 1-based column in the line.
    struct Cell {
        var text: String
        var column: Int
    }

    /// A number as the locale writes it: thousands separators (in threes, before the decimal
    /// separator only), a trailing `%`, and the unit's own currency, by its code or symbol,
    /// before or after (`$1,234.56`, `1.234,56 €`, `EUR 12`); any other currency, letter or
    /// sign is no number (`USD 8,000.00` in a euro unit, `1.5M`).
    static func number(_ text: String, locale: String?, currency: String? = nil) -> Double? {
        var t = Substring(text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " "))
        func trim() { t = t.trimmingCharacters(in: .whitespaces)[...] }
        trim()
        var negative = false
        func takeSign() {
            if t.hasPrefix("(") && t.hasSuffix(")") {
                negative = true
                t = t.dropFirst().dropLast()
            } else if t.hasPrefix("-") || t.hasPrefix("−") {
                negative = true
                t = t.dropFirst()
            }
            trim()
        }
        takeSign()
        if t.hasSuffix("%") {
            t = t.dropLast()
            trim()
        }
        if let currency {
            for mark in Self.currencyMarks(of: currency) {
                if t.hasPrefix(mark) {
                    t = t.dropFirst(mark.count)
                    break
                }
                if t.hasSuffix(mark) {
                    t = t.dropLast(mark.count)
                    break
                }
            }
            trim()
            if !negative { takeSign() }
        }
        let (thousands, decimal) = separators(locale)
        var digits = String(t)
        if let thousands, digits.contains(thousands) {
            // Thousands come in threes (`1,234`), and never after the decimal separator: `12,5`
            // in an en-US file and `1.234,56` read as en-US are no numbers.
            let parts = digits.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count > 1 && parts[1].contains(thousands) { return nil }
            let groups = parts[0].split(separator: thousands, omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            digits.removeAll { $0 == thousands }
        }
        if decimal == "," {
            guard !digits.contains(".") else { return nil }
            digits = digits.replacingOccurrences(of: ",", with: ".")
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let v = Double(digits), v.isFinite
        else { return nil }
        return negative ? -v : v
    }

    /// How a currency is written beside an amount: its code and its symbols, longest first.
    static func currencyMarks(of code: String) -> [String] {
        let symbols: [String: [String]] = ["EUR": ["€"], "USD": ["US$", "$"], "GBP": ["£"], "JPY": ["¥"]]
        return [code] + (symbols[code] ?? [])
    }

    /// The currency a cell names, when it names one: a symbol (`€`, `$`, `£`, `¥`) or a
    /// three-letter code.
    static func currencyMark(in text: String) -> String? {
        let symbols: [Character: String] = ["€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"]
        if let symbol = text.first(where: { symbols[$0] != nil }) { return symbols[symbol] }
        var run = ""
        for c in text + " " {
            if c.isASCII && c.isUppercase {
                run.append(c)
            } else {
                if run.count == 3 { return run }
                run = ""
            }
        }
        return nil
    }

    /// How `locale` separates thousands and decimals.
    static func separators(_ locale: String?) -> (thousands: Character?, decimal: Character) {
        switch locale {
        case "it-IT"?, "de-DE"?: (".", ",")
        case "fr-FR"?: (" ", ",")
        case "iso"?: (nil, ".")
        default: (",", ".")
        }
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
        return CivilDays.days(year: y, month: m, day: d)
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
        // ISO, with a time after it or not (`2026-10-15 14:03`): a day that exists.
        if text.count >= 10, text.dropFirst(4).first == "-", text.dropFirst(7).first == "-" {
            guard let m = Month(parsing: text.prefix(7)), let day = Int(text.dropFirst(8).prefix(2)), (1...m.dayCount).contains(day),
                text.count == 10 || text.dropFirst(10).first == " " || text.dropFirst(10).first == "T"
            else { return nil }
            return m
        }
        // `locale: iso` reads ISO dates only.
        if locale == "iso" { return nil }
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
    /// `exact` writes a workbook's value as it is stored, to the last digit that tells it apart.
    static func write(_ value: Double, exact: Bool = false) -> String {
        let v = exact ? value : (value * 1e6).rounded() / 1e6
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
