import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// SPEC §4: a pack uses only data up to the end of its period, so next month's data changes
/// no earlier pack: only the new pack, the index pages and the pack leaving the window.
@Suite struct ArchiveStabilityTests {
    @Test func addingAMonthChangesNoEarlierPack() throws {
        var files = TestWorkspace.files(extra: ["content/boardpack.yml": "title: Test packs\narchive_months: 2\n"])
        let before = try TestWorkspace.build(files)
        files["content/units/acme/data/channels.csv"]! += "2026-11,search,1400,130,14\n2026-11,social,800,95,7\n"
        let after = try TestWorkspace.build(files)

        // Window of two months: 2026-09 and 2026-10 before; 2026-10 and 2026-11 after.
        #expect(before.files["acme/2026-09/index.html"] != nil)
        #expect(after.files["acme/2026-09/index.html"] == nil, "2026-09 left the window")
        #expect(after.files["acme/2026-11/index.html"] != nil)
        for path in ["acme/2026-10/index.html", "acme/2026-10/metrics.json"] {
            #expect(before.files[path] == after.files[path], "\(path) changed when November arrived")
        }
        let changed = Set(before.files.keys).union(after.files.keys).filter { before.files[$0] != after.files[$0] }.sorted()
        #expect(
            changed == [
                "acme/2026-09/index.html", "acme/2026-09/metrics.json", "acme/2026-11/index.html", "acme/2026-11/metrics.json",
                "acme/index.html", "index.html",
            ])
    }
}
