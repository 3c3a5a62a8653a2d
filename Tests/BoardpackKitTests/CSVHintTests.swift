import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Hints, not guesses, for the files a new user brings (SPEC §2.3 v2), and one mistake
/// repeated summarised.
@Suite struct CSVHintTests {
    static let schema = DataFileSchema(
        allowedDimensions: ["channel"], knownMeasures: Set(MetricsSetup.dictionary(from: nil).0.measures.keys))

    func errors(_ text: String, options: CSVOptions = CSVOptions()) -> [Diagnostic] {
        DataFileReader.read(bytes: Array(text.utf8), path: "data/x.csv", options: options, schema: Self.schema).1
            .filter { $0.severity == .error }
    }

    @Test func aSemicolonFileReadWithCommasIsOneErrorThatSaysWhatToSet() {
        // An Excel save in an Italian locale: `;`-separated, CRLF.
        let e = errors("month;spend;leads\r\n2026-09;100;5\r\n2026-10;120;6\r\n")
        #expect(e.count == 1)
        #expect(e[0].message == "the header is one column, `month;spend;leads`: this file is separated by `;`")
        #expect(e[0].location == SourceLocation(file: "data/x.csv", line: 1, column: 1))
        #expect(
            e[0].hint
                == "read it with `delimiter: \";\"` in unit.yml: `sources: [{file: x.csv, delimiter: \";\"}]` "
                + "(or `csv_delimiter: \";\"` when every file of the unit is written this way)")
        // A tab-separated file read with `;`.
        let tab = errors("month\tspend\n2026-10\t5\n", options: CSVOptions(delimiter: UInt8(ascii: ";")))
        #expect(tab.first?.message.hasSuffix("this file is separated by tabs") == true)
    }

    @Test func exportHeadersSuggestTheMeasureTheyMean() {
        let e = errors("month,Spend (€),MQLs,New Customers,Impr.,Costo\n2026-10,1,2,3,4,5\n")
        #expect(
            e.map(\.hint) == [
                "did you mean `spend`?", "did you mean `qualified_leads`?", "did you mean `new_customers`?",
                "did you mean `impressions`?", "did you mean `spend`?",
            ])
        #expect(ColumnSynonyms.key("Opportunità (n.)") == "opportunita")
    }

    @Test func periodsThatAreNotISOSayWhatTheyAre() {
        let e = errors("month,spend\n01/09/2025,5\n2026-10-01,5\n9/2026,4\n")
        #expect(e.count == 3)
        #expect(e[0].hint?.hasPrefix("write dates as YYYY-MM-DD (`2025-…`): day/month/year and month/day/year read alike") == true)
        #expect(e[1].hint == "`2026-10-01` is a date: name the column `date` (a date's rows are summed into its month)")
        #expect(e[2].hint == "write months as YYYY-MM (`2026-09`)")
        let dated = errors("date,spend\n31.10.2026,5\n")
        #expect(dated.first?.hint?.hasPrefix("write dates as YYYY-MM-DD (`2026-…`)") == true)
    }

    @Test func oneMistakeRepeatedIsShownThreeTimesThenSummarised() {
        // Nine thousands separators on lines 2–10, and one other error on line 11.
        var text = "month,spend\n"
        for m in 1...9 { text += "2026-0\(m),\"1,23\(m)\"\n" }
        text += "2026-10,abc\n"
        let e = errors(text)
        #expect(e.count == 5)
        #expect(e[0...2].map { $0.location?.line } == [2, 3, 4])
        #expect(e[3].message == "… and 6 more like this on lines 5–10")
        #expect(e[3].location == SourceLocation(file: "data/x.csv", line: 5))
        #expect(e[3].hint == "each: remove the thousands separators")
        #expect(e[4].location?.line == 11 && e[4].message.hasPrefix("`abc` is not a number"))
        // Three or fewer are all shown.
        #expect(errors("month,spend\n2026-01,\"1,2\"\n2026-02,\"1,3\"\n2026-03,\"1,4\"\n").count == 3)
    }

    @Test func aCRLFFileKeepsItsExcerpt() {
        let csv = "month,spend\r\n2026-10,abc\r\n"
        let d = errors(csv)[0]
        let printed = DiagnosticPrinter(colour: false) { _ in csv }.format(d)
        #expect(
            printed
                == "data/x.csv:2:9: error: `abc` is not a number (use digits with an optional decimal point and exponent)\n  2026-10,abc\n          ^\n"
        )
    }
}

