import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat

/// Every word a page shows comes from one keyed table per language (`Labels`): a key missing
/// in a language, a placeholder one language forgets, or a pair of words written inline in the
/// code fails here.
@Suite struct LabelTableTests {
    @Test func everyLanguageHasEveryKey() {
        let all = Set(Labels.tables.values.flatMap(\.keys))
        #expect(all.count > 100)
        for (language, table) in Labels.tables.sorted(by: { $0.key < $1.key }) {
            for key in all.subtracting(table.keys).sorted() {
                Issue.record("label `\(key)` is missing in `\(language)`")
            }
        }
    }

    @Test func everyLanguageFillsTheSamePlaceholders() throws {
        let placeholder = try Regex(#"\{([a-z_0-9]+)\}"#)
        func names(_ text: String) -> Set<String> { Set(text.matches(of: placeholder).map { String(text[$0.range]) }) }
        for (key, english) in Labels.en.sorted(by: { $0.key < $1.key }) {
            for (language, table) in Labels.tables where language != "en" {
                #expect(names(table[key] ?? "") == names(english), "`\(key)` in `\(language)`")
            }
        }
    }

    @Test func placeholdersAreFilledOnce() {
        #expect(PackLocale.itIT.label("last_months", ["count": "12"]) == "ultimi 12 mesi")
        #expect(PackLocale.enGB.label("against_target", ["id": "{id}"]) == "{id} against target")
        #expect(PackLocale.enGB.label("no_such_label") == "no_such_label")
    }

    /// No code outside the tables writes a word per language: no `en:`/`it:` literal and no
    /// choice of literal text on the locale. Excepted: number and date formats, the locale's
    /// own data (BoardpackFormat, `PackLocale`), and the built-in KPI dictionary and playbooks,
    /// which are content written in Swift (`metrics.yml` and `playbooks/*.yml` override them).
    @Test func noCodeWritesWordsInline() throws {
        let inline = try Regex(#"\b(en|it):\s*"[^"]|isItalian\s*\?\s*""#)
        let data = ["BoardpackFormat/", "BoardpackContent/Content/PackLocale.swift", "BoardpackMetrics/Playbooks/BuiltInPlaybook"]
        var checked = 0
        for (file, text) in try HouseWallTests.code(of: "") {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.contains(inline) else { continue }
                if data.contains(where: file.hasPrefix) { continue }
                Issue.record("\(file):\(n + 1): words written inline: \(line.trimmingCharacters(in: .whitespaces))")
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
