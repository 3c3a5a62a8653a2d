import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsComparisonTests {
    @Test func targetListSwitchesMidYear() {
        let t = Target.schedule([(from: Month(year: 2025, month: 1), value: 0.10), (from: Month(year: 2026, month: 7), value: 0.12)])
        #expect(t.value(at: Month(year: 2024, month: 12)) == nil)
        #expect(t.value(at: Month(year: 2026, month: 6)) == 0.10)
        #expect(t.value(at: Month(year: 2026, month: 7)) == 0.12)
        // A quarter takes the target in force at its last month: 2026-Q3 ends in September.
        #expect(t.value(at: Period.quarter(year: 2026, quarter: 3).lastMonth) == 0.12)
        #expect(Target.constant(45).value(at: Month(year: 2000, month: 1)) == 45)
    }

    @Test func statusBandsHigher() {
        // T = 40, t = 0.25: band = 10; green ≥ 40, amber ≥ 30.
        func s(_ v: Double?) -> KPIStatus { .of(v, target: 40, tolerance: 0.25, better: .higher) }
        #expect(s(40) == .green)
        #expect(s(39.999) == .amber)
        #expect(s(30) == .amber)
        #expect(s(29.999) == .red)
        #expect(s(nil) == .na)
        #expect(KPIStatus.of(50, target: nil, tolerance: 0.25, better: .higher) == .none)
    }

    @Test func statusBandsLower() {
        // T = 40, t = 0.25: green ≤ 40, amber ≤ 50.
        func s(_ v: Double) -> KPIStatus { .of(v, target: 40, tolerance: 0.25, better: .lower) }
        #expect(s(40) == .green)
        #expect(s(40.001) == .amber)
        #expect(s(50) == .amber)
        #expect(s(50.001) == .red)
    }

    @Test func statusBandsNegativeTarget() {
        // T = −0.5, t = 0.5: band = |−0.5| · 0.5 = 0.25.
        // higher: green ≥ −0.5, amber ≥ −0.75.
        func h(_ v: Double) -> KPIStatus { .of(v, target: -0.5, tolerance: 0.5, better: .higher) }
        #expect(h(-0.5) == .green)
        #expect(h(-0.75) == .amber)
        #expect(h(-0.76) == .red)
        // lower: green ≤ −0.5, amber ≤ −0.25.
        func l(_ v: Double) -> KPIStatus { .of(v, target: -0.5, tolerance: 0.5, better: .lower) }
        #expect(l(-0.5) == .green)
        #expect(l(-0.25) == .amber)
        #expect(l(-0.24) == .red)
    }

    @Test func monthlyComparisons() throws {
        // 13 months of spend/leads: cpl = spend / leads.
        var rows: [(String, [String], [Double?])] = []
        for m in 1...12 { rows.append((Month(year: 2025, month: m).description, [], [Double(100 + m), 10])) }
        rows.append(("2026-01", [], [150, 10]))
        let f = Fixture.file(measures: ["spend", "leads"], rows: rows)
        let e = try Fixture.engine([f], targets: ["cpl": .constant(14)], tolerance: 0.1)
        let r = e.pack(Fixture.month("2026-01"))[kpi: "cpl"]!
        // value 150/10 = 15; previous (2025-12) 112/10 = 11.2; year ago (2025-01) 101/10 = 10.1.
        #expect(r.value == 15)
        #expect(close(r.previous, 11.2))
        #expect(close(r.delta, 3.8))
        #expect(close(r.change, 15 / 11.2 - 1))
        #expect(close(r.yearAgo, 10.1))
        #expect(close(r.yoyChange, 15 / 10.1 - 1))
        // lower is better, T = 14, amber up to 14 + 1.4 = 15.4: 15 is amber.
        #expect(r.target == 14)
        #expect(r.status == .amber)
        #expect(r.formula == "spend / leads")
    }

    @Test func changeIsNAWhenPreviousNotPositive() {
        #expect(KPIResult.relativeChange(5, 0) == nil)
        #expect(KPIResult.relativeChange(5, -2) == nil)
        #expect(KPIResult.relativeChange(6, 4) == 0.5)
    }

    @Test func quarterlyComparisonsUseQuartersAndNeedCompleteness() throws {
        // 2025-02 … 2026-03: 2025-Q1 lacks January, so the year-ago quarter is n/a.
        var rows: [(String, [String], [Double?])] = []
        for i in 0..<14 { rows.append((Month(year: 2025, month: 2).advanced(by: i).description, [], [10, 2])) }
        let f = Fixture.file(measures: ["spend", "new_customers"], rows: rows)
        let r = try Fixture.engine([f]).pack(.quarter(year: 2026, quarter: 1))[kpi: "paid_cac"]!
        // 2026-Q1: 30 / 6 = 5; 2025-Q4: 30 / 6 = 5; 2025-Q1 incomplete → n/a.
        #expect(r.value == 5)
        #expect(r.previous == 5)
        #expect(r.change == 0)
        #expect(r.yearAgo == nil)
        #expect(r.yoyChange == nil)
    }

    @Test func consecutiveAndChangeFunctions() throws {
        let f = Fixture.file(
            measures: ["qualified_leads"],
            rows: [("2026-01", [], [100]), ("2026-02", [], [90]), ("2026-03", [], [80]), ("2026-04", [], [88])])
        let e = try Fixture.engine([f])
        let ev = e.evaluator(for: Fixture.month("2026-04"))
        let rule = try FormulaParser.parse("consecutive(lvr < 0, 2)")
        // lvr: Feb −0.1, Mar −0.111…, Apr +0.1.
        #expect(ev.evaluate(rule, at: Fixture.month("2026-03")).value == 1)
        #expect(ev.evaluate(rule, at: Fixture.month("2026-04")).value == 0)
        // In February, January's lvr is n/a and February's is negative: unknown.
        #expect(ev.evaluate(rule, at: Fixture.month("2026-02")).value == nil)
        // change(qualified_leads) in April = 88 / 80 − 1 = 0.1.
        #expect(close(ev.evaluate(try FormulaParser.parse("change(qualified_leads)"), at: Fixture.month("2026-04")).value, 0.1))
        #expect(
            ev.evaluate(try FormulaParser.parse("max(prev(qualified_leads, 3), 5) - abs(-1)"), at: Fixture.month("2026-04")).value == 99)
    }
}
