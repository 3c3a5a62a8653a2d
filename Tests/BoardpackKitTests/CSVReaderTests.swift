import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Valid files: what the reader stores, column by column.
@Suite struct CSVReaderTests {
    @Test func validFileIsStoredByColumn() throws {
        let text = """
            month,channel,spend,leads
            2026-01,web,100,20
            2026-01,store,50.5,
            2026-02,web,1e3,-3

            """
        let (file, diagnostics) = CSVTestSupport.read(text)
        #expect(diagnostics.isEmpty)
        let f = try #require(file)
        #expect(f.path == "data/test.csv")
        #expect(f.grain == .month)
        #expect(f.dimensions == ["channel"])
        #expect(f.measures == ["spend", "leads"])
        // Character columns of the names in the header `month,channel,spend,leads`.
        #expect(f.dimensionColumns == [7])
        #expect(f.measureColumns == [15, 21])
        #expect(f.rowCount == 3)
        #expect(f.months == [Month(year: 2026, month: 1), Month(year: 2026, month: 1), Month(year: 2026, month: 2)])
        #expect(f.days == [0, 0, 0])
        #expect(f.lines == [2, 3, 4])
        #expect(f.dimensionLabels == [["web", "store"]])
        #expect(f.dimensionValues == [[0, 1, 0]])
        // 1e3 = 1 × 10³ = 1000.
        #expect(f.measureValues[0] == [100, 50.5, 1000])
        #expect(f.measureValues[1][0] == 20)
        #expect(f.measureValues[1][1].isNaN)  // empty cell: not reported
        #expect(f.measureValues[1][2] == -3)
        #expect(f.sha256.count == 64)
        #expect(f.sha256 == DataFileReader.sha256Hex(Array(text.utf8)))
    }

    @Test func sha256IsLowerCaseHex() {
        // FIPS 180-2 test vector for "abc".
        #expect(
            DataFileReader.sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let (file, diagnostics) = CSVTestSupport.read("\u{FEFF}month,spend\n2026-01,7\n")
        #expect(diagnostics.isEmpty)
        let f = try #require(file)
        #expect(f.measures == ["spend"])
        #expect(f.measureValues == [[7]])
        // Columns count from 1 after the BOM: `spnd` starts at character 7 of line 1.
        #expect(CSVTestSupport.errors("\u{FEFF}month,spnd\n2026-01,7\n") == ["1:7: unknown column `spnd`"])
        #expect(CSVTestSupport.errors("\u{FEFF}month,spend\n2026-01,x\n").first?.hasPrefix("2:9: `x`") == true)
    }

    @Test func crlfLineEndings() throws {
        let (file, diagnostics) = CSVTestSupport.read("month,spend\r\n2026-01,10\r\n2026-02,20\r\n")
        #expect(diagnostics.isEmpty)
        let f = try #require(file)
        #expect(f.measureValues == [[10, 20]])
        #expect(f.lines == [2, 3])
        #expect(CSVTestSupport.errors("month,spend\r\n2026-01,10\r\n2026-02,x\r\n").first?.hasPrefix("3:9: ") == true)
    }

    @Test func finalNewlineIsOptionalAndTrailingBlankLinesAreAllowed() throws {
        let a = try #require(CSVTestSupport.read("month,spend\n2026-01,1").0)
        #expect(a.measureValues == [[1]])
        let b = try #require(CSVTestSupport.read("month,spend\n2026-01,1\n\n\r\n").0)
        #expect(b.measureValues == [[1]])
    }

    @Test func quotedFieldsHoldDelimitersNewlinesAndQuotes() throws {
        let text = """
            month,channel,spend
            2026-01,"web, paid",10
            2026-01,"multi
            line",20
            2026-02,"say ""hi""\",30
            """
        let (file, diagnostics) = CSVTestSupport.read(text)
        #expect(diagnostics.isEmpty)
        let f = try #require(file)
        #expect(f.dimensionLabels == [["web, paid", "multi\nline", "say \"hi\""]])
        #expect(f.dimensionValues == [[0, 1, 2]])
        // The second row spans lines 3–4, so the third starts on line 5.
        #expect(f.lines == [2, 3, 5])
        #expect(f.measureValues == [[10, 20, 30]])
        // A quoted number is a number.
        #expect(CSVTestSupport.read("month,spend\n2026-01,\"12.5\"\n").0?.measureValues == [[12.5]])
    }

    @Test func rowsAfterAMultiLineFieldKeepTheirLineNumbers() {
        let text = "month,channel,spend\n2026-01,\"a\nb\nc\",1\n2026-02,\"say \"\"hi\"\"\",x\n"
        // Row 2 spans lines 2–4; row 3 is line 5: `2026-02,` (8) + `"say ""hi"""` (12) + `,` → x at 22.
        #expect(
            CSVTestSupport.errors(text) == [
                "5:22: `x` is not a number (use digits with an optional decimal point and exponent)"
            ])
    }

    @Test func semicolonAndDecimalComma() throws {
        let italian = CSVOptions(delimiter: UInt8(ascii: ";"), decimalComma: true)
        let (file, diagnostics) = CSVTestSupport.read("month;spend;leads\n2026-01;1234,5;-0,25\n", options: italian)
        #expect(diagnostics.isEmpty)
        let f = try #require(file)
        // 1234,5 → 1234.5; -0,25 → -0.25.
        #expect(f.measureValues == [[1234.5], [-0.25]])
        let (_, bad) = CSVTestSupport.read("month;spend\n2026-01;1.234,5\n", options: italian)
        #expect(
            CSVTestSupport.render(bad) == [
                "2:9: `1.234,5` is not a number (use digits with an optional decimal comma and exponent)"
            ])
        #expect(bad.first?.hint == "remove the thousands separators")
    }

    @Test func decimalCommaInACommaFileIsARaggedRow() {
        // `2026-01,1234,5`: the third field, `5`, starts at column 14.
        #expect(
            CSVTestSupport.errors("month,spend\n2026-01,1234,5\n") == ["2:14: too many fields: expected 2, found 3"])
    }

    @Test func dateGrain() throws {
        let text = "date,store,spend\n2024-02-28,milano,1\n2024-02-29,milano,2\n2024-03-01,roma,3\n"
        let (file, diagnostics) = CSVTestSupport.read(text)
        #expect(diagnostics.isEmpty)
        let f = try #require(file)
        #expect(f.grain == .date)
        #expect(f.months == [Month(year: 2024, month: 2), Month(year: 2024, month: 2), Month(year: 2024, month: 3)])
        #expect(f.days == [28, 29, 1])
        #expect(f.dimensions == ["store"])
        #expect(f.dimensionLabels == [["milano", "roma"]])
        #expect(f.dimensionValues == [[0, 0, 1]])
    }

    @Test func labelsInternAcrossManyValues() throws {
        // 100 rows cycling through 40 stores: 40 labels, row r holds label r % 40.
        var text = "month,store,spend\n"
        for r in 0..<100 { text += "2026-01,s\(r % 40),1\n" }
        let f = try #require(CSVTestSupport.read(text).0)
        #expect(f.dimensionLabels[0].count == 40)
        #expect(f.dimensionLabels[0][39] == "s39")
        #expect(f.dimensionValues[0] == (0..<100).map { Int32($0 % 40) })
    }
}
