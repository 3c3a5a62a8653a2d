import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// A one-unit workspace in memory, its data written month by month from 2026-01 (or `from`).
struct SmallUnit {
    var sector = "retail"
    /// More lines of `unit.yml` (targets, dimensions, …).
    var unitYAML = ""
    /// data file name → CSV text.
    var files: [String: String] = [:]

    /// A CSV with a `month` column from `from` on and one column per measure (rows = months).
    static func csv(from: String = "2026-01", _ columns: KeyValuePairs<String, [Double]>) -> String {
        let months = columns.map(\.value.count).max() ?? 0
        let start = Month(parsing: from)!
        var text = "month," + columns.map(\.key).joined(separator: ",") + "\n"
        for m in 0..<months {
            let cells = columns.map { _, values in
                guard m < values.count else { return "" }
                let v = values[m]
                return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
            }
            text += start.advanced(by: m).description + "," + cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The unit's model, ready to judge packs.
    func model() throws -> UnitModel {
        var all = [
            "content/units/u/unit.yml":
                "name: U\nsector: \(sector)\ncurrency: EUR\nlocale: en-GB\nconfidentiality: Board\n\(unitYAML)"
        ]
        for (name, text) in files { all["content/units/u/data/\(name)"] = text }
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(all))
        let ws = try #require(workspace, "\(diagnostics)")
        let prepare = Preparation()
        let (compiled, playbooks) = try prepare.validate(ws)
        return try #require(try prepare.compute(ws, compiled, playbooks).models.first)
    }

    /// The pack of `period` as every part of it shows it.
    func judged(_ period: String) throws -> (metrics: PackMetrics, playbook: PlaybookRun) {
        let judged = try model().judged(Period(parsing: period)!)
        return (judged.metrics, try #require(judged.playbook))
    }

    /// The pack's full report (commentary included).
    func report(_ period: String) throws -> PackReport {
        let model = try model()
        let p = Period(parsing: period)!
        let unit = UnitReport(model, rendering: [p], listed: model.periods)
        return PackReport(model, unit: unit, period: p, audience: .board, includeDrafts: false)
    }
}

extension PlaybookRun {
    /// The result of `rule` (for `subject`).
    subscript(rule: String, subject: String? = nil) -> RuleResult? {
        results.first { $0.ruleID == rule && $0.subject == subject }
    }
}

/// Each contradiction the board met (issue 16), on a small workspace, and each point of
/// SPEC §5.5.
@Suite struct OneVoiceTests {
    /// Four months of a unit whose marketing returns 20 % (ROMI) every month:
    /// (2,400 × 0.5 − 1,000) / 1,000 = 0.2.
    static let steadyReturn = SmallUnit.csv(
        from: "2026-07",
        [
            "spend": [1000, 1000, 1000, 1000], "overhead": [0, 0, 0, 0], "new_customers": [10, 10, 10, 10],
            "attributed_revenue": [2400, 2400, 2400, 2400], "revenue": [10000, 10000, 10000, 10000],
            "gross_profit": [5000, 5000, 5000, 5000],
        ])

    @Test func aStrengthOnARedROMIIsSetAsideWithItsReason() throws {
        // ROMI 20 % against a target of 30 % (amber down to 27 %): red. The rule
        // `romi-profit-centre` fires (three positive months) but must not be shown.
        let unit = SmallUnit(unitYAML: "targets: {romi: 0.3}\n", files: ["b.csv": Self.steadyReturn])
        let (pack, run) = try unit.judged("2026-10")
        #expect(pack[kpi: "romi"]?.targetStatus == .red)
        #expect(pack[kpi: "romi"]?.status == .red)
        let strength = try #require(run["romi-profit-centre"])
        #expect(strength.status == .suppressed)
        #expect(strength.suppressedStatus == .green)
        // It also asks for budget, which a red ROMI has not earned.
        #expect(strength.suppressedBecause?.en == "it asks for more budget; ROMI: off target")
        #expect(strength.kpis == ["romi"])
        // With the target met, the same strength stands, with its streak.
        let met = SmallUnit(unitYAML: "targets: {romi: 0.15}\n", files: ["b.csv": Self.steadyReturn])
        let shown = try #require(try met.judged("2026-10").playbook["romi-profit-centre"])
        #expect(shown.status == .green)
        #expect(shown.streak == 4)
        #expect(shown.message?.en.hasPrefix("ROMI has been positive for 4 months in a row (20.0% now)") == true)
    }

    @Test func aStallingLVRIsNotAlsoAGrowingOne() throws {
        // Qualified leads grow 0.3 % a month: LVR under 2 % two periods (watch), and positive
        // three periods (a strength): the strength judges the same KPI and is set aside.
        let leads = SmallUnit.csv(from: "2026-07", ["qualified_leads": [100_000, 100_300, 100_601, 100_903]])
        let unit = SmallUnit(sector: "tech", files: ["l.csv": leads])
        let (pack, run) = try unit.judged("2026-10")
        #expect(run["lvr-stalling"]?.status == .amber)
        #expect(run["lvr-growing"]?.status == .suppressed)
        #expect(run["lvr-growing"]?.suppressedBecause?.en == "Lead velocity rate: watch")
        #expect(pack[kpi: "lvr"]?.status == .amber)
        #expect(pack[kpi: "lvr"]?.targetStatus == KPIStatus.none)
    }

    @Test func budgetUtilisationIsJudgedAgainstItsBand() throws {
        // 1,004 spent against a budget of 1,000: 100.4 %, inside the built-in band 80–110 %: green.
        let budget = SmallUnit.csv(from: "2026-10", ["spend": [1004], "overhead": [0], "marketing_budget": [1000]])
        let (pack, run) = try SmallUnit(files: ["b.csv": budget]).judged("2026-10")
        let r = try #require(pack[kpi: "budget_utilisation"])
        #expect(r.target == .band(min: 0.8, max: 1.1))
        #expect(r.status == .green)
        #expect(run["budget-overspent"]?.status == .ok)
        // A unit's own band replaces it: 95–105 % with 10 % tolerance is amber from 105 % to 115.5 %.
        let over = SmallUnit.csv(from: "2026-10", ["spend": [1100], "overhead": [0], "marketing_budget": [1000]])
        let own = SmallUnit(unitYAML: "targets: {budget_utilisation: {min: 0.95, max: 1.05}}\n", files: ["b.csv": over])
        #expect(try own.judged("2026-10").metrics[kpi: "budget_utilisation"]?.targetStatus == .amber)
        // The band in metrics.json is {min, max}.
        let json = String(decoding: pack.json(audience: "board").bytes(), as: UTF8.self)
        #expect(json.contains("\"target\": {\n        \"max\": 1.1,\n        \"min\": 0.8\n      },"))
    }

    @Test func anLVRWithoutTargetTakesTheRedOfItsPlateau() throws {
        // Qualified leads 100 → 90 → 80: LVR −10 %, −11.1 %: two periods below zero, red.
        let leads = SmallUnit.csv(from: "2026-08", ["qualified_leads": [100, 90, 80]])
        let (pack, run) = try SmallUnit(files: ["l.csv": leads]).judged("2026-10")
        #expect(run["lvr-plateau"]?.status == .red)
        #expect(run["lvr-plateau"]?.message?.en.hasPrefix("Qualified leads have shrunk for 2 months in a row") == true)
        #expect(pack[kpi: "lvr"]?.targetStatus == KPIStatus.none)
        #expect(pack[kpi: "lvr"]?.status == .red)
    }

    @Test func aQuarterReadsComplaintsOnTheScaleOfItsMonths() throws {
        // 8 complaints a month per 10,000 customers: the quarter is 24 / 10,000 × 10,000 / 3 = 8
        // a month, amber (over 5, not over 10), never 24.
        let bank = SmallUnit.csv(from: "2026-07", ["customers": [10000, 10000, 10000], "complaints": [8, 8, 8]])
        let unit = SmallUnit(sector: "banking", files: ["b.csv": bank])
        let (pack, run) = try unit.judged("2026-Q3")
        #expect(abs(pack[kpi: "complaints_per_10k"]!.value! - 8) < 1e-9)
        #expect(run["complaints-high"]?.status == .amber)
        #expect(run["complaints-critical"]?.status == .ok)
        #expect(abs(try unit.judged("2026-09").metrics[kpi: "complaints_per_10k"]!.value! - 8) < 1e-9)
    }

    @Test func aQuarterReadsLuxuryRatesOnTheScaleOfItsMonths() throws {
        // Each month: 300 on the waiting list (last), 10 allocated, 20 repeat clients and 150
        // event attendees of 1,000 clients (last). Cover 300 / 10 = 30; repeat 2 %; reach 15 %.
        // The quarter: 300 / (30 / 3) = 30; 60 / 1,000 / 3 = 2 %; 450 / 1,000 / 3 = 15 %.
        let lux = SmallUnit.csv(
            from: "2026-07",
            [
                "waitlist": [300, 300, 300], "allocations": [10, 10, 10], "repeat_clients": [20, 20, 20],
                "clients": [1000, 1000, 1000], "event_attendees": [150, 150, 150],
            ])
        let unit = SmallUnit(sector: "luxury", files: ["l.csv": lux])
        for period in ["2026-09", "2026-Q3"] {
            let pack = try unit.judged(period).metrics
            #expect(abs(pack[kpi: "waitlist_cover"]!.value! - 30) < 1e-9, "\(period)")
            #expect(abs(pack[kpi: "repeat_rate"]!.value! - 0.02) < 1e-12, "\(period)")
            #expect(abs(pack[kpi: "community_reach"]!.value! - 0.15) < 1e-12, "\(period)")
        }
    }

    @Test func aStoresBadMonthIsShownInItsQuarter() throws {
        // store-2 scores 90 in July and August, 74 in September: the quarter's mean is
        // (90 + 90 + 74) / 3 = 84.67, above the standard of 80, but September breached it.
        let stores = """
            month,store,quality_score,service_score,cleanliness_score,value_score
            2026-07,store-1,90,90,90,90
            2026-07,store-2,90,90,90,90
            2026-08,store-1,90,90,90,90
            2026-08,store-2,90,90,90,90
            2026-09,store-1,90,90,90,90
            2026-09,store-2,74,74,74,74

            """
        let unit = SmallUnit(unitYAML: "dimensions: [store]\n", files: ["s.csv": stores])
        let run = try unit.judged("2026-Q3").playbook
        let breach = try #require(run["qspv-below-standard", "store-2"])
        #expect(breach.status == .red)
        #expect(breach.months == [Month(year: 2026, month: 9)])
        #expect(breach.onlyInMonths)
        #expect(breach.message?.en == "store-2: QSP&V 74 is below the network standard of 80 (in September)")
        // The store that passed every month is not named.
        #expect(run["qspv-below-standard", "store-1"] == nil)
    }

    @Test func aShownValueNeverReadsAsItsThreshold() throws {
        // CLV:CAC 2.994 against 3: "3.0×" would read as on target; 2.99× does not.
        #expect(ValueFormat.multiple.extraDigits(for: 2.994, keepingSidesOf: [3, 2.7]) == 1)
        #expect(ValueFormat.multiple.format(2.994, locale: .enGB, extraDigits: 1) == "2.99×")
        // Exactly on the target reads as on it; far from it needs nothing.
        #expect(ValueFormat.multiple.extraDigits(for: 3, keepingSidesOf: [3]) == 0)
        #expect(ValueFormat.multiple.extraDigits(for: 3.4, keepingSidesOf: [3]) == 0)
        // 0.19996 against 20 %: "20.0%", "20.00%", then "19.996%"; three more digits at most.
        #expect(ValueFormat.ratio.extraDigits(for: 0.19996, keepingSidesOf: [0.2]) == 2)
        #expect(ValueFormat.ratio.extraDigits(for: 0.1999996, keepingSidesOf: [0.2]) == 3)
        // A pack writes it so: a unit whose CLV:CAC is 2.994.
        let unit = SmallUnit(unitYAML: "targets: {clv_to_cac: 3}\n")
        let display = try unit.model().valueDisplay(at: .month(Month(year: 2026, month: 10)))
        #expect(display.text("clv_to_cac", 2.994) == "2.99×")
        #expect(display.text("clv_to_cac", 2.7) == "2.7×")
        // Points beside two shown ratios are their difference: 19.45 % and 0.04 % show 19.5 %
        // and 0.0 %, but 19.41 pp apart; one more digit makes 19.45 − 0.04 = 19.41.
        #expect(ValueFormat.ratio.extraDigits(forPointsBetween: 0.1945, and: 0.0004) == 1)
        #expect(ValueFormat.ratio.extraDigits(forPointsBetween: 0.194, and: -0.153) == 0)
    }

    @Test func aStreakIsCountedNotItsWindow() throws {
        // Consent opt-ins fall every month from January to November 2026: ten falls by November
        // (11 months of data), material or not; the rule says so.
        let optIns: [Double] = (0..<11).map { 6000 - Double($0) * 10 }
        let bank = SmallUnit.csv(["customers": Array(repeating: 10000, count: 11), "consent_opt_ins": optIns])
        let run = try SmallUnit(sector: "banking", files: ["b.csv": bank]).judged("2026-11").playbook
        #expect(run["consent-eroding"]?.streak == 10)
        #expect(
            run["consent-eroding"]?.message?.en
                == "Personalisation consent has fallen for 10 months in a row, to 59.0%: customers are withdrawing the trust personalisation needs"
        )
    }

    @Test func aSmallMoveIsNoWarningUnlessItLasts() throws {
        // The sales cycle lengthens 0.3 % (40 → 40.12 days): no warning.
        let once = SmallUnit.csv(from: "2026-09", ["sales_cycle_days": [40, 40.12]])
        #expect(try SmallUnit(files: ["c.csv": once]).judged("2026-10").playbook["sales-cycle-lengthening"]?.status == .ok)
        // It lengthens 11 % in a month: a warning.
        let jump = SmallUnit.csv(from: "2026-09", ["sales_cycle_days": [40, 44.4]])
        #expect(try SmallUnit(files: ["c.csv": jump]).judged("2026-10").playbook["sales-cycle-lengthening"]?.status == .amber)
        // Small moves three months in a row are a trend: a warning.
        let creep = SmallUnit.csv(from: "2026-07", ["sales_cycle_days": [40, 40.1, 40.2, 40.3]])
        let run = try SmallUnit(files: ["c.csv": creep]).judged("2026-10").playbook
        #expect(run["sales-cycle-lengthening"]?.status == .amber)
        #expect(run["sales-cycle-lengthening"]?.streak == 3)
    }

    @Test func theCommentaryReadsALongRiseAndAYear() throws {
        // CAC rises every month of 2026 a little (cost +10 a month, 10 customers), too little
        // for a monthly sentence: (1,120 / 10) / (1,110 / 10) − 1 = 0.9 %. A year ago (2025-12)
        // 1,000 / 10 = 100: 112 / 100 − 1 = 12 %, under 20 %. Twelve rises in a row are news.
        let cost: [Double] = (0...12).map { 1000 + Double($0) * 10 }
        let csv = SmallUnit.csv(
            from: "2025-12", ["spend": cost, "overhead": Array(repeating: 0, count: 13), "new_customers": Array(repeating: 10, count: 13)])
        let report = try SmallUnit(unitYAML: "headline: [cac]\n", files: ["c.csv": csv]).report("2026-12")
        #expect(report.commentary == ["CAC worsened: it has risen for 12 months in a row, to €112.00, 12.0% above a year ago."])
    }
}

/// §5.5, point by point.
@Suite struct OneVoicePointTests {
    /// Leads, customers and the CLV inputs for three months (2026-08 to 2026-10).
    static func business(leads: [Double] = [1000, 1000, 1000], customers: [Double] = [250, 250, 220]) -> String {
        SmallUnit.csv(
            from: "2026-08",
            [
                "leads": leads, "new_customers": customers, "spend": [1000, 1000, 1000], "overhead": [0, 0, 0],
                "revenue": [100_000, 100_000, 100_000], "gross_profit": [50000, 50000, 50000],
                "active_customers": [1000, 1000, 1000], "churned_customers": [20, 20, 20],
                "attributed_revenue": [3000, 3000, 3000], "marketing_budget": [1000, 1000, 1000],
            ])
    }

