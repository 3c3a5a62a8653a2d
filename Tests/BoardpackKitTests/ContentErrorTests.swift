import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Every kind of bad content is reported, all at once, at its exact position.
@Suite struct ContentErrorTests {
    static let badCSV = """
        month,channel,spend,leads,new_customer
        2026-09,search,1200,110,12
        2026-10,search,1300
        2026-10,social,12O0,90,6

        """

    static let badFrontMatter = """
        ---
        title: [unclosed
        period: 2026-10
        section: summary
        ---
        Body
        """

    static let unknownSection = """
        ---
        title: Fine title
        period: 2026-10
        section: sumary
        audience: board
        ---
        Body
        """

    @Test func fiveProblemsFiveDiagnosticsAndTheOutputIsUntouched() throws {
        var files = TestWorkspace.files(notes: ["a-bad-yaml.md": Self.badFrontMatter, "b-section.md": Self.unknownSection])
        files["content/units/acme/data/extra.csv"] = Self.badCSV
        let root = try TestWorkspace.onDisk(TestWorkspace.files())
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = BuildOptions(contentPath: root + "/content", templatesPath: root + "/templates", outputPath: root + "/output")
        _ = try BoardpackCommands.build(options)
        let page = try String(contentsOfFile: root + "/output/acme/2026-10/index.html", encoding: .utf8)
        _ = try TestWorkspace.onDisk(files, in: root)

        let error = try #require(throws: DiagnosticsError.self) { try BoardpackCommands.build(options) }
        let csv = root + "/content/units/acme/data/extra.csv"
        let notes = root + "/content/units/acme/notes/"
        let found = error.diagnostics.filter { $0.severity == .error }.map { "\($0.location!):\($0.message)" }
        let expected = [
            "\(csv):1:27:unknown column `new_customer`",
            "\(csv):3:20:",  // ragged: too few fields, reported just past the end of the row
            "\(csv):4:16:`12O0` is not a number",  // "2026-10," 8 + "social," 7 → the cell starts at column 16
            // `[unclosed` runs on to line 3, where the `:` after "period" (column 7) cannot be in a sequence.
            "\(notes)a-bad-yaml.md:3:7:invalid YAML",
            "\(notes)b-section.md:4:10:unknown section `sumary` (expected one of summary, decisions, strategy, risks, appendix)",
        ]
        #expect(found.count == expected.count, "\(found)")
        for (line, prefix) in zip(found, expected) {
            #expect(line.hasPrefix(prefix), "\(line) should start with \(prefix)")
        }
        #expect(try String(contentsOfFile: root + "/output/acme/2026-10/index.html", encoding: .utf8) == page)
    }
}

@Suite struct NoteWarningTests {
    @Test func aNoteAfterTheLastMonthOfDataIsAWarningAtItsPeriod() {
        let files = TestWorkspace.files(notes: ["typo.md": TestWorkspace.note("Typo", period: "2062-10", body: "Text")])
        let found = BoardpackCommands.check(contentPath: "content", templatesPath: "templates", fileSystem: InMemoryFileSystem(files))
        // The front matter's `period:` is on line 3; its value starts at column 9.
        #expect(
            found.map(\.description) == [
                "content/units/acme/notes/typo.md:3:9: warning: note is for 2062-10, after the unit's last month of data (2026-10): it appears in no pack"
            ])
    }
}

@Suite struct UnitConfigCheckTests {
    @Test func unknownKPIsAndLocaleInUnitYAMLAreErrorsAtTheirPlace() {
        let yaml = """
            name: Acme
            sector: retail
            currency: EUR
            confidentiality: Board confidential
            locale: fr-FR
            headline: [cac, clv_to_cak]
            targets:
              cac: 40
              romy: 0.3

            """
        let files = TestWorkspace.files(extra: ["content/units/acme/unit.yml": yaml])
        let found = BoardpackCommands.check(contentPath: "content", templatesPath: "templates", fileSystem: InMemoryFileSystem(files))
        #expect(
            found.map(\.description) == [
                "content/units/acme/unit.yml:5:9: error: unsupported locale `fr-FR` (expected en-GB, en-US or it-IT)",
                "content/units/acme/unit.yml:6:11: error: unknown KPI `clv_to_cak` in `headline`",
                "content/units/acme/unit.yml:9:9: error: unknown KPI `romy` in `targets`",
            ])
        #expect(found.map(\.hint) == [nil, "did you mean `clv_to_cac`?", "did you mean `romi`?"])
    }
}

@Suite struct AllProblemsTests {
    @Test func everyProblemOfAYAMLFileIsReportedAtOnce() {
        let unit = """
            name: Acme
            sector: retale
            currency: EURO
            tolerance: -1
            confidentiality: Board confidential

            """
        let note = "---\ntitle: T\nperiod: 2026-10\nsection: summary\naudience: everyone\ndraft: maybe\norder: x\n---\nBody\n"
        var files = TestWorkspace.files(notes: ["n.md": note], extra: ["content/units/acme/unit.yml": unit])
        files["content/boardpack.yml"] = "archive_months: 0\ngenerated_on: 2026-02-30\n"
        let found = BoardpackCommands.check(contentPath: "content", templatesPath: "templates", fileSystem: InMemoryFileSystem(files))
        let places = found.map { "\($0.location!.file.split(separator: "/").last!):\($0.location!.line):\($0.location!.column)" }
        // Two in boardpack.yml, three in unit.yml; the note of a unit whose unit.yml failed is not read.
        #expect(places == ["boardpack.yml:1:17", "boardpack.yml:2:15", "unit.yml:2:9", "unit.yml:3:11", "unit.yml:4:12"], "\(found)")
    }

    @Test func everyProblemOfANotesFrontMatter() {
        let note = "---\ntitle: T\nperiod: 2026-10\nsection: summary\naudience: everyone\ndraft: maybe\norder: x\n---\nBody\n"
        let found = BoardpackCommands.check(
            contentPath: "content", templatesPath: "templates", fileSystem: InMemoryFileSystem(TestWorkspace.files(notes: ["n.md": note])))
        #expect(found.map { "\($0.location!.line):\($0.location!.column)" } == ["5:11", "6:8", "7:8"], "\(found)")
    }
}