/// `sources:` entries that say how one file is written (SPEC §2.3 v2).
@Suite struct PerFileSettingsTests {
    func load(_ files: [String: [UInt8]], sources: String) -> (Workspace?, [Diagnostic]) {
        var all: [String: [UInt8]] = [
            "content/units/u/unit.yml": Array("name: U\nsector: tech\ncurrency: EUR\nconfidentiality: B\nsources:\n\(sources)".utf8)
        ]
        for (name, bytes) in files { all["content/units/u/data/\(name)"] = bytes }
        return BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: all))
    }

    @Test func oneFileIsReadItsOwnWayAndTheOthersTheUnitsWay() throws {
        let files: [String: [UInt8]] = [
            "semi.csv": Array("month;spend;leads\r\n2026-10;120,5;6\r\n".utf8),
            "web.csv": Array("month,sessions\n2026-10,12\n".utf8),
            // Google Ads' "Excel" CSV: UTF-16 with its byte order mark, tab separated.
            "gads-oct.csv": [0xFF, 0xFE] + Array("month\tclicks\n2026-10\t8\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            // Windows-1252: `è` is the one byte 0xE8.
            "w1252.csv": Array("month,channel,impressions\n2026-10,caff".utf8) + [0xE8] + Array(",9\n".utf8),
        ]
        let (workspace, diagnostics) = load(
            files,
            sources: """
                  - file: semi.csv
                    delimiter: ";"
                    decimal: comma
                  - file: gads-*.csv
                    delimiter: tab
                    encoding: utf-16
                  - file: w1252.csv
                    encoding: windows-1252

                """)
        let ws = try #require(workspace, "\(diagnostics)")
        let data = try #require(ws.units.first?.dataFiles)
        #expect(data.map(\.rowCount) == [1, 1, 1, 1])
        let spend = try #require(data.first { $0.path.hasSuffix("semi.csv") })
        #expect(spend.measureValues[spend.measures.firstIndex(of: "spend")!][0] == 120.5)
        #expect(data.first { $0.path.hasSuffix("w1252.csv") }?.dimensionLabels == [["caffè"]])
        // The provenance is the file's own bytes, not their UTF-8 reading.
        let gads = try #require(data.first { $0.path.hasSuffix("gads-oct.csv") })
        #expect(gads.sha256 == DataFileReader.sha256Hex(files["gads-oct.csv"]!))
    }

    @Test func aUTF16FileWithoutItsSettingSaysWhatToSet() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("month\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (_, diagnostics) = load(["ads.csv": bytes], sources: "  - file: other.csv\n    delimiter: \";\"\n")
        #expect(
            diagnostics.first?.hint
                == "the file is UTF-16 (Excel's \"Unicode text\"): read it with `sources: [{file: ads.csv, encoding: utf-16}]` in unit.yml")
    }

    @Test func settingsAreChecked() {
        func problems(_ sources: String) -> String {
            let yml = "name: A\nsector: tech\ncurrency: USD\nconfidentiality: B\nsources:\n\(sources)"
            if case .failure(let e) = YAMLFile.decodeAll(UnitConfig.self, from: yml, path: "unit.yml") { return "\(e.diagnostics)" }
            return ""
        }
        #expect(problems("  - file: x.csv\n    delimiter: \"|\"\n").contains("`delimiter` is `,`, `;`, `tab`, not `|`"))
        #expect(problems("  - file: x.csv\n").contains("a source gives a `command`, a `format`, or how its files are written"))
        #expect(
            problems("  - file: x.csv\n    format: tiktok-ads\n").contains(
                "`format` is `csv`, `xlsx`, `ga4`, `google-ads`, `hubspot-deals`, `linkedin-ads`, `meta-ads`, `salesforce-report`, not `tiktok-ads`"
            ))
        #expect(
            problems("  - file: x.csv\n    format: google-ads\n    encoding: utf-16\n").contains("an adapter reads its export's encoding"))
        #expect(problems("  - file: x.csv\n    delimiter: \";\"\n    locale: it-IT\n").contains("`locale` and `channel` are for an export"))
        #expect(problems("  - file: x.csv\n    format: meta-ads\n    locale: en-US\n    channel: social\n").isEmpty)
        #expect(problems("  - file: x.csv\n    command: [a]\n    delimiter: \";\"\n").contains("does not apply"))
        #expect(problems("  - file: x.csv\n    decimal: comma\n    delimiter: \",\"\n").contains("needs `delimiter"))
        #expect(problems("  - file: \"ads-*.csv\"\n    encoding: utf-16\n").isEmpty)
        #expect(problems("  - file: \"ads-*.csv\"\n    command: [a]\n").contains("a CSV file name in data/"))
    }
}
