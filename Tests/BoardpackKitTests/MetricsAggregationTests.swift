import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsAggregationTests {
    @Test func quarterCACIsRatioOfSums() throws {
        let f = Fixture.file(
            measures: ["spend", "overhead", "new_customers"],
            rows: [("2026-01", [], [100, 50, 10]), ("2026-02", [], [200, 50, 5]), ("2026-03", [], [300, 50, 15])])
        let e = try Fixture.engine([f])
        let q = Period.quarter(year: 2026, quarter: 1)
        // Quarter: (100+200+300 + 50·3) / (10+5+15) = 750 / 30 = 25.
        // (The mean of monthly CACs would be (15 + 50 + 23.33) / 3 = 29.44.)
        #expect(e.pack(q)[kpi: "cac"]?.value == 25)
        // January alone: 150 / 10 = 15.
        #expect(e.pack(Fixture.month("2026-01"))[kpi: "cac"]?.value == 15)
    }

    @Test func weightedMeanOverDatesAndQuarter() throws {
        let f = Fixture.file(
            measures: ["sales_cycle_days", "new_customers"],
            rows: [
                ("2026-01-05", [], [30, 2]), ("2026-01-20", [], [60, 1]),
                ("2026-02-10", [], [10, 1]),
                ("2026-03-03", [], [20, 4]),
            ])
        let e = try Fixture.engine([f])
        // January: (30·2 + 60·1) / (2 + 1) = 120 / 3 = 40.
        #expect(e.pack(Fixture.month("2026-01"))[kpi: "sales_cycle_days"]?.value == 40)
        // Quarter: (60 + 60 + 10·1 + 20·4) / (3 + 1 + 4) = 210 / 8 = 26.25.
        #expect(e.pack(.quarter(year: 2026, quarter: 1))[kpi: "sales_cycle_days"]?.value == 26.25)
    }

    @Test func quarterMeanWeightsMonthsByTheWeightFromAnotherFile() throws {
        // The cycle comes from the business file, the customers from the channels file.
        let business = Fixture.file(
            "data/business.csv", measures: ["sales_cycle_days"],
            rows: [("2026-07", [], [4.7]), ("2026-08", [], [4.6]), ("2026-09", [], [5.8])])
        let channels = Fixture.file(
            "data/channels.csv", dims: ["channel"], measures: ["new_customers"],
            rows: [
                ("2026-07", ["a"], [300]), ("2026-07", ["b"], [44]), ("2026-08", ["a"], [338]), ("2026-09", ["a"], [285]),
            ])
        let e = try Fixture.engine([business, channels])
        // (4.7·344 + 4.6·338 + 5.8·285) / (344 + 338 + 285) = (1616.8 + 1554.8 + 1653) / 967 = 4824.6 / 967 = 4.98924…
        // (the plain mean of the months would be 15.1 / 3 = 5.0333).
        #expect(close(e.pack(.quarter(year: 2026, quarter: 3))[kpi: "sales_cycle_days"]?.value, 4824.6 / 967))
        // A single month is that month's value.
        #expect(e.pack(Fixture.month("2026-09"))[kpi: "sales_cycle_days"]?.value == 5.8)
    }

    @Test func plainMeanWhenWeightNotReported() throws {
        let f = Fixture.file(
            dims: ["store"], measures: ["quality_score", "sales_cycle_days"],
            rows: [("2026-01", ["a"], [80, 30]), ("2026-01", ["b"], [90, 40])])
        let e = try Fixture.engine([f])
        let ev = e.evaluator(for: Fixture.month("2026-01"))
        // No weight column in the file: (80 + 90) / 2 = 85 and (30 + 40) / 2 = 35.
        #expect(ev.measure("quality_score", at: Fixture.month("2026-01")).value == 85)
        #expect(ev.measure("sales_cycle_days", at: Fixture.month("2026-01")).value == 35)
    }

    @Test func lastKeepsLatestDateAndLastMonth() throws {
        let f = Fixture.file(
            dims: ["channel"], measures: ["active_customers"],
            rows: [
                ("2026-01-28", ["web"], [120]), ("2026-01-05", ["web"], [100]), ("2026-01-10", ["shop"], [50]),
                ("2026-02-27", ["web"], [130]), ("2026-02-27", ["shop"], [55]),
                ("2026-03-31", ["web"], [140]), ("2026-03-02", ["shop"], [60]),
            ])
        let e = try Fixture.engine([f])
        let ev = e.evaluator(for: .quarter(year: 2026, quarter: 1))
        // January: latest web (28th) 120 + shop 50 = 170, even though the 5th comes later in the file.
        #expect(ev.measure("active_customers", at: Fixture.month("2026-01")).value == 170)
        // Quarter keeps March: 140 + 60 = 200.
        #expect(ev.measure("active_customers", at: .quarter(year: 2026, quarter: 1)).value == 200)
    }

    @Test func partialSumsAreMarked() throws {
        let f = Fixture.file(
            dims: ["channel"], measures: ["spend", "leads"],
            rows: [("2026-01", ["search"], [100, 10]), ("2026-01", ["social"], [nil, 5])])
        let e = try Fixture.engine([f])
        let p = e.pack(Fixture.month("2026-01"))
        // spend over the reporting row only: 100, partial; cpl = 100 / (10 + 5) = 6.666…, partial.
        #expect(close(p[kpi: "cpl"]?.value, 100.0 / 15))
        #expect(p[kpi: "cpl"]?.partial == true)
        // ctr reads neither: n/a and not partial; mql_rate reads only leads: not partial.
        #expect(p[kpi: "mql_rate"]?.partial == false)
        let ev = e.evaluator(for: Fixture.month("2026-01"))
        #expect(ev.measure("spend", at: Fixture.month("2026-01")) == MeasureValue(value: 100, partial: true))
    }

    @Test func divisionByZeroAndMissingMeasuresAreNA() throws {
        let f = Fixture.file(
            measures: ["spend", "leads", "new_customers"], rows: [("2026-01", [], [500, 0, 4])])
        let p = try Fixture.engine([f]).pack(Fixture.month("2026-01"))
        #expect(p[kpi: "cpl"]?.value == nil)  // 500 / 0
        // overhead is not reported: marketing_cost and cac are n/a, paid_cac = 500 / 4 = 125.
        #expect(p[kpi: "marketing_cost"]?.value == nil)
        #expect(p[kpi: "cac"]?.value == nil)
        #expect(p[kpi: "paid_cac"]?.value == 125)
        #expect(p[kpi: "cac"]?.status == KPIStatus.none)
    }

    @Test func prevAndYearAgoBeforeFirstMonthAreNA() throws {
        let f = Fixture.file(
            measures: ["qualified_leads", "active_customers", "churned_customers"],
            rows: [("2026-01", [], [100, 1000, 10]), ("2026-02", [], [120, 990, 20])])
        let e = try Fixture.engine([f])
        let jan = e.pack(Fixture.month("2026-01"))
        #expect(jan[kpi: "lvr"]?.value == nil)
        #expect(jan[kpi: "churn_rate"]?.value == nil)
        let feb = e.pack(Fixture.month("2026-02"))
        // lvr = (120 − 100) / 100 = 0.2; churn = 20 / 1000 / 1 = 0.02.
        #expect(close(feb[kpi: "lvr"]?.value, 0.2))
        #expect(close(feb[kpi: "churn_rate"]?.value, 0.02))
        #expect(feb[kpi: "lvr"]?.yearAgo == nil)
        #expect(feb[kpi: "lvr"]?.previous == nil)
    }

    @Test func incompleteQuarterHasNoAggregates() throws {
        let f = Fixture.file(
            measures: ["spend"], rows: [("2026-02", [], [10]), ("2026-03", [], [20]), ("2026-04", [], [5])])
        let e = try Fixture.engine([f])
        let ev = e.evaluator(for: .quarter(year: 2026, quarter: 2))
        // Q1 lacks January: n/a, not 30.
        #expect(ev.measure("spend", at: .quarter(year: 2026, quarter: 1)).value == nil)
    }

    @Test func packSeesNothingAfterItsPeriod() throws {
        let f = Fixture.file(measures: ["spend"], rows: [("2026-01", [], [10]), ("2026-02", [], [20])])
        let e = try Fixture.engine([f])
        let ev = e.evaluator(for: Fixture.month("2026-01"))
        #expect(ev.measure("spend", at: Fixture.month("2026-02")).value == nil)
        #expect(ev.evaluate(try FormulaParser.parse("spend"), at: Fixture.month("2026-02")).value == nil)
        #expect(e.series("marketing_cost", endingAt: Fixture.month("2026-01"), count: 2).map(\.value) == [nil, nil])
        #expect(e.measureSeries("spend", endingAt: Fixture.month("2026-02"), count: 3).map(\.value) == [nil, 10, 20])
    }
}