    @Test func oneAKPIStartsFromItsTargetStatus() throws {
        // CAC 1,000 / 220 = 4.55 against a target of 5 (lower is better): green; the one rule on
        // it that fires, `cac-rise-carried-by-clv` (CAC +13.6 %, CLV:CAC ≈ 550), agrees.
        let unit = SmallUnit(unitYAML: "targets: {cac: 5}\n", files: ["b.csv": Self.business()])
        let r = try #require(try unit.judged("2026-10").metrics[kpi: "cac"])
        #expect(r.targetStatus == .green)
        #expect(r.status == .green)
    }

    @Test func twoAWarningOnlyMakesItWorse() throws {
        // Lead-to-customer rate 25 % → 22 % (−3 pp, material) against a target of 20 %: green on
        // target, but `lead-conversion-falling` (amber) judges it: amber.
        let unit = SmallUnit(unitYAML: "targets: {lead_to_customer_rate: 0.2}\n", files: ["b.csv": Self.business()])
        let (pack, run) = try unit.judged("2026-10")
        #expect(run["lead-conversion-falling"]?.status == .amber)
        #expect(pack[kpi: "lead_to_customer_rate"]?.targetStatus == .green)
        #expect(pack[kpi: "lead_to_customer_rate"]?.status == .amber)
    }

