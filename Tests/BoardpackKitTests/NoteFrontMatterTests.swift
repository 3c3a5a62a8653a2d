import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Splitting a note into front matter and body, and where its `period` value is.
@Suite struct NoteFrontMatterTests {
    static let header = "title: Q3 review\nperiod: \"2026-10\"\nsection: summary\n"

    @Test func bodyAndPositions() throws {
        let note = try Note.parse(text: "---\n\(Self.header)---\nFirst line\n\nSecond\n", path: "notes/a.md").get()
        #expect(note.title == "Q3 review")
        #expect(note.body == "First line\n\nSecond\n")
        // Lines: 1 `---`, 2 title, 3 period, 4 section, 5 `---`: the body starts on line 6.
        #expect(note.bodyLine == 6)
        // `period: "2026-10"`: the value's first character after the quote is column 10.
        #expect(note.periodLocation == SourceLocation(file: "notes/a.md", line: 3, column: 10))
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let text = "\u{FEFF}---\r\n" + Self.header.replacingOccurrences(of: "\n", with: "\r\n") + "...\r\nOne\r\nTwo"
        let note = try Note.parse(text: text, path: "a.md").get()
        #expect(note.body == "One\nTwo")
        #expect(note.bodyLine == 6)
    }

    @Test func unclosedAndMissingFrontMatter() {
        guard case .failure(let open) = Note.parse(text: "---\ntitle: x\n", path: "a.md"),
            case .failure(let none) = Note.parse(text: "# Title\n", path: "a.md")
        else { Issue.record("both should fail"); return }
        #expect(open.diagnostics[0].message.contains("not closed"))
        #expect(none.diagnostics[0].message.contains("must start with YAML front matter"))
    }

    @Test func decodingErrorsKeepTheirPosition() {
        guard case .failure(let d) = Note.parse(text: "---\ntitle: x\nperiod: 2026-13\nsection: summary\n---\n", path: "a.md") else {
            Issue.record("a bad period should fail"); return
        }
        // Line 3 of the file (`period:` is the front matter's line 2, after the opening `---`).
        #expect(d.diagnostics.map { $0.location?.line } == [3])
    }

    /// Front matter composed with the basic resolver where `YAMLFile.compose` allows it decodes
    /// to what Yams' default resolver gives, with the same `period` position; what either
    /// refuses, both refuse.
    @Test func frontMatterDecodesAsUnderTheDefaultResolver() throws {
        let base = "title: \"Weekly review 37\"\nperiod: 2025-11\nsection: appendix\n"
        let variants = [
            base + "audience: board\ndraft: false\nauthor: Anna Moretti\norder: 370",
            base, base + "draft: yes", base + "draft: ON", base + "draft: \"false\"", base + "draft: maybe",
            base + "draft: !!bool true", base + "draft: ~", base + "order: 010", base + "order: 1_000", base + "order: -5",
            base + "order: -0", base + "order: +5", base + "order: 0x10", base + "order: 0", base + "order: \"5\"",
            base + "order: 1:30", base + "order: 99999999999999999999", base + "order: null", base + "author: ~",
            base + "author: null", base + "author:", base + "author: \"null\"", base + "author: Zoë", base + "author: 'O''Brien'",
            base + "audience: null", base + "audience: staff", base + "audience: everyone", base + "Draft: true",
            base + "tags: [a, b]", base + "\"draft\": true", base + "title: again", base + "<<: {draft: true}",
            base + "!!str draft: true", base + "? draft\n: true", "title: x\nperiod: \"2025-Q3\"\nsection: risks",
            "title: x\nperiod: 2025-13\nsection: risks", "title: x\nsection: risks", "title:\nperiod: 2025-11\nsection: risks",
            "title: [x]\nperiod: 2025-11\nsection: risks", "period: 2025-11\nsection: risks\ntitle: &t x\nauthor: *t",
            "- title: x", "", "title: x\n  period: 2025-11",
        ]
        var basicCount = 0
        for yaml in variants {
            let general = YAMLFile.decodeNode(NoteFrontMatter.self, from: yaml, path: "n.md", lineOffset: 1, basicResolver: false)
            if (try? YAMLFile.compose(yaml))?.usedBasic == true { basicCount += 1 }
            switch (Note.decodeFrontMatter(yaml, path: "n.md"), general) {
            case let (.success((fm, location)), .success(expected)):
                #expect(fm.title == expected.title && fm.period == expected.period && fm.section == expected.section, "\(yaml)")
                #expect(fm.audience == expected.audience && fm.draft == expected.draft, "\(yaml)")
                #expect(fm.author == expected.author && fm.order == expected.order, "\(yaml)")
                #expect(location == YAMLFile.location(of: ["period"], in: yaml, path: "n.md", lineOffset: 1), "\(yaml)")
            case let (.failure(a), .failure(b)):
                #expect(a.diagnostics.map(\.location) == b.diagnostics.map(\.location), "\(yaml)")
            default:
                Issue.record("the two resolvers disagree on \(yaml)")
            }
        }
        // The usual front matter takes the basic resolver.
        #expect((try? YAMLFile.compose(variants[0]))?.usedBasic == true)
        #expect(basicCount > 30)
    }

    @Test func notesParseTheSameWhicheverPathDecodesThem() throws {
        for period in ["2026-10", "\"2026-10\"", "'2026-10'"] {
            let text = "---\ntitle: T\nperiod: \(period)\nsection: summary\ndraft: no\norder: 3\n---\nBody\n"
            let note = try Note.parse(text: text, path: "notes/a.md").get()
            #expect(note.draft == false && note.order == 3 && note.period == .month(Month(year: 2026, month: 10)))
            let column = period.hasPrefix("2") ? 9 : 10
            #expect(note.periodLocation == SourceLocation(file: "notes/a.md", line: 3, column: column))
        }
    }

    @Test func fileNameIsTheLastPathComponent() {
        for path in ["notes/a.md", "a.md", "units/x/notes/2026-01-b.md", "notes/", "/a.md", "", "///", "a//b.md//"] {
            #expect(Note.lastComponent(of: path) == String(path.split(separator: "/").last ?? Substring(path)), "\(path)")
        }
    }
}
