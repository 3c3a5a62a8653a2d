import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The evaluation path reads aggregates by number and remembers KPI values per pack; these
/// check it against hand-worked values and against evaluating each KPI on its own.
@Suite struct MetricsEvaluationPathTests {
    /// Two files by channel, leads not reported for `social`, qualified leads only in one
    /// file, a month-weighted mean in another: the shapes the numbered tables must keep apart.
    static func engine() throws -> UnitMetrics {
        let channels = Fixture.file(
            "data/channels.csv", dims: ["channel"], measures: ["spend", "new_customers"],
            rows: [
                ("2026-01", ["search"], [100, 4]), ("2026-01", ["social"], [50, 1]),
                ("2026-02", ["search"], [120, 6]), ("2026-02", ["social"], [60, 2]),
                ("2026-03", ["search"], [90, 3]), ("2026-03", ["social"], [nil, 2]),
            ])
        let leads = Fixture.file(
            "data/leads.csv", dims: ["channel"], measures: ["leads", "qualified_leads"],
            rows: [
                ("2026-01", ["search"], [40, 10]), ("2026-02", ["search"], [50, 20]),
                ("2026-03", ["search"], [30, 15]),
            ])
        let business = Fixture.file(
            "data/business.csv", measures: ["sales_cycle_days"],
            rows: [("2026-01", [], [10]), ("2026-02", [], [20]), ("2026-03", [], [40])])
        return try Fixture.engine([channels, leads, business])
    }

    @Test func sliceOfAValueAMeasureNeverCarriesIsNA() throws {
        let e = try Self.engine()
        let p = e.pack(Fixture.month("2026-02"))
        // search: cpl = 120 / 50 = 2.4; social has spend but no leads rows: n/a.
        #expect(p.breakdowns["channel"]?["search"]?["cpl"] == .some(2.4))
        #expect(p.breakdowns["channel"]?["social"]?["cpl"] == .some(nil))
        #expect(p.breakdowns["channel"]?["social"]?["paid_cac"] == .some(30))
        // Unit cpl = (120 + 60) / 50 = 3.6.
        #expect(p[kpi: "cpl"]?.value == 3.6)
    }

    @Test func quarterCombinesMonthsOfOneSlice() throws {
        let e = try Self.engine()
        let q = Period.quarter(year: 2026, quarter: 1)
        let ev = e.evaluator(for: q)
        let social = e.data.slice("channel", "social")
        // Social spend: 50 + 60 + (March empty) = 110, partial; new customers 1 + 2 + 2 = 5.
        let spend = ev.measure("spend", at: q, slice: social)
        #expect(spend.value == 110)
        #expect(spend.partial)
        #expect(ev.kpi("paid_cac", at: q, slice: social).value == 22)
        // sales_cycle_days (mean weighted by new_customers, which lives in another file), each
        // month's mean by the unit's new customers that month: (10 · 5 + 20 · 8 + 40 · 5) / 18.
        #expect(close(e.pack(q)[kpi: "sales_cycle_days"]?.value, 410 / 18))
    }

    @Test func packValuesMatchEvaluatingEachKPIAlone() throws {
        let e = try Self.engine()
        for period in [Fixture.month("2026-02"), Fixture.month("2026-03"), .quarter(year: 2026, quarter: 1)] {
            let p = e.pack(period)
            let ev = e.evaluator(for: period)
            let standalone = Evaluator(metrics: e.metrics, data: e.data, pack: period)
            for result in p.kpis {
                #expect(result.value == ev.kpi(result.id, at: period).value, "\(result.id) at \(period)")
                #expect(result.previous == ev.kpi(result.id, at: period.previous).value, "\(result.id) at \(period)")
                #expect(result.yearAgo == ev.kpi(result.id, at: period.yearAgo).value, "\(result.id) at \(period)")
                #expect(result.value == standalone.kpi(result.id, at: period).value, "\(result.id) at \(period)")
            }
            for (dimension, byValue) in p.breakdowns {
                for (value, row) in byValue {
                    let slice = e.data.slice(dimension, value)
                    for (id, v) in row {
                        #expect(v == ev.kpi(id, at: period, slice: slice).value, "\(id) for \(value) at \(period)")
                    }
                }
            }
        }
    }

    @Test func slicesFollowValues() throws {
        let e = try Self.engine()
        for period in [Fixture.month("2026-01"), Fixture.month("2026-04"), .quarter(year: 2026, quarter: 1)] {
            let slices = e.data.slices(of: "channel", in: period)
            #expect(slices.map(\.value) == e.data.values(of: "channel", in: period))
            #expect(slices == e.data.values(of: "channel", in: period).compactMap { e.data.slice("channel", $0) })
        }
        #expect(e.data.slices(of: "store", in: Fixture.month("2026-01")).isEmpty)
    }

    @Test func workingSourcesAreReadWhenAsked() throws {
        let e = try Self.engine()
        let w = try #require(e.working("cpl", at: Fixture.month("2026-02"), slice: e.data.slice("channel", "search")))
        #expect(w.result.value == 2.4)
        #expect(w.sources["spend"] == [KPIWorking.Source(path: "data/channels.csv", lines: [4])])
        #expect(w.sources["leads"] == [KPIWorking.Source(path: "data/leads.csv", lines: [3])])
    }
}
