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

@Suite struct ExplainTests {
    @Test func explainShowsTheWorkingThatEvaluatesToTheResult() throws {
        let root = try TestWorkspace.onDisk(TestWorkspace.files())
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = try BoardpackCommands.explain(
            kpi: "paid_cac", unit: "acme", period: .month(Month(year: 2026, month: 10)), contentPath: root + "/content")
        // October: spend 1300 + 700 = 2000 over new customers 13 + 6 = 19 → 105.263…
        #expect(text.contains("formula:     paid_cac = spend / new_customers\n"))
        #expect(text.contains("substituted: paid_cac = 2000 / 19\n"))
        // Twelve significant digits: 105.263157895, not 105.26315789473684.
        #expect(text.contains("result:      paid_cac = 105.263157895 (€105.26)\n"))
        #expect(text.contains("spend: \(root)/content/units/acme/data/channels.csv lines 6-7\n"))
    }

    @Test func unknownKPIIsAnError() throws {
        let root = try TestWorkspace.onDisk(TestWorkspace.files())
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = try #require(throws: DiagnosticsError.self) {
            try BoardpackCommands.explain(
                kpi: "cacc", unit: "acme", period: .month(Month(year: 2026, month: 10)), contentPath: root + "/content")
        }
        #expect(error.diagnostics.first?.hint == "did you mean `cac`?")
        #expect(error.isUsage)
        #expect(BoardpackCommands.readable(85.39999999999999) == "85.4")
    }

    @Test func kpisListsTheDictionaryBySector() throws {
        let retail = try BoardpackCommands.kpis(sector: "retail", locale: .itIT)
        #expect(retail.hasPrefix("id "))
        #expect(retail.contains("Costo marketing") && retail.contains("qspv_index") && !retail.contains("activation_rate"))
        let all = try BoardpackCommands.kpis(sector: nil, locale: .enUS)
        #expect(all.contains("activation_rate") && all.contains("Budget utilization"))
        #expect(throws: UsageError.self) { try BoardpackCommands.kpis(sector: "fintech", locale: .enGB) }
    }
}
