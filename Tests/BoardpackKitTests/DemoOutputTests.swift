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

/// Checks on the committed demo: `content/` and the generated `output/` of the repository.
@Suite struct DemoOutputTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    func pages() throws -> [(String, String)] {
        let out = Self.repo + "/output"
        let walker = try #require(FileManager.default.enumerator(atPath: out))
        var result: [(String, String)] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".html") { result.append((path, try String(contentsOfFile: out + "/" + path, encoding: .utf8))) }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    @Test func outputHasNoScriptsHandlersOrInlineStylesAndEveryCSPMatches() throws {
        let all = try pages()
        #expect(all.count == 69, "64 packs, 4 archives and the portal")
        let handler = try Regex(#"<[^>]*\son[a-z]+\s*="#)
        for (path, page) in all {
            let lower = page.lowercased()
            #expect(!lower.contains("<script"), "\(path)")
            #expect(!lower.contains("javascript:"), "\(path)")
            #expect(!lower.contains(" style="), "\(path)")
            #expect(lower.firstMatch(of: handler) == nil, "\(path) has an event-handler attribute")
            let open = try #require(page.range(of: "<style>"))
            let close = try #require(page.range(of: "</style>", range: open.upperBound..<page.endIndex))
            let hash = SHA256Hex.base64(Array(page[open.upperBound..<close.lowerBound].utf8))
            #expect(page.contains("style-src 'sha256-\(hash)'"), "\(path): CSP hash does not match its <style>")
            #expect(
                page.hasPrefix("<!DOCTYPE html>\n<html lang=\"") && page.contains("<head>\n<meta http-equiv=\"Content-Security-Policy\""))
        }
    }

    @Test func everyPackOpensWithTheFrontSheet() throws {
        let packs = try pages().filter { $0.0.split(separator: "/").count == 3 }
        #expect(packs.count == 64)
        for (path, page) in packs {
            let main = try #require(page.range(of: "<main>"), "\(path)")
            let first = try #require(page.range(of: "<section id=\"", range: main.upperBound..<page.endIndex), "\(path)")
            #expect(page[first.upperBound...].hasPrefix("front\""), "\(path)")
        }
    }

    @Test func theThirdQuartersActionLogHasTheActionsOpenAtTheEndOfSeptember() throws {
        // Each unit's Q3 pack lists, open or overdue, the actions its notes raised up to
        // September and had not checked by then, and none raised later (SPEC §2.4).
        for unit in ["trattoria-rapida", "banca-civica", "maison-aurelia", "nimbus-cloud"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.repo)/output/\(unit)/2026-Q3/metrics.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let actions = try #require(json["actions"] as? [[String: Any]], "\(unit)")
            let open = actions.filter { ["open", "overdue"].contains($0["status"] as? String) }
            #expect(!open.isEmpty, "\(unit)")
            for a in actions {
                let raised = a["raised_in"] as? String ?? ""
                #expect(raised.contains("Q") ? raised <= "2026-Q3" : raised <= "2026-09", "\(unit): \(a)")
            }
            for a in open {
                // Overdue exactly when due before 30 September.
                let due = a["due"] as? String
                #expect((a["status"] as? String == "overdue") == (due.map { $0 < "2026-09-30" } ?? false), "\(unit): \(a)")
            }
        }
    }

    @Test func theUSPacksUseUSSpelling() throws {
        for (path, page) in try pages() where path.hasPrefix("nimbus-cloud/") {
            let text = try LocalePackTests.visibleText(page).lowercased()
            for british in ["utilisation", "organisation", "programme", "centre"] {
                #expect(!text.contains(british), "\(path): \(british)")
            }
        }
    }

    @Test func everyRelativeLinkResolves() throws {
        let href = try Regex(##"href="[^"#]+""##)
        for (path, page) in try pages() {
            let folder = URL(fileURLWithPath: Self.repo + "/output/" + path).deletingLastPathComponent()
            for match in page.matches(of: href) {
                let target = String(page[match.range].dropFirst(6).dropLast())
                guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                #expect(
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent(target).standardizedFileURL.path),
                    "\(path) → \(target)")
            }
        }
    }

    @Test func theQuarterShowsAStoresBadMonth() throws {
        // store-005 scored under 80 in September only: the board's Q3 pack shows it, red.
        let folder = Self.repo + "/output/trattoria-rapida/2026-Q3/"
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "metrics.json")))
        let results = try #require((json as? [String: Any])?["playbook"] as? [[String: Any]])
        let breach = try #require(
            results.first { $0["rule"] as? String == "qspv-below-standard" && $0["subject"] as? String == "store-005" })
        #expect(breach["status"] as? String == "red")
        #expect(breach["months"] as? [String] == ["2026-09"])
        let page = try String(contentsOfFile: folder + "index.html", encoding: .utf8)
        #expect(page.contains("<li class=\"rule status-red\" data-rule=\"qspv-below-standard\">"))
        #expect(page.contains("store-005: QSP&amp;V a 77,4, sotto lo standard di rete di 80 (a settembre)"))
    }

    @Test func diffListsTheDemoStatusFlips() throws {
        // Banca Civica's lead-to-customer rate falls from 15.2 % to 14.2 % against a 14.5 % target:
        // green in September, amber (within 10 % of the target) in October.
        let text = try BoardpackCommands.diff(
            unit: "banca-civica", from: .month(Month(year: 2026, month: 9)), to: .month(Month(year: 2026, month: 10)),
            contentPath: Self.repo + "/content", outputPath: Self.repo + "/output")
        #expect(text.contains("Status flips: 1\n  lead_to_customer_rate: green → amber"))
        #expect(text.contains("Restated history (vs ") && text.hasSuffix("/banca-civica/2026-09/metrics.json): none\n"))
    }
}

@Suite struct RestatementTests {
    func git(_ args: String..., in dir: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "git \(args)")
    }

    @Test func diffReportsARestatedMonthAndAChangedDefinitionAgainstThePublishedPack() throws {
        let root = try TestWorkspace.onDisk(TestWorkspace.files())
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = BuildOptions(contentPath: root + "/content", templatesPath: root + "/templates", outputPath: root + "/output")
        _ = try BoardpackCommands.build(options)
        try git("init", "-q", in: root)
        try git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x", in: root)
        try git("add", "-A", in: root)
        try git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "published", in: root)
        // September's search spend is restated from 1200 to 1500, and CPL is redefined; then rebuilt.
        var csv = TestWorkspace.channelsCSV.replacingOccurrences(of: "2026-09,search,1200,", with: "2026-09,search,1500,")
        csv += ""
        try csv.write(toFile: root + "/content/units/acme/data/channels.csv", atomically: false, encoding: .utf8)
        try "kpis:\n  cpl: {formula: spend / leads * 1}\n".write(toFile: root + "/content/metrics.yml", atomically: false, encoding: .utf8)
        _ = try BoardpackCommands.build(options)
        let text = try BoardpackCommands.diff(
            unit: "acme", from: .month(Month(year: 2026, month: 9)), to: .month(Month(year: 2026, month: 10)),
            contentPath: root + "/content", outputPath: root + "/output")
        #expect(text.contains("Changed definitions: 1\n  cpl: spend / leads → spend / leads * 1\n"), "\(text)")
        // September spend: published 1200 + 600 = 1800, now 1500 + 600 = 2100.
        #expect(text.contains("  marketing_cost in 2026-09") == false)  // no overhead: n/a both times
        #expect(
            text.contains("  paid_cac in 2026-09: published \(JSONValue.format(1800.0 / 17)), now \(JSONValue.format(2100.0 / 17))"),
            "\(text)")
    }
}
