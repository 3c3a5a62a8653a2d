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

@Suite struct SiteWriterTests {
    func temp() -> String { FileManager.default.temporaryDirectory.appendingPathComponent("bpw-\(UUID().uuidString)").path }

    @Test func refusesAFolderWithoutManifest() throws {
        let root = temp()
        try FileManager.default.createDirectory(atPath: root + "/Documents", withIntermediateDirectories: true)
        try "precious".write(toFile: root + "/Documents/thesis.txt", atomically: false, encoding: .utf8)
        var site = Site()
        site.add("index.html", "new")
        #expect(throws: Diagnostic.self) { try SiteWriter(outputPath: root + "/Documents").write(site) }
        #expect((try? String(contentsOfFile: root + "/Documents/thesis.txt", encoding: .utf8)) == "precious")
    }

    @Test func replacesItsOwnOutputAndCleansLeftovers() throws {
        let root = temp()
        var site = Site()
        site.add("index.html", "one")
        site.add("a/b.html", "old")
        try SiteWriter(outputPath: root + "/out").write(site)
        // A killed build left a staging folder behind.
        try FileManager.default.createDirectory(atPath: root + "/.out.boardpack-staging-999", withIntermediateDirectories: true)
        var next = Site()
        next.add("index.html", "two")
        try SiteWriter(outputPath: root + "/out").write(next)
        #expect((try? String(contentsOfFile: root + "/out/index.html", encoding: .utf8)) == "two")
        #expect(!FileManager.default.fileExists(atPath: root + "/out/a/b.html"), "stale files go with the old site")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root)
        #expect(siblings == ["out"])
        let manifest = try String(contentsOfFile: root + "/out/.boardpack-manifest", encoding: .utf8)
        #expect(manifest.hasPrefix("boardpack site manifest 1\n"))
        #expect(manifest.contains("  index.html\n"))
    }

    @Test func writesNestedFoldersAndReplacesADeepSite() throws {
        let root = temp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var site = Site()
        for unit in ["u1", "u2", "u3"] {
            for period in ["2026-01", "2026-Q1"] {
                site.add("\(unit)/\(period)/index.html", "\(unit) \(period)")
                site.add("\(unit)/\(period)/deep/er/x.json", "{}")
            }
            site.add("\(unit)/index.html", unit)
        }
        site.add("index.html", "portal")
        try SiteWriter(outputPath: root + "/out").write(site)
        #expect(SiteWriter(outputPath: root + "/out").existingSite() == site)
        #expect((try? String(contentsOfFile: root + "/out/u2/2026-Q1/deep/er/x.json", encoding: .utf8)) == "{}")
        var next = Site()
        next.add("u9/2026-02/index.html", "new")
        next.add("index.html", "portal 2")
        try SiteWriter(outputPath: root + "/out").write(next)
        #expect(SiteWriter(outputPath: root + "/out").existingSite() == next)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted() == [".boardpack-manifest", "index.html", "u9"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"], "the old site is gone")
    }

