import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackKit
@testable import BoardpackSite
@testable import BoardpackSupport

/// The front sheet (SPEC §6 v2): what the board is asked, where the unit stands, the budget,
/// the risks; and packs that do not change with `generated_on`.
@Suite struct FrontSheetTests {
    static let decision = TestWorkspace.note(
        "Lead scoring v2", section: "decisions",
        body:
            "We ask for the model.\n\n- [ ] Approve the v2 model — owner: Board, due: 2026-11-15\n- [ ] Publish the 2027 plan — due: 2027-02-01\n"
    )
    .replacingOccurrences(
        of: "draft: false\n", with: "draft: false\npurpose: decision\nask: Approve lead scoring v2 for every store.\nowner: Test CMO\n")
    static let risk = TestWorkspace.note("Store network drifting", section: "risks", body: "Two stores below 80.")
        .replacingOccurrences(of: "draft: false\n", with: "draft: false\nowner: Operations\n")

    func page(_ files: [String: String]) throws -> String {
        let site = try TestWorkspace.build(files)
        return try #require(site.files["acme/2026-10/index.html"].map { String(decoding: $0, as: UTF8.self) })
    }

    func front(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<div class=\"front-sheet\">"))
        let end = try #require(html.range(of: "id=\"summary\"", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theFrontSheetComesFirstAndSaysWhatIsAsked() throws {
        var files = TestWorkspace.files(
            notes: ["d.md": Self.decision, "r.md": Self.risk],
            extra: ["content/units/acme/data/costs.csv": "month,overhead\n2026-08,100\n2026-09,100\n2026-10,100\n"])
        files["content/units/acme/unit.yml"]! += "\ntargets:\n  cac: 50\n"
        let html = try page(files)
        // First in the contents, right after the cover.
        let toc = try #require(html.range(of: "<ol>")).upperBound
        #expect(html[toc...].hasPrefix("<li><a href=\"#front\">Front sheet</a></li>"))
        let sheet = try front(html)
        #expect(sheet.contains("<strong>Lead scoring v2</strong> — Approve lead scoring v2 for every store."))
        #expect(sheet.contains("(Owner: Test CMO)"))
        // Due by the end of November (the next pack): the first action, not the second.
        #expect(sheet.contains("Approve the v2 model") && !sheet.contains("Publish the 2027 plan"))
        // CAC: (1,300 + 700 + 100) / (13 + 6) = 110.53 against a target of 50: red, with its miss.
        #expect(sheet.contains("data-kpi=\"cac\""))
        // The miss: (110.53 − 50) / 50 = 121.1% above target.
        #expect(sheet.contains("121.1% above target (€50.00)"))
        #expect(sheet.contains("Data to 31 October 2026"))
        #expect(sheet.contains("€110.53"))
        // No budget at all: one sentence, no table of n/a.
        #expect(sheet.contains("The unit reports no marketing budget"))
        #expect(sheet.contains("Store network drifting <span class=\"owner\">(Owner: Operations)</span>"))
    }

    @Test func aDecisionPaperSaysWhatItAsks() {
        let note = TestWorkspace.note("X", section: "decisions", body: "Text").replacingOccurrences(
            of: "draft: false\n", with: "draft: false\npurpose: decision\n")
        #expect(throws: DiagnosticsError.self) { try TestWorkspace.build(TestWorkspace.files(notes: ["x.md": note])) }
    }

    @Test func generatedOnRewritesNoPack() throws {
        let first = try TestWorkspace.build(TestWorkspace.files(notes: ["d.md": Self.decision]))
        var files = TestWorkspace.files(notes: ["d.md": Self.decision])
        files["content/boardpack.yml"] = "title: Test packs\ngenerated_on: 2026-12-24\n"
        let second = try TestWorkspace.build(files)
        let packs = first.files.keys.filter { $0.hasPrefix("acme/2026") }
        #expect(!packs.isEmpty)
        for path in packs { #expect(first.files[path] == second.files[path], "\(path)") }
        // The index pages do show it.
        #expect(first.files["index.html"] != second.files["index.html"])
    }

    @Test func checkboxesAndScrollingTablesHaveNames() throws {
        // SPEC §6 v2, accessibility: a task's checkbox says its state; a table that scrolls on a
        // phone does so in a named region a keyboard can reach.
        let html = try page(TestWorkspace.files(notes: ["d.md": Self.decision]))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Open\" />"))
        #expect(!html.contains("<input type=\"checkbox\" disabled=\"\" />"))
        let wraps = html.components(separatedBy: "<div class=\"table-wrap\"").dropFirst()
        #expect(!wraps.isEmpty)
        for wrap in wraps {
            #expect(
                wrap.hasPrefix(" role=\"region\" tabindex=\"0\" aria-label=\"")
                    && !wrap.hasPrefix(" role=\"region\" tabindex=\"0\" aria-label=\"\""))
        }
    }
}