    @Test func threeAStrengthOnAKPIWithoutTargetMakesItGreen() throws {
        // CLV: ARPA 100 × margin 0.5 × 60 / max(1, 0.02 × 60) = 3,000 / 1.2 = 2,500; CAC 4.55:
        // CLV:CAC ≈ 550, no target: `clv-to-cac-healthy` stands and the KPI takes green.
        let unit = SmallUnit(files: ["b.csv": Self.business()])
        let (pack, run) = try unit.judged("2026-10")
        #expect(run["clv-to-cac-healthy"]?.status == .green)
        #expect(pack[kpi: "clv_to_cac"]?.targetStatus == KPIStatus.none)
        #expect(pack[kpi: "clv_to_cac"]?.status == .green)
        // A target it misses sets the strength aside instead: a target of 600 (amber from 540).
        let missed = SmallUnit(unitYAML: "targets: {clv_to_cac: 600}\n", files: ["b.csv": Self.business()])
        let (pack2, run2) = try missed.judged("2026-10")
        #expect(pack2[kpi: "clv_to_cac"]?.status == .amber)
        #expect(run2["clv-to-cac-healthy"]?.status == .suppressed)
        #expect(run2["clv-to-cac-healthy"]?.suppressedBecause?.en == "CLV:CAC: watch")
        #expect(run2["cac-rise-carried-by-clv"]?.suppressedBecause?.it == "CLV:CAC: attenzione")
    }

