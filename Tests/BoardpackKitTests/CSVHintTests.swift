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
        #expect(e[0].hint == "add `csv_delimiter: \";\"` to unit.yml when every file of the unit is written this way")
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