    func inode(_ path: String) -> (ino: UInt, links: UInt, mode: UInt32, isLink: Bool, isFile: Bool)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        return (UInt(info.st_ino), UInt(info.st_nlink), UInt32(info.st_mode & 0o7777), kind == S_IFLNK, kind == S_IFREG)
    }

    @Test func unchangedFilesAreLinkedToThePublishedOnesAndChangedOnesWritten() throws {
        let root = temp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var site = Site()
        site.add("index.html", "one")
        site.add("u/2026-10/index.html", "same page")
        site.add("u/2026-10/metrics.json", "")
        try SiteWriter(outputPath: root + "/out").write(site)
        let page = try #require(inode(root + "/out/u/2026-10/index.html"))
        let empty = try #require(inode(root + "/out/u/2026-10/metrics.json"))
        let index = try #require(inode(root + "/out/index.html"))
        site.add("index.html", "two")
        try SiteWriter(outputPath: root + "/out").write(site)
        #expect(SiteWriter(outputPath: root + "/out").existingSite() == site)
        #expect(inode(root + "/out/u/2026-10/index.html")?.ino == page.ino, "an unchanged page keeps its file")
        #expect(inode(root + "/out/u/2026-10/metrics.json")?.ino == empty.ino, "so does an empty one")
        #expect(inode(root + "/out/index.html")?.ino != index.ino, "a changed page is written afresh")
        #expect(inode(root + "/out/u/2026-10/index.html")?.links == 1, "the replaced site's name is gone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test func aPublishedFileIsReusedOnlyWhenItIsOursAndHoldsTheNewBytes() throws {
        let root = temp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        var site = Site()
        for name in ["edited", "symlinked", "private", "shared", "kept", "fifo", "group"] { site.add("u/\(name).html", "page \(name)") }
        site.add("v/page.html", "page v")
        try SiteWriter(outputPath: out).write(site)
        let kept = try #require(inode(out + "/u/kept.html"))
        // Edited by hand: same length, other bytes; the manifest still lists the old hash.
        try "PAGE edited".write(toFile: out + "/u/edited.html", atomically: false, encoding: .utf8)
        // Replaced by a symbolic link to a file elsewhere holding the same bytes.
        try "page symlinked".write(toFile: root + "/elsewhere.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: out + "/u/symlinked.html")
        try FileManager.default.createSymbolicLink(atPath: out + "/u/symlinked.html", withDestinationPath: root + "/elsewhere.html")
        // Permissions changed, and a second name outside the site.
        #expect(chmod(out + "/u/private.html", 0o600) == 0)
        #expect(link(out + "/u/shared.html", root + "/shared-copy.html") == 0)
        let before = try #require(inode(out + "/u/private.html"))
        // A folder of the site replaced by a symbolic link to a copy of it elsewhere.
        try FileManager.default.moveItem(atPath: out + "/v", toPath: root + "/real-v")
        try FileManager.default.createSymbolicLink(atPath: out + "/v", withDestinationPath: root + "/real-v")
        // A FIFO where a page was (opening it for reading would wait for a writer forever).
        try FileManager.default.removeItem(atPath: out + "/u/fifo.html")
        #expect(mkfifo(out + "/u/fifo.html", 0o644) == 0)
        // Another group, where this user may set one (root may).
        let regrouped = chown(out + "/u/group.html", getuid(), getgid() == 0 ? 1 : 0) == 0

        try SiteWriter(outputPath: out).write(site)
        #expect(SiteWriter(outputPath: out).existingSite() == site, "every file holds the new bytes")
        #expect(inode(out + "/u/kept.html")?.ino == kept.ino)
        #expect(inode(out + "/u/symlinked.html")?.isLink == false)
        #expect(inode(out + "/u/symlinked.html")?.ino != inode(root + "/elsewhere.html")?.ino)
        #expect(inode(out + "/v")?.isLink == false)
        #expect(inode(out + "/v/page.html")?.ino != inode(root + "/real-v/page.html")?.ino, "nothing outside the site is linked in")
        #expect(inode(root + "/real-v/page.html")?.links == 1)
        #expect(inode(out + "/u/fifo.html")?.isFile == true)
        if regrouped {
            var info = stat()
            #expect(stat(out + "/u/group.html", &info) == 0 && info.st_gid == getgid(), "a file of another group is written afresh")
        }
        #expect(try String(contentsOfFile: root + "/elsewhere.html", encoding: .utf8) == "page symlinked")
        #expect(inode(out + "/u/private.html")?.ino != before.ino)
        #expect(inode(out + "/u/private.html")?.mode == inode(out + "/u/kept.html")?.mode)
        #expect(inode(out + "/u/shared.html")?.ino != inode(root + "/shared-copy.html")?.ino)
        #expect(try String(contentsOfFile: root + "/shared-copy.html", encoding: .utf8) == "page shared")
    }

    @Test func diskReadsWholeFiles() throws {
        let root = temp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let big = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for (name, bytes) in [("empty", [UInt8]()), ("small", Array("a,b\n".utf8)), ("big", big)] {
            FileManager.default.createFile(atPath: root + "/" + name, contents: Data(bytes))
            #expect(try DiskFileSystem().read(root + "/" + name) == bytes)
            #expect(DiskFileSystem().size(root + "/" + name) == bytes.count)
        }
        #expect(throws: ContentError.self) { try DiskFileSystem().read(root + "/missing") }
        #expect(throws: ContentError.self) { try DiskFileSystem().read(root) }
        #expect(DiskFileSystem().size(root + "/missing") == nil)
    }

    @Test func contentErrorsLeaveTheExistingOutputUntouched() throws {
        let files = TestWorkspace.files()
        let root = try TestWorkspace.onDisk(files)
        let options = BuildOptions(contentPath: root + "/content", templatesPath: root + "/templates", outputPath: root + "/output")
        _ = try BoardpackCommands.build(options)
        let before = try FileManager.default.contentsOfDirectory(atPath: root + "/output").sorted()
        let page = try String(contentsOfFile: root + "/output/acme/2026-10/index.html", encoding: .utf8)
        try "name: [unclosed\n".write(toFile: root + "/content/units/acme/unit.yml", atomically: false, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try BoardpackCommands.build(options) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/output").sorted() == before)
        #expect(try String(contentsOfFile: root + "/output/acme/2026-10/index.html", encoding: .utf8) == page)
    }
}

@Suite struct SubsetBuildTests {
    @Test func aSubsetBuildKeepsEveryOtherPackAndTheIndexesWhole() throws {
        let root = try TestWorkspace.onDisk(TestWorkspace.files())
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = BuildOptions(contentPath: root + "/content", templatesPath: root + "/templates", outputPath: root + "/output")
        _ = try BoardpackCommands.build(options)
        let full = SiteWriter(outputPath: root + "/output").existingSite()
        options.periods = [.month(Month(year: 2026, month: 10))]
        let report = try BoardpackCommands.build(options)
        #expect(report.packCount == 1)
        #expect(SiteWriter(outputPath: root + "/output").existingSite() == full, "same content: the subset rebuild changes nothing")
        options.periods = [.month(Month(year: 2027, month: 1))]
        #expect(throws: UsageError.self) { try BoardpackCommands.build(options) }
        options.periods = []
        options.units = ["acme", "nope"]
        #expect(throws: UsageError.self) { try BoardpackCommands.build(options) }
        #expect(SiteWriter(outputPath: root + "/output").existingSite() == full, "a refused build writes nothing")
    }
}