    @Test func fourNoKPIIsJudgedBothWays() throws {
        // Every pack of the stalling-LVR unit: no KPI has a shown strength and a shown warning.
        let leads = SmallUnit.csv(from: "2026-07", ["qualified_leads": [100_000, 100_300, 100_601, 100_903, 90_000]])
        let model = try SmallUnit(sector: "tech", files: ["l.csv": leads]).model()
        for period in model.periods {
            let results = try #require(model.judged(period).playbook).results.filter { $0.isShown && $0.subject == nil }
            for kpi in Set(results.flatMap(\.kpis)) {
                let on = results.filter { $0.kpis.contains(kpi) }
                #expect(!(on.contains { $0.status == .green } && on.contains { $0.status != .green }), "\(kpi) in \(period)")
            }
        }
    }

    @Test func fourAQuartersBadMonthSilencesAStrengthOnTheSameKPI() throws {
        // Qualified leads by quarter: 330, 420, 510, 870: LVR positive three quarters running
        // (`lvr-growing`, a strength, on Q3). But within Q3 they fell in August (300 → 290) and
        // September (290 → 280): `lvr-plateau` fired in September, red. The quarter shows it,
        // the LVR tile is red, and the strength is set aside.
        let leads = SmallUnit.csv(
            from: "2025-10", ["qualified_leads": [100, 110, 120, 130, 140, 150, 160, 170, 180, 300, 290, 280]])
        let (pack, run) = try SmallUnit(files: ["l.csv": leads]).judged("2026-Q3")
        let plateau = try #require(run["lvr-plateau"])
        #expect(plateau.status == .red && plateau.onlyInMonths && plateau.months == [Month(year: 2026, month: 9)])
        #expect(pack[kpi: "lvr"]?.status == .red)
        #expect(run["lvr-growing"]?.status == .suppressed)
        #expect(run["lvr-growing"]?.suppressedBecause?.en == "Lead velocity rate: act now")
    }

