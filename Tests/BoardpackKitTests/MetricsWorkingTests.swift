import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsWorkingTests {
    @Test func cacWorkingExpandsAndSubstitutes() throws {
        let media = Fixture.file(
            "data/media.csv", dims: ["channel"], measures: ["spend", "new_customers"],
            rows: [("2026-09", ["search"], [1, 1]), ("2026-10", ["search"], [40000, 1000]), ("2026-10", ["social"], [8200, 462])])
        let costs = Fixture.file("data/costs.csv", measures: ["overhead"], rows: [("2026-10", [], [12000])])
        let e = try Fixture.engine([media, costs])
        let w = try #require(e.working("cac", at: Fixture.month("2026-10")))
        // spend = 40000 + 8200 = 48200; customers = 1000 + 462 = 1462; cac = 60200 / 1462.
        #expect(w.formula == "marketing_cost / new_customers")
        #expect(w.expanded == "(spend + overhead) / new_customers")
        #expect(w.substituted == "(48200 + 12000) / 1462")
        #expect(w.inputs.map(\.name) == ["spend", "overhead", "new_customers"])
        #expect(w.inputs.map(\.value) == [48200, 12000, 1462])
        #expect(close(w.result.value, 60200.0 / 1462))
        #expect(w.sources["spend"] == [KPIWorking.Source(path: "data/media.csv", lines: [3, 4])])
        #expect(w.sources["overhead"] == [KPIWorking.Source(path: "data/costs.csv", lines: [2])])
        #expect(
            w.line { $0.map { String(Int(($0 * 100).rounded())) } ?? "n/a" }
                == "cac = marketing_cost / new_customers = (spend + overhead) / new_customers = (48200 + 12000) / 1462 = 4118")
        // A breakdown: overhead is not per channel.
        let search = e.working("cac", at: Fixture.month("2026-10"), slice: e.data.slice("channel", "search"))
        #expect(search?.substituted == "(40000 + n/a) / 1000")
        #expect(search?.sources["spend"] == [KPIWorking.Source(path: "data/media.csv", lines: [3])])
    }

    @Test func callsAreInputs() throws {
        let f = Fixture.file(
            measures: ["active_customers", "churned_customers"],
            rows: [("2026-01", [], [1000, 5]), ("2026-02", [], [990, 20])])
        let w = try #require(try Fixture.engine([f]).working("churn_rate", at: Fixture.month("2026-02")))
        #expect(w.substituted == "20 / 1000 / 1")
        #expect(w.inputs.map(\.name) == ["churned_customers", "prev(active_customers)", "months"])
    }
}
