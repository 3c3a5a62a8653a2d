import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Notes are read once, when loaded; a note's footnote ids get the prefix of its place on the
/// page it is shown on, so two notes' footnotes never share an id.
@Suite struct NoteFootnoteTests {
    @Test func footnoteIdsCarryTheNotesPlaceOnThePage() throws {
        let files = TestWorkspace.files(notes: [
            "a.md": TestWorkspace.note("First", body: "One.[^1]\n\n[^1]: First note's source.\n"),
            "b.md": TestWorkspace.note("Second", body: "Two.[^1]\n\n[^1]: Second note's source.\n"),
        ])
        let page = try #require(try TestWorkspace.build(files).text("acme/2026-10/index.html"))
        #expect(page.contains(#"<li id="note-0-fn-1">"#))
        #expect(page.contains(#"<li id="note-1-fn-1">"#))
        #expect(page.contains(##"href="#note-1-fn-1""##))
        #expect(!page.contains("\u{E000}"), "a placeholder reached the page")
    }
}