    @Test func fiveNoAdviceToSpendMoreWhileTheBudgetIsRed() throws {
        // 1,300 spent against 1,000: 130 %, red (band 80–110 %, red beyond 121 %; and
        // `budget-overspent`). `clv-to-cac-healthy` asks for bolder spend: set aside.
        var csv = Self.business()
        csv = csv.replacingOccurrences(of: "2026-10,1000,220,1000", with: "2026-10,1000,220,1300")
        let (pack, run) = try SmallUnit(files: ["b.csv": csv]).judged("2026-10")
        #expect(pack[kpi: "budget_utilisation"]?.status == .red)
        let advice = try #require(run["clv-to-cac-healthy"])
        #expect(advice.status == .suppressed)
        #expect(advice.suppressedBecause?.en == "it asks for more budget; Budget utilisation: off target")
        #expect(advice.suppressedBecause?.it == "chiede più budget; Utilizzo del budget: fuori obiettivo")
    }
}

/// CLV from a year's churn, capped (SPEC §3.2), worked by hand.
@Suite struct SmoothedCLVTests {
    /// ARPA 50,000 / 1,000 = 50 a month, gross margin 0.4: 20 of margin a customer a month.
    static func unit(churned: [Double], extra: String = "") -> SmallUnit {
        let n = churned.count
        return SmallUnit(
            unitYAML: extra,
            files: [
                "b.csv": SmallUnit.csv(
                    [
                        "revenue": Array(repeating: 50000, count: n), "gross_profit": Array(repeating: 20000, count: n),
                        "active_customers": Array(repeating: 1000, count: n), "churned_customers": churned,
                    ])
            ])
    }

