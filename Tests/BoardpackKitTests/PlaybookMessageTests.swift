import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct PlaybookMessageTests {
    @Test func findsPlaceholdersAndLeavesOtherBracesAlone() {
        let found = PlaybookMessage.placeholders(in: "{store}: QSP&V {qspv_index} { not } {1x} {a-b}")
        #expect(found == [.init(name: "store", offset: 0), .init(name: "qspv_index", offset: 15)])
    }

    @Test func rendersEnglishAndItalian() throws {
        let (registry, _) = PlaybookRegistry.load()
        let rule = try #require(registry.playbook(for: .retail).rules.first { $0.id == "qspv-below-standard" })
        let values = ["qspv_index": "72.5"]
        let render = { (text: String) in
            PlaybookMessage.render(text) { name in name == "store" ? "store-012" : values[name] ?? "n/a" }
        }
        #expect(render(rule.message.en) == "store-012: QSP&V 72.5 is below the network standard of 80")
        #expect(render(rule.message.it) == "store-012: QSP&V a 72.5, sotto lo standard di rete di 80")
        #expect(PlaybookMessage.render("{ x } and {y}z") { _ in "Y" } == "{ x } and Yz")
    }

    @Test func unknownPlaceholderIsPositioned() throws {
        let yaml = """
            sector: retail
            rules:
              - id: typo
                for_each: store
                when: qspv_index < 80
                status: red
                message: "{store}: QSP&V {qspv_indx}"
                action: Act
            """
        let (registry, diagnostics) = PlaybookRegistry.load(contentFiles: [TextFile(path: "p.yml", text: yaml)])
        #expect(diagnostics.isEmpty)
        let rule = try #require(registry.playbook(for: .retail).rules.first { $0.id == "typo" })
        let d = rule.placeholderDiagnostics(knownIDs: ["qspv_index"])
        // Line 7: 4 spaces + `message: "` → text at column 15; `{qspv_indx}` at offset 15
        // ("{store}" 7 + ": " 2 + "QSP&V" 5 + " " 1) → column 30. en and it share the string: one error.
        #expect(d.map(\.location) == [BoardpackSupport.SourceLocation(file: "p.yml", line: 7, column: 30)])
        #expect(d.first?.message == "unknown placeholder `{qspv_indx}` in the message of rule `typo`")
        // `{store}` is the for_each dimension: known without being in the set.
        #expect(!d.contains { $0.message.contains("{store}") })
    }

    @Test func dimensionPlaceholderNeedsForEach() throws {
        let yaml =
            "sector: tech\nrules:\n  - id: r\n    when: lvr < 0\n    status: red\n    message: {en: \"{store} {lvr}\", it: \"{lvr} {store}\"}\n    action: Act\n"
        let (registry, _) = PlaybookRegistry.load(contentFiles: [TextFile(path: "p.yml", text: yaml)])
        let rule = try #require(registry.playbook(for: .tech).rules.first { $0.id == "r" })
        let d = rule.placeholderDiagnostics(knownIDs: ["lvr"])
        // Line 6: 4 spaces + `message: {en: "` (8 + 1 + 1 + 3 + 1 + 1 = 15) → en text at 20, `{store}`
        // at offset 0 → 20. en text "{store} {lvr}" is 13 scalars (20–32), quote 33, ", " 34–35,
        // `it: "` 36–40 → it text at 41; `{store}` at offset 6 → 47.
        #expect(d.map(\.location?.column) == [20, 47])
    }
}
