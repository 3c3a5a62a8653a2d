import Testing

@testable import BoardpackKit

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
}