    @Test func atTheStartOfTheDataTheYearIsPartial() throws {
        // Churn: January n/a (no previous month), then 10, 20, 30 of 1,000: 1 %, 2 %, 3 %.
        // churn_rate_ttm in April = (0.01 + 0.02 + 0.03) / 3 = 0.02, from 3 months: partial.
        // CLV = 20 × 60 / max(1, 0.02 × 60) = 1,200 / 1.2 = 1,000 (= 20 / 0.02), partial too.
        let pack = try Self.unit(churned: [0, 10, 20, 30]).judged("2026-04").metrics
        let ttm = try #require(pack[kpi: "churn_rate_ttm"])
        #expect(abs(ttm.value! - 0.02) < 1e-12)
        #expect(ttm.partial)
        let clv = try #require(pack[kpi: "clv"])
        #expect(abs(clv.value! - 1000) < 1e-9)
        #expect(clv.partial)
    }

    @Test func aFullYearIsNotPartialAndOneMonthBarelyMovesIt() throws {
        // 13 months: churn 2 % every month, then 5 % in the thirteenth. The mean of the last
        // twelve monthly rates (February 2026 to January 2027) = (11 × 0.02 + 0.05) / 12 = 0.0225:
        // CLV = 1,200 / 1.35 = 888.89, where one month's churn would give 20 / 0.05 = 400.
        let churned = Array(repeating: 20.0, count: 12) + [50]
        let pack = try Self.unit(churned: churned).judged("2027-01").metrics
        let ttm = try #require(pack[kpi: "churn_rate_ttm"])
        #expect(abs(ttm.value! - 0.0225) < 1e-12)
        #expect(!ttm.partial)
        #expect(abs(pack[kpi: "clv"]!.value! - 1200 / 1.35) < 1e-9)
        #expect(abs(pack[kpi: "churn_rate"]!.value! - 0.05) < 1e-12)
    }

