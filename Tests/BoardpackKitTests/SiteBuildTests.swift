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

@Suite struct SiteBuildTests {
    static let notes = [
        "01-staff.md": TestWorkspace.note("Staff update", audience: "staff", body: "STAFF-TEXT visible to all."),
        "02-mgmt.md": TestWorkspace.note("Management view", section: "strategy", audience: "management", body: "MGMT-TEXT for managers."),
        "03-board.md": TestWorkspace.note(
            "Board paper", section: "decisions", audience: "board", body: "BOARD-TEXT\n\n- [ ] BOARD-TASK approve"),
        "04-draft.md": TestWorkspace.note("Draft idea", section: "risks", audience: "staff", draft: true, body: "DRAFT-TEXT not ready"),
    ]

    func allText(_ site: Site) -> String { site.sortedPaths.compactMap(site.text).joined(separator: "\n") }

    @Test func staffBuildContainsOnlyStaffNotes() throws {
        let site = try TestWorkspace.build(TestWorkspace.files(notes: Self.notes), options: BuildOptions(audience: .staff))
        let text = allText(site)
        #expect(text.contains("STAFF-TEXT"))
        for secret in ["MGMT-TEXT", "Management view", "BOARD-TEXT", "BOARD-TASK", "Board paper", "DRAFT-TEXT", "Draft idea"] {
            #expect(!text.contains(secret), "\(secret) leaked into a staff build")
        }
    }

    @Test func managementBuildAddsManagementNotes() throws {
        let site = try TestWorkspace.build(TestWorkspace.files(notes: Self.notes), options: BuildOptions(audience: .management))
        let text = allText(site)
        #expect(text.contains("MGMT-TEXT") && text.contains("STAFF-TEXT"))
        #expect(!text.contains("BOARD-TEXT") && !text.contains("BOARD-TASK"))
    }

    @Test func draftsOnlyWithDraftsFlagAndThenMarked() throws {
        let plain = try TestWorkspace.build(TestWorkspace.files(notes: Self.notes))
        #expect(!allText(plain).contains("DRAFT-TEXT"))
        #expect(!allText(plain).contains("class=\"draft-band\""))
        let drafts = try TestWorkspace.build(TestWorkspace.files(notes: Self.notes), options: BuildOptions(includeDrafts: true))
        let page = try #require(drafts.text("acme/2026-10/index.html"))
        #expect(page.contains("DRAFT-TEXT"))
        #expect(page.contains("class=\"draft-band\""))
    }

    @Test func boardTasksAreCollected() throws {
        let site = try TestWorkspace.build(TestWorkspace.files(notes: Self.notes))
        let page = try #require(site.text("acme/2026-10/index.html"))
        #expect(page.contains(">BOARD-TASK approve</th>"))
    }

    @Test func rawHTMLAndJavascriptLinksNeverReachTheOutput() throws {
        let body = """
            Hello <script>alert('x')</script><img src=x onerror="alert(1)">

            <iframe src="https://example.com"></iframe>

            [link](javascript:alert(1)) and [other](JAVASCRIPT:alert(2))
            """
        let site = try TestWorkspace.build(TestWorkspace.files(notes: ["x.md": TestWorkspace.note("Evil <b>title</b>", body: body)]))
        let text = allText(site).lowercased()
        #expect(!text.contains("<script"))
        #expect(!text.contains("onerror"))
        #expect(!text.contains("<iframe"))
        #expect(!text.contains("javascript:"))
        #expect(!text.contains("<b>title</b>"))
        #expect(text.contains("evil &lt;b&gt;title&lt;/b&gt;"))
    }

    @Test func siteHasPortalArchiveAndPacksWithRelativeLinks() throws {
        let site = try TestWorkspace.build(TestWorkspace.files())
        #expect(site.files["index.html"] != nil)
        #expect(site.files["acme/index.html"] != nil)
        #expect(site.files["acme/2026-10/index.html"] != nil)
        #expect(site.files["acme/2026-Q3/index.html"] == nil, "2026-Q3 lacks July: no quarterly pack")
        let text = allText(site)
        #expect(!text.contains("href=\"/"))
        #expect(!text.contains("file://"))
    }

    @Test func cspHashMatchesTheStyleElement() throws {
        let site = try TestWorkspace.build(TestWorkspace.files())
        for path in site.sortedPaths where path.hasSuffix(".html") {
            let page = try #require(site.text(path))
            let style = try #require(page.range(of: "<style>")).upperBound
            let end = try #require(page.range(of: "</style>", range: style..<page.endIndex)).lowerBound
            let hash = SHA256Hex.base64(Array(page[style..<end].utf8))
            #expect(page.contains("style-src 'sha256-\(hash)'"), "\(path)")
            #expect(page.components(separatedBy: "<style").count == 2, "\(path) must have exactly one <style>")
            #expect(!page.contains(" style="))
        }
    }
}
