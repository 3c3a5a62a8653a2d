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

@Suite struct InitAndThemeTests {
    @Test func builtInThemeEqualsTheTemplatesFolder() throws {
        for (name, text) in DefaultTheme.files {
            let onDisk = try String(contentsOfFile: TestWorkspace.templatesDir + "/" + name, encoding: .utf8)
            #expect(onDisk == text, "templates/\(name) changed: run scripts/embed-theme.py")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: TestWorkspace.templatesDir).sorted()
        #expect(names == DefaultTheme.files.keys.sorted())
    }

    @Test func initCreatesAWorkspaceThatBuildsWithoutWarnings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bp-init-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try BoardpackCommands.initWorkspace(at: dir)
        let report = try BoardpackCommands.build(
            BuildOptions(contentPath: dir + "/content", templatesPath: dir + "/templates", outputPath: dir + "/output"))
        #expect(report.packCount == 3)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(throws: DiagnosticsError.self) { try BoardpackCommands.initWorkspace(at: dir) }
    }

    @Test(arguments: ["retail", "tech", "luxury", "banking"]) func initPerSectorBuildsWithEveryKPI(sector: String) throws {
        // SPEC §7 v2: each sector's starter builds with no warning and no n/a sector KPI.
        for locale in ["en-GB", "it-IT"] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bp-init-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            _ = try BoardpackCommands.initWorkspace(at: dir, sector: sector, locale: locale)
            let report = try BoardpackCommands.build(
                BuildOptions(contentPath: dir + "/content", templatesPath: dir + "/templates", outputPath: dir + "/output"))
            #expect(report.warnings.isEmpty, "\(sector) \(locale): \(report.warnings)")
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/output/example-co/2026-10/metrics.json"))
            let kpis = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["kpis"] as? [String: [String: Any]])
            let sectorIDs = try BoardpackCommands.kpis(sector: sector, locale: .enGB).split(separator: "\n").dropFirst()
                .filter { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == Substring(sector) }
                .map { String($0.split(separator: " ")[0]) }
            #expect(sectorIDs.count >= 4, "\(sector)")
            for id in sectorIDs { #expect(!(kpis[id]?["value"] is NSNull) && kpis[id] != nil, "\(sector) \(locale): \(id) is n/a") }
        }
        #expect(throws: UsageError.self) { try BoardpackCommands.initWorkspace(at: "/tmp/never", sector: "fintech") }
    }
}

@Suite struct PreviewServerTests {
    @Test func pathsStayInsideTheOutputFolder() throws {
        let root = try TestWorkspace.onDisk(["out/index.html": "x", "out/acme/index.html": "y"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(PreviewServer.file(for: "/", under: root + "/out") == root + "/out/index.html")
        #expect(PreviewServer.file(for: "/acme/", under: root + "/out") == root + "/out/acme/index.html")
        #expect(PreviewServer.file(for: "/../../etc/passwd", under: root + "/out") == nil)
        #expect(PreviewServer.file(for: "/%2e%2e/secret", under: root + "/out") == nil)
    }
}
