import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsBreakdownTests {
    @Test func channelKPIsUseUnitScopedValues() throws {
        let unit = Fixture.file(
            "data/finance.csv", measures: ["revenue", "gross_profit", "active_customers", "churned_customers", "overhead"],
            rows: [("2026-01", [], [40000, 16000, 1000, 10, 900]), ("2026-02", [], [50000, 20000, 1000, 20, 1000])])
        let channels = Fixture.file(
            "data/channels.csv", dims: ["channel"], measures: ["spend", "new_customers", "attributed_revenue"],
            rows: [
                ("2026-02", ["search"], [2000, 40, 10000]),
                ("2026-02", ["social"], [1000, 10, 2000]),
            ])
        let p = try Fixture.engine([unit, channels]).pack(Fixture.month("2026-02"))
        // Unit, February: arpa = 50000 / 1000 / 1 = 50; gross margin = 20000 / 50000 = 0.4;
        // churn = 20 / prev active 1000 / 1 = 0.02; clv = 50 · 0.4 / 0.02 = 1000.
        #expect(close(p[kpi: "clv"]?.value, 1000))
        // Unit cac = (2000 + 1000 + 1000) / 50 = 80.
        #expect(p[kpi: "cac"]?.value == 80)
        let search = p.breakdowns["channel"]?["search"]
        // Search: clv is scope unit → 1000; paid_cac = 2000 / 40 = 50; overhead is not per channel → cac n/a.
        #expect(close(search?["clv"] ?? nil, 1000))
        #expect(search?["paid_cac"] == .some(50))
        #expect(search?["cac"] == .some(nil))
        #expect(search?["clv_to_cac"] == .some(nil))
        // media_romi = (10000 · 0.4 − 2000) / 2000 = 1, with the unit gross margin.
        #expect(close(search?["media_romi"] ?? nil, 1))
        // Revenue is not per channel and marketing_cost_share is not unit-scoped: n/a.
        #expect(search?["marketing_cost_share"] == .some(nil))
        #expect(p.breakdowns["channel"]?.keys.sorted() == ["search", "social"])
        // January has no channel rows: no values present.
        #expect(try Fixture.engine([unit, channels]).pack(Fixture.month("2026-01")).breakdowns.isEmpty)
    }

    @Test func twoDimensionGrainBreaksDownEachWay() throws {
        let f = Fixture.file(
            dims: ["channel", "store"], measures: ["spend", "leads"],
            rows: [
                ("2026-01", ["web", "a"], [10, 1]), ("2026-01", ["web", "b"], [30, 3]),
                ("2026-01", ["print", "a"], [20, 4]),
            ])
        let p = try Fixture.engine([f]).pack(Fixture.month("2026-01"))
        // web: (10 + 30) / (1 + 3) = 10; store a: (10 + 20) / (1 + 4) = 6.
        #expect(p.breakdowns["channel"]?["web"]?["cpl"] == .some(10))
        #expect(p.breakdowns["store"]?["a"]?["cpl"] == .some(6))
        // Unit: 60 / 8 = 7.5.
        #expect(p[kpi: "cpl"]?.value == 7.5)
    }
}
