import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Every kind of bad data file, with the exact line:column of each error.
@Suite struct CSVReaderErrorTests {
    func errors(_ text: String) -> [String] { CSVTestSupport.errors(text) }

    @Test func emptyFileAndHeaderWithoutRows() {
        #expect(errors("") == ["0:0: file is empty"])
        #expect(errors("\u{FEFF}") == ["0:0: file is empty"])
        #expect(errors("\n\n") == ["0:0: file is empty"])
        #expect(errors("month,spend\n") == ["1:0: no data rows after the header"])
        #expect(errors("month,spend") == ["1:0: no data rows after the header"])
        #expect(errors("month,spend\n\n\n") == ["1:0: no data rows after the header"])
        #expect(errors("\nmonth,spend\n2026-01,1\n") == ["1:1: blank line before the header"])
    }

    @Test func raggedRows() {
        // `2026-01,web` is 11 characters: the missing field would start at column 12.
        #expect(
            errors("month,channel,spend\n2026-01,web\n") == ["2:12: too few fields: expected 3, found 2"])
        #expect(
            errors("month,channel,spend\r\n2026-01,web\r\n") == [
                "2:12: too few fields: expected 3, found 2"
            ])
        #expect(
            errors("month,channel,spend\n2026-01,web") == ["2:12: too few fields: expected 3, found 2"])
        // `2026-01,x,y`: the first extra field, `y`, is at column 11; the bad cell `x` is not reported.
        #expect(errors("month,spend\n2026-01,x,y\n") == ["2:11: too many fields: expected 2, found 3"])
    }

    @Test func quoting() {
        // The opening quote of `"web,10` is at column 9; nothing after it is read.
        #expect(
            errors("month,channel,spend\n2026-01,\"web,10\n2026-02,x,1\n") == [
                "2:9: unterminated quoted field"
            ])
        // `"web"x`: quote at 9, w e b at 10–12, closing quote 13, `x` at 14. Reading goes on.
        #expect(
            errors("month,channel,spend\n2026-01,\"web\"x,10\n2026-02,web,y\n") == [
                "2:14: unexpected text after a closing quote",
                "3:13: `y` is not a number (use digits with an optional decimal point and exponent)",
            ])
        // `we"b`: the stray quote is at column 11.
        #expect(
            errors("month,channel,spend\n2026-01,we\"b,10\n") == [
                "2:11: unexpected quote in an unquoted field"
            ])
    }

    @Test func blankLineBetweenRows() {
        #expect(errors("month,spend\n2026-01,1\n\n2026-02,2\n") == ["3:1: blank line between data rows"])
        #expect(errors("month,spend\n\n2026-01,1\n") == ["2:1: blank line between data rows"])
        #expect(
            errors("month,spend\r\n2026-01,1\r\n\r\n2026-02,2\r\n") == [
                "3:1: blank line between data rows"
            ])
    }

    @Test func bareCarriageReturn() {
        // `month,spend` is 11 characters; the CR is the 12th.
        #expect(errors("month,spend\r2026-01,1\r") == ["1:12: carriage return without a line feed"])
    }

    @Test func encoding() {
        // Latin-1 `é` (0xE9) after `2026-01,caf`: column 12.
        let latin1 = Array("month,channel,spend\n2026-01,caf".utf8) + [0xE9] + Array(",1\n".utf8)
        #expect(
            CSVTestSupport.render(CSVTestSupport.read(bytes: latin1).1) == ["2:12: file is not valid UTF-8 (byte 0xE9)"]
        )
        // A valid `é` counts as one column: the bad 0xFF after it is column 10.
        let afterAccent = Array("month,channel\n2026-01,é".utf8) + [0xFF]
        #expect(
            CSVTestSupport.render(CSVTestSupport.read(bytes: afterAccent).1) == [
                "2:10: file is not valid UTF-8 (byte 0xFF)"
            ])
        // Overlong encoding of `/` (0xC0 0xAF) is not UTF-8.
        let overlong = Array("month,spend\n".utf8) + [0xC0, 0xAF]
        #expect(
            CSVTestSupport.render(CSVTestSupport.read(bytes: overlong).1) == [
                "2:1: file is not valid UTF-8 (byte 0xC0)"
            ])
        // NUL after `2026-01,1`: column 10.
        let nul = Array("month,spend\n2026-01,1".utf8) + [0] + Array("\n".utf8)
        #expect(CSVTestSupport.render(CSVTestSupport.read(bytes: nul).1) == ["2:10: file holds a NUL byte"])
    }

    @Test func columnsCountCharactersNotBytes() {
        // `café` is four characters (five bytes): `2026-01,` 8 + café 9–12 + `,` 13 → x at 14.
        #expect(
            errors("month,channel,spend\n2026-01,café,x\n") == [
                "2:14: `x` is not a number (use digits with an optional decimal point and exponent)"
            ])
    }

    @Test func header() {
        // month 1–5, `,` 6, spend 7–11, `,` 12: the second `spend` is at 13.
        #expect(
            errors("month,spend,spend\n2026-01,1,2\n") == [
                "1:13: duplicate column `spend`; it is also column 2"
            ])
        #expect(errors("month,,spend\n2026-01,1,2\n") == ["1:7: empty column name"])
        #expect(errors("channel,spend\nweb,1\n") == ["1:0: no period column"])
        #expect(
            errors("month,date,spend\n2026-01,2026-01-01,1\n") == [
                "1:7: second period column `date`; the file already has `month`"
            ])
    }

    @Test func unknownColumnSuggestsTheNearestName() throws {
        let (_, diagnostics) = CSVTestSupport.read("month,new_customer,region\n2026-01,1,north\n")
        #expect(
            CSVTestSupport.render(diagnostics) == [
                "1:7: unknown column `new_customer`", "1:20: unknown column `region`",
            ])
        #expect(diagnostics[0].hint == "did you mean `new_customers`?")
        // `region` is far from every known name: no guess.
        #expect(diagnostics[1].hint == "declare a measure in metrics.yml or a dimension in unit.yml")
        #expect(CSVTestSupport.read("month,chanel\n2026-01,web\n").1.first?.hint == "did you mean `channel`?")
    }

    @Test func fieldOver64KiB() {
        let long = String(repeating: "x", count: 70_000)
        #expect(
            errors("month,channel\n2026-01,\(long)\n") == [
                "2:9: field is longer than 64 KiB (70000 bytes)"
            ])
    }

    @Test func periods() {
        let dates = "date,spend\n2024-02-29,1\n2024-02-30,2\n2023-02-29,3\n2026-13-01,4\n2026-1-05,5\n2026-01-00,6\n"
        #expect(
            errors(dates) == [
                "3:1: `2024-02-30` is not a date: 2024-02 has 29 days",
                "4:1: `2023-02-29` is not a date: 2023-02 has 28 days",
                "5:1: `2026-13-01` is not a date (expected YYYY-MM-DD)",
                "6:1: `2026-1-05` is not a date (expected YYYY-MM-DD)",
                "7:1: `2026-01-00` is not a date: 2026-01 has 31 days",
            ])
        #expect(
            errors("month,spend\n2026-13,1\n2026-1,2\n,3\n2026-01-01,4\n") == [
                "2:1: `2026-13` is not a month (expected YYYY-MM)",
                "3:1: `2026-1` is not a month (expected YYYY-MM)",
                "4:1: empty `month` value",
                "5:1: `2026-01-01` is not a month (expected YYYY-MM)",
            ])
    }

    @Test func cells() {
        let (_, diagnostics) = CSVTestSupport.read(
            "month,channel,spend\n2026-01,,1\n2026-01,web,\"1,234\"\n2026-01,web, 5\n")
        #expect(
            CSVTestSupport.render(diagnostics) == [
                "2:9: empty `channel` value",
                "3:13: `1,234` is not a number (use digits with an optional decimal point and exponent)",
                "4:13: ` 5` is not a number (use digits with an optional decimal point and exponent)",
            ])
        #expect(diagnostics[1].hint == "remove the thousands separators")
        #expect(diagnostics[2].hint == "remove the spaces around the number")
        #expect(
            errors("month,spend\n2026-01,1e400\n") == [
                "2:9: `1e400` is out of range (numbers must be finite)"
            ])
    }

    @Test func everyErrorIsCollectedUpToTheLimit() {
        var text = "month,spend\n"
        for _ in 0..<150 { text += "2026-01,x\n" }
        let found = errors(text)
        // 100 cell errors (three shown, the other 97 summarised), then one line saying the
        // reader stopped (before row 101, line 102).
        #expect(found.count == DataFileReader.repeatsShown + 2)
        #expect(found[DataFileReader.repeatsShown] == "5:0: … and 97 more like this on lines 5–101")
        #expect(found.last == "102:1: too many errors; stopped reading this file")
    }

    @Test func diagnosticsCarryThePath() {
        let diagnostic = CSVTestSupport.read("month,spend\n2026-01,x\n").1.first
        #expect(diagnostic?.location?.description == "data/test.csv:2:9")
    }
}
