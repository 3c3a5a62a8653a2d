import Foundation
import Synchronization
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The one-pass HTML rewrite of notes against its definition: each pattern replaced in turn
/// over the whole text (``referenceApply(_:idPrefix:)``).
@Suite struct HTMLCleanupTests {
    /// The rewrites' definition: each pattern replaced in turn over the whole text.
    func referenceApply(_ html: String, idPrefix: String) -> String {
        var out = html
        for side in ["left", "center", "right"] {
            out = out.replacingBytes(" align=\"\(side)\"", with: " class=\"align-\(side)\"")
        }
        if out.containsBytes("id=\"fn") {
            out = out.replacingBytes("id=\"fn", with: "id=\"\(idPrefix)-fn")
            out = out.replacingBytes("href=\"#fn", with: "href=\"#\(idPrefix)-fn")
        }
        return out
    }

    func onePass(_ html: String, idPrefix: String) -> String {
        var text = html
        return text.withUTF8 { HTMLCleanup.apply($0, idPrefix: idPrefix) }
    }

    @Test func rewritesAlignmentAndFootnoteIds() {
        let html =
            ##"<th align="left">a</th><td align="right">1</td><td align="center">2</td>"##
            + ##"<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>"##
            + ##"<li id="fn-1"><p>x <a href="#fnref-1" class="footnote-backref">↩</a></p></li>"##
        let expected =
            ##"<th class="align-left">a</th><td class="align-right">1</td><td class="align-center">2</td>"##
            + ##"<sup class="footnote-ref"><a href="#note-3-fn-1" id="note-3-fnref-1" data-footnote-ref>1</a></sup>"##
            + ##"<li id="note-3-fn-1"><p>x <a href="#note-3-fnref-1" class="footnote-backref">↩</a></p></li>"##
        #expect(onePass(html, idPrefix: "note-3") == expected)
        #expect(referenceApply(html, idPrefix: "note-3") == expected)
    }

    @Test func footnoteLinksStayWithoutFootnotes() {
        // No `id="fn`: links that look like footnote links are not the note's footnotes.
        let html = ##"<a href="#fn-1">x</a> <p align="justify">y</p> <p align="left"></p>"##
        #expect(onePass(html, idPrefix: "n") == ##"<a href="#fn-1">x</a> <p align="justify">y</p> <p class="align-left"></p>"##)
        #expect(onePass("", idPrefix: "n") == "")
        #expect(onePass("plain = text", idPrefix: "n") == "plain = text")
    }

    @Test func onePassEqualsPatternByPatternOnGeneratedText() {
        let pieces = [
            ##" align="left""##, ##" align="center""##, ##" align="right""##, ##"align="left""##, ##" align="justify""##, ##" align=""##,
            ##"id="fn-1""##, ##"id="fnref-2""##, ##"href="#fn-1""##, ##"href="#fnref-1""##, ##"backref-id="fn"##, ##"xhref="#fn"##,
            ##"="fn"##, ##"=""##, "=", "\"", " ", "id", "href", " align", "fn", "#", "<td", ">", "é", "€", "x", "\n",
        ]
        var rng = SplitMix(state: 7)
        for round in 0..<4000 {
            let count = Int.random(in: 0...14, using: &rng)
            let html = (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let prefix = round % 3 == 0 ? "note-\(round)" : "u-é"
            #expect(onePass(html, idPrefix: prefix) == referenceApply(html, idPrefix: prefix), "\(html)")
        }
    }

    @Test func markdownTablesAndFootnotesFromCmark() {
        let text = """
            | a | b | c |
            |:--|:-:|--:|
            | 1 | 2 | 3 |

            A claim[^1] and another[^two].

            [^1]: The source.
            [^two]: Another source.
            """
        let html = Markdown.render(text, path: "n.md", firstLine: 1, idPrefix: "note-1").html
        #expect(html.contains(##"<th class="align-left">a</th>"##))
        #expect(html.contains(##"<th class="align-center">b</th>"##))
        #expect(html.contains(##"<td class="align-right">3</td>"##))
        #expect(html.contains(##"id="note-1-fn-1""##) && html.contains(##"href="#note-1-fn-1""##))
        #expect(!html.contains(##"id="fn"##) && !html.contains(##"href="#fn"##) && !html.contains("align=\""))
    }

    /// Task text on one line, trimmed: the ASCII path against the Unicode definition.
    @Test func taskTextOnOneLine() {
        func reference(_ text: String) -> String {
            text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let pieces = [
            "a", "Approve", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "b c", "\n\n", "é", "\u{00A0}", "\u{2028}", "\u{85}",
        ]
        var rng = SplitMix(state: 11)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(NoteWalker.oneLine(Array(text.utf8)) == reference(text), "\(text.debugDescription)")
        }
        #expect(NoteWalker.oneLine(Array(" Approve the\nrollback \r\n".utf8)) == "Approve the rollback")
    }

    /// Notes render on both cores; only parsing holds cmark-gfm's lock. Strikethrough and
    /// table cells (whose inlines cmark-gfm parses while it reads the table) come out right
    /// in every note however the renderings interleave.
    @Test func notesRenderedConcurrentlyKeepTheirExtensions() {
        let text = """
            Spend ~~cut~~ held, see www.example.com.

            | Channel | ~~Old~~ |
            |:--|--:|
            | search | ~~12~~ 14 |

            - [ ] Approve ~~plan B~~
            """
        let expected = Markdown.render(text, path: "n.md", firstLine: 1, idPrefix: "n").html
        #expect(expected.contains("<del>cut</del>") && expected.contains("<del>12</del>") && expected.contains(#"<th class="align-left">"#))
        let results = Mutex([String](repeating: "", count: 400))
        DispatchQueue.concurrentPerform(iterations: 400) { i in
            let html = Markdown.render(text, path: "n.md", firstLine: 1, idPrefix: "n").html
            results.withLock { $0[i] = html }
        }
        #expect(results.withLock { $0.allSatisfy { $0 == expected } })
    }
}