    @Test func noChurnTakesTheCap() throws {
        // No customer lost: churn_rate_ttm 0, lifetime capped at 60 months: CLV = 20 × 60 = 1,200.
        let pack = try Self.unit(churned: [0, 0, 0]).judged("2026-03").metrics
        #expect(pack[kpi: "churn_rate_ttm"]?.value == 0)
        #expect(pack[kpi: "clv"]?.value == 1200)
        // A unit's own cap: 36 months → 720.
        let short = try Self.unit(churned: [0, 0, 0], extra: "clv_lifetime_months: 36\n").judged("2026-03").metrics
        #expect(short[kpi: "clv"]?.value == 720)
    }

    @Test func aQuarterReadsItsMonths() throws {
        // Q1 2026: churn_rate_ttm at monthly grain over the months ending in March: January is
        // n/a, February 1 %, March 2 %: 0.015, partial. ARPA = 150,000 / 1,000 / 3 = 50; margin
        // 0.4; CLV = 20 × 60 / max(1, 0.015 × 60 = 0.9) = 1,200 (the cap).
        let pack = try Self.unit(churned: [0, 10, 20]).judged("2026-Q1").metrics
        #expect(abs(pack[kpi: "churn_rate_ttm"]!.value! - 0.015) < 1e-12)
        #expect(pack[kpi: "churn_rate_ttm"]!.partial)
        #expect(abs(pack[kpi: "clv"]!.value! - 1200) < 1e-9)
    }
}

/// `trailing`, `trailing_mean` and `streak` (SPEC §3.3), and a `prev` count per period.
@Suite struct TrailingFunctionTests {
    static let data = Fixture.file(
        measures: ["leads"],
        rows: (1...6).map { (Month(year: 2026, month: $0).description, [], [Double?(Double($0 * 10))]) })

    func value(_ formula: String, at period: String) throws -> MeasureValue {
        let dictionary = MetricDictionary(
            measures: MetricDictionary.builtInMeasures,
            kpis: [
                KPIDefinition(id: "x", label: LocalizedText(en: "x"), formula: formula, unit: .count, better: .higher, level: .performance)
            ])
        let engine = try Fixture.engine([Self.data], dictionary: dictionary)
        return engine.evaluator(for: Fixture.month("2026-06")).kpi("x", at: Period(parsing: period)!)
    }

    @Test func trailingSumsAndMeansMonthsWhateverThePeriod() throws {
        // Leads 10, 20, …, 60 in January to June. The three months ending in June: 40 + 50 + 60.
        #expect(try value("trailing(leads, 3)", at: "2026-06").value == 150)
        #expect(try value("trailing_mean(leads, 3)", at: "2026-06").value == 50)
        // In Q2 the window also ends in June, at monthly grain.
        #expect(try value("trailing(leads, 3)", at: "2026-Q2").value == 150)
        // Twelve months ending in June: only six have data: 210, partial.
        let year = try value("trailing(leads, 12)", at: "2026-06")
        #expect(year.value == 210 && year.partial)
        #expect(try value("trailing(leads, 2)", at: "2025-12").value == nil)
    }

    @Test func streakCountsThePeriodsInARow() throws {
        // Leads rise every month: in June the rise has held five times (February to June).
        #expect(try value("streak(change(leads) > 0)", at: "2026-06").value == 5)
        #expect(try value("streak(leads > 35)", at: "2026-06").value == 3)
        #expect(try value("streak(leads > 100)", at: "2026-06").value == 0)
        // A condition that is n/a in the period is n/a.
        #expect(try value("streak(change(leads) > 0)", at: "2026-01").value == nil)
    }

    @Test func prevCanCountMonthsInAQuarter() throws {
        // Six months back: in a month, prev(x, 6); in a quarter, two quarters back.
        #expect(try value("prev(leads, 6 / months)", at: "2026-06").value == nil)
        #expect(try value("prev(leads, 3 / months)", at: "2026-06").value == 30)
        #expect(try value("prev(leads, 3 / months)", at: "2026-Q2").value == 60)
        #expect(throws: FormulaError.self) { try FormulaParser.parse("prev(leads, leads / months)") }
    }
}
