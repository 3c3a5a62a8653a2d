import Foundation
import Testing
import ZIPFoundation

@testable import BoardpackContent
@testable import BoardpackKit
@testable import BoardpackMetrics
@testable import BoardpackSupport

/// Excel workbooks (SPEC §2.5): a sheet found by name, dates by their cell's format, cached
/// formula values, totals and personal columns left out, and every refusal at its cell.
@Suite struct WorkbookTests {
    /// An .xlsx archive as Excel writes one: the workbook, its relationships, the sheets,
    /// shared strings and styles (cell style 1 is the built-in date format 17, `mmm-yy`;
    /// style 2 a custom `[$-409]mmmm yyyy`).
    static func xlsx(sheets: [(name: String, rows: String, merges: String)], strings: [String], date1904: Bool = false) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 0),
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let r = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        try add(
            "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        try add(
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook \(ns) \(r)><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>"
                + sheets.enumerated().map {
                    "<sheet name=\"\($0.element.name)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 3)\"/>"
                }
                .joined() + "</sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + sheets.indices.map {
                    "<Relationship Id=\"rId\($0 + 3)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
                }.joined() + "</Relationships>")
        for (i, sheet) in sheets.enumerated() {
            try add(
                "xl/worksheets/sheet\(i + 1).xml",
                "<?xml version=\"1.0\"?><worksheet \(ns)><sheetData>\(sheet.rows)</sheetData>\(sheet.merges)</worksheet>")
        }
        try add(
            "xl/sharedStrings.xml",
            "<?xml version=\"1.0\"?><sst \(ns) count=\"\(strings.count)\">" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        try add(
            "xl/styles.xml",
            "<?xml version=\"1.0\"?><styleSheet \(ns)><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-409]mmmm\\ yyyy\"/></numFmts>"
                + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"17\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>")
        return Array(try #require(archive.data))
    }

    static let strings = ["Nimbus Cloud: marketing budget", "Month", "Marketing budget", "Owner", "Giulia Conti", "Total", "Read me first"]

    /// The budget sheet (second in the workbook): a merged title, an empty row, the header in
    /// row 3, September and October (serials 46266 and 46296, one per date style), October's
    /// budget a formula with its cached value, an owner column, a total row.
    static func budget(
        october: String = "<c r=\"B5\"><f>B4+600</f><v>10000</v></c>",
        merges: String = "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>", date1904: Bool = false
    ) throws -> [UInt8] {
        let september = date1904 ? 44804 : 46266
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c></row>\
            <row r="4"><c r="A4" s="1"><v>\(september)</v></c><c r="B4"><v>9400</v></c><c r="C4" t="s"><v>4</v></c></row>\
            <row r="5"><c r="A5" s="2"><v>\(september + 30)</v></c>\(october)<c r="C5" t="inlineStr"><is><t>Marco Ferri</t></is></c></row>\
            <row r="6"><c r="A6" t="s"><v>5</v></c><c r="B6"><f>SUM(B4:B5)</f><v>19400</v></c></row>
            """
        return try xlsx(
            sheets: [("Notes", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>6</v></c></row>", ""), ("Budget", rows, merges)], strings: strings,
            date1904: date1904)
    }

    static func source(sheet: String? = "Budget", headerRow: Int? = 3) -> SourceConfig {
        var source = SourceConfig(file: "budget.xlsx")
        source.format = "xlsx"
        source.sheet = sheet
        source.headerRow = headerRow
        source.columns = ["Month": "month", "Marketing budget": "marketing_budget"]
        return source
    }

    func csv(_ converted: ExportAdapter.Converted) -> String { String(decoding: converted.csv, as: UTF8.self) }

    @Test func theSheetsTableAsBoardpackCSV() throws {
        // Dates by their format (built-in 17 and a custom `mmmm yyyy`), the formula's cached
        // 10,000, the owner column not read, the total row dropped.
        let c = Workbook.converted(try Self.budget(), path: "data/budget.xlsx", source: Self.source())
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(csv(c) == "month,marketing_budget\n2026-09,9400\n2026-10,10000\n")
        #expect(c.origins[2][1].description == "data/budget.xlsx:Budget!B5")
        #expect(!csv(c).contains("Giulia"))
    }

    @Test func the1904DateSystem() throws {
        let c = Workbook.converted(try Self.budget(date1904: true), path: "data/budget.xlsx", source: Self.source())
        #expect(csv(c) == "month,marketing_budget\n2026-09,9400\n2026-10,10000\n")
    }

    @Test func excelsDateSerials() throws {
        func day(_ serial: Double, _ is1904: Bool = false) throws -> Workbook.Value {
            try Workbook.date(serial: serial, is1904: is1904, cell: "S!A1")
        }
        #expect(try day(1) == .date(year: 1900, month: 1, day: 1))
        #expect(try day(59) == .date(year: 1900, month: 2, day: 28))
        #expect(try day(61) == .date(year: 1900, month: 3, day: 1))
        #expect(try day(46266.75) == .date(year: 2026, month: 9, day: 1))  // 18:00 that day, no time zone
        #expect(try day(0, true) == .date(year: 1904, month: 1, day: 1))
        #expect(throws: Workbook.Failure.self) { try day(60) }
        #expect(Workbook.isDateFormat(id: 14, code: nil))
        #expect(!Workbook.isDateFormat(id: 0, code: nil))
        #expect(!Workbook.isDateFormat(id: 20, code: nil))  // h:mm, a time of day
        #expect(Workbook.isDateFormat(id: 164, code: "[$-409]mmm\\-yy"))
        #expect(!Workbook.isDateFormat(id: 164, code: "#,##0 \"days\""))
        #expect(!Workbook.isDateFormat(id: 164, code: "0.0%"))
        #expect(!Workbook.isDateFormat(id: 164, code: "[h]:mm:ss"))
    }

    @Test func theFirstSheetAndTheFirstRowByDefault() throws {
        // Without `sheet:` the first sheet (Notes), whose first row is its header: one column
        // and no rows, which the CSV checks then refuse.
        var source = Self.source(sheet: nil, headerRow: nil)
        source.columns = nil
        let c = Workbook.converted(try Self.budget(), path: "data/budget.xlsx", source: source)
        #expect(csv(c) == "Read me first\n")
    }

    @Test func refusals() throws {
        func error(_ bytes: [UInt8], path: String = "data/budget.xlsx", source: SourceConfig = WorkbookTests.source()) -> Diagnostic? {
            Workbook.converted(bytes, path: path, source: source).diagnostics.first { $0.severity == .error }
        }
        let noValue = error(try Self.budget(october: "<c r=\"B5\"><f>B4+600</f></c>"))
        #expect(noValue?.description == "data/budget.xlsx:Budget!B5: error: the cell's formula has no saved value")
        #expect(noValue?.hint == "open and save the file in Excel, which stores each formula's value")
        let merged = error(try Self.budget(merges: "<mergeCells count=\"1\"><mergeCell ref=\"B4:B5\"/></mergeCells>"))
        #expect(merged?.description == "data/budget.xlsx:Budget!B4: error: cells B4:B5 are merged inside the table")
        let failing = error(try Self.budget(october: "<c r=\"B5\" t=\"e\"><f>B4/0</f><v>#DIV/0!</v></c>"))
        #expect(failing?.description == "data/budget.xlsx:Budget!B5: error: the cell holds Excel's error #DIV/0!")
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        #expect(
            error(compound, path: "data/budget.xls")?.description
                == "data/budget.xls: error: an .xls file is Excel's old format, which boardpack does not read")
        #expect(error(compound)?.description == "data/budget.xlsx: error: the file is an Excel 97–2003 workbook (.xls) named .xlsx")
        // An encrypted workbook keeps its package in a stream named in UTF-16.
        let encrypted = compound + "EncryptedPackage".utf16.flatMap { [UInt8($0), 0] }
        #expect(error(encrypted)?.description == "data/budget.xlsx: error: the workbook is password-protected (encrypted)")
        #expect(error(Array("month,x\n".utf8))?.message == "not an .xlsx workbook (not a zip archive)")
        let noSheet = error(try Self.budget(), source: Self.source(sheet: "Budget 2027"))
        #expect(noSheet?.message == "the workbook has no sheet `Budget 2027`")
        #expect(noSheet?.hint == "its sheets: `Notes`, `Budget`; set `sheet:` for this file in unit.yml")
        let emptyHeader = error(try Self.budget(), source: Self.source(headerRow: 2))
        #expect(emptyHeader?.message == "row 2 of sheet `Budget` is empty: it is not a header")
        var unknown = Self.source()
        unknown.columns = ["Mese": "month"]
        #expect(
            error(try Self.budget(), source: unknown)?.description
                == "data/budget.xlsx:Budget!A3: error: `Mese` is not in the header row 3 of sheet `Budget`")
    }

    /// A unit whose budget comes from the workbook, and the same unit with the budget as CSV.
    func unit(_ data: [String: [UInt8]], sources: String) -> (Workspace?, [Diagnostic]) {
        var all: [String: [UInt8]] = [
            "content/units/u/unit.yml": Array("name: U\nsector: tech\ncurrency: EUR\nconfidentiality: B\n\(sources)".utf8),
            "content/units/u/data/channels.csv": Array(
                "month,channel,spend,new_customers\n2026-09,web,9000,30\n2026-10,web,9500,31\n".utf8),
            "content/units/u/data/overhead.csv": Array("month,overhead\n2026-09,600\n2026-10,500\n".utf8),
        ]
        for (name, bytes) in data { all["content/units/u/data/\(name)"] = bytes }
        return BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: all))
    }

    static let sources = """
        sources:
          - file: budget.xlsx
            format: xlsx
            sheet: Budget
            header_row: 3
            columns: {Month: month, Marketing budget: marketing_budget}

        """

    @Test func aUnitReadsTheWorkbookAsItWouldTheSameCSV() throws {
        func utilisation(_ workspace: Workspace?) throws -> [Double?] {
            let ws = try #require(workspace)
            let prepare = Preparation()
            let (compiled, playbooks) = try prepare.validate(ws)
            let model = try #require(try prepare.compute(ws, compiled, playbooks).models.first)
            return [9, 10].map { model.metrics.pack(.month(Month(year: 2026, month: $0)))[kpi: "budget_utilisation"]?.value }
        }
        let (fromWorkbook, problems) = unit(["budget.xlsx": try Self.budget()], sources: Self.sources)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        let (fromCSV, _) = unit(["budget.csv": Array("month,marketing_budget\n2026-09,9400\n2026-10,10000\n".utf8)], sources: "")
        let a = try utilisation(fromWorkbook)
        #expect(a == (try utilisation(fromCSV)))
        // (9,000 + 600) / 9,400 and (9,500 + 500) / 10,000.
        #expect(a == [9600.0 / 9400.0, 1.0])
        // The provenance is the workbook's own bytes; its rows are cited as sheet rows.
        let file = try #require(fromWorkbook?.units.first?.dataFiles.first { $0.path.hasSuffix(".xlsx") })
        #expect(file.sha256 == DataFileReader.sha256Hex(try Self.budget()))
        #expect(file.place(ofRow: 1) == "content/units/u/data/budget.xlsx:Budget!5:5")
        #expect(file.location(ofMeasure: 0).description == "content/units/u/data/budget.xlsx:Budget!B3")
    }

    @Test func aCSVCheckFailingInTheWorkbookNamesTheCell() throws {
        // `10.000 €` typed as text in October's budget: the number grammar's error, at B5.
        let bytes = try Self.xlsx(
            sheets: [
                (
                    "Budget",
                    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>",
                    ""
                )
            ], strings: ["month", "marketing_budget", "2026-10", "10.000 €"])
        let (_, problems) = unit(["budget.xlsx": bytes], sources: "sources:\n  - file: budget.xlsx\n    format: xlsx\n")
        let error = try #require(problems.first { $0.severity == .error })
        #expect(error.location?.description == "content/units/u/data/budget.xlsx:Budget!B2", "\(problems)")
        // Not named in `sources:`, a workbook is not read, and says so; Excel's lock file is
        // not even looked at.
        let (_, unnamed) = unit(["budget.xlsx": bytes, "~$budget.xlsx": [0, 1, 2]], sources: "")
        #expect(
            unnamed.map(\.description) == [
                "content/units/u/data/budget.xlsx: warning: budget.xlsx is not read: a workbook is read when unit.yml's `sources:` names it"
            ])
    }

    @Test func cellsOutsideTheTableDoNotStopIt() throws {
        // A date-formatted 0 in an unread column (a serial before 1900) and a line break typed
        // in a text cell: the first is not read, the second is a space.
        let bytes = try Self.xlsx(
            sheets: [
                (
                    "Budget",
                    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>46266</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Paid\nsocial</t></is></c><c r=\"C2\" s=\"1\"><v>-5</v></c></row>",
                    ""
                )
            ], strings: ["Month", "Channel", "Note"])
        var source = Self.source(headerRow: 1)
        source.columns = ["Month": "month", "Channel": "channel"]
        let c = Workbook.converted(bytes, path: "data/b.xlsx", source: source)
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(csv(c) == "month,channel\n2026-09,Paid social\n")
        // Read, the bad date is an error at its cell, sheet named.
        source.columns = ["Note": "date"]
        #expect(
            Workbook.converted(bytes, path: "data/b.xlsx", source: source).diagnostics.first?.description
                == "data/b.xlsx:Budget!C2: error: the date serial -5.0 is outside Excel's dates")
    }

    @Test func aRowOfEmptyTextIsNoHeader() throws {
        // Row 1 holds formulas that give "" (a title cell left blank by a formula): the header
        // is row 2.
        let bytes = try Self.xlsx(
            sheets: [
                (
                    "Budget",
                    "<row r=\"1\"><c r=\"A1\" t=\"str\"><f>IF(1=0,\"x\",\"\")</f><v></v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"><v>5</v></c></row>",
                    ""
                )
            ], strings: ["month", "marketing_budget", "2026-10"])
        let c = Workbook.converted(bytes, path: "data/b.xlsx", source: nil)
        #expect(csv(c) == "month,marketing_budget\n2026-10,5\n", "\(c.diagnostics)")
    }
}
