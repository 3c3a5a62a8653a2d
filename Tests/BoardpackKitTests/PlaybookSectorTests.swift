import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Each sector's rules on small hand-made workspaces: a rule fires, does not fire, or
/// reports `na` when its inputs are missing.
@Suite struct PlaybookSectorTests {
    /// Runs the unit's playbook for `period` and returns rule id (+ subject) → status.
    func run(sector: String, dimensions: String = "[channel]", files: [String: String], period: String) throws -> [String: String] {
        var all: [String: String] = [
            "content/units/u/unit.yml": "name: U\nsector: \(sector)\ncurrency: EUR\nconfidentiality: Board\ndimensions: \(dimensions)\n"
        ]
        for (name, text) in files { all["content/units/u/data/\(name)"] = text }
        let fs = InMemoryFileSystem(all)
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: "content", fileSystem: fs)
        let ws = try #require(workspace, "\(diagnostics)")
        let prepare = Preparation()
        let (compiled, playbooks) = try prepare.validate(ws)
        let models = try prepare.compute(ws, compiled, playbooks).models
        let pack = try #require(Period(parsing: period))
        let result = try #require(
            PlaybookRun.run(playbooks, sector: sector, metrics: models[0].metrics, period: pack, locale: .enGB) { _, v in
                v.map { "\($0)" } ?? "n/a"
            })
        var statuses: [String: String] = [:]
        for r in result.results { statuses[r.ruleID + (r.subject.map { "@" + $0 } ?? "")] = r.status.rawValue }
        return statuses
    }

    @Test func retailQSPVNamesExactlyTheFailingStores() throws {
        // QSP&V index = mean of the four scores: store-1 (90+90+90+90)/4 = 90, store-2 (70+80+75+79)/4 = 76,
        // store-3 (80+80+80+79)/4 = 79.75, store-4 has no cleanliness score → n/a.
        let stores = """
            month,store,quality_score,service_score,cleanliness_score,value_score
            2026-10,store-1,90,90,90,90
            2026-10,store-2,70,80,75,79
            2026-10,store-3,80,80,80,79
            2026-10,store-4,85,85,,85

            """
        let s = try run(sector: "retail", dimensions: "[channel, store]", files: ["stores.csv": stores], period: "2026-10")
        #expect(s["qspv-below-standard@store-2"] == "red")
        #expect(s["qspv-below-standard@store-3"] == "red")
        #expect(s["qspv-below-standard@store-1"] == nil, "store-1 passes and is not named")
        #expect(s["qspv-below-standard@store-4"] == "na", "a missing score is insufficient data, never a pass")
        // Spread across the stores with an index: 90 − 76 = 14 ≤ 15 → the consistency rule does not fire.
        #expect(s["qspv-network-inconsistent"] == "ok")
        // No spend data at all: the budget rule lacks its inputs.
        #expect(s["budget-overspent"] == "na")
    }

    @Test func commonRulesFireOnClvToCacAndRomi() throws {
        // One month, one channel. marketing_cost = 1000 + 500 = 1500; cac = 1500 / 10 = 150.
        // arpa = 3000 / 100 / 1 = 30; gross_margin = 1500 / 3000 = 0.5; churn_rate needs prev(active) → n/a,
        // so clv and clv_to_cac are n/a. romi = (1000 × 0.5 − 1500) / 1500 = −0.667 → red.
        let channels = "month,channel,spend,leads,new_customers,attributed_revenue\n2026-10,search,1000,100,10,1000\n"
        let business = "month,revenue,gross_profit,overhead,active_customers,churned_customers\n2026-10,3000,1500,500,100,2\n"
        let s = try run(sector: "tech", files: ["channels.csv": channels, "business.csv": business], period: "2026-10")
        #expect(s["romi-negative"] == "red")
        #expect(s["clv-to-cac-burning"] == "na")
        #expect(s["clv-to-cac-healthy"] == "na")
    }

    @Test func techCacPaybackBands() throws {
        // cac = (1000 + 200) / 10 = 120; arpa = 2000 / 200 = 10; gross_margin = 0.5 → payback = 120 / 5 = 24 months > 18 → red.
        let channels = "month,channel,spend,new_customers\n2026-10,search,1000,10\n"
        let business = "month,revenue,gross_profit,overhead,active_customers\n2026-10,2000,1000,200,200\n"
        let s = try run(sector: "tech", files: ["channels.csv": channels, "business.csv": business], period: "2026-10")
        #expect(s["cac-payback-too-slow"] == "red")
        #expect(s["cac-payback-slow"] == "ok")
        #expect(s["cac-payback-fast"] == "ok")
    }

    @Test func luxuryFullPriceSellThrough() throws {
        // 65 / 100 = 0.65 < 0.70 → red; the amber band (0.70–0.80) does not fire.
        let luxury = "month,full_price_units,units_sold,waitlist,allocations\n2026-10,65,100,30,40\n"
        let s = try run(sector: "luxury", files: ["luxury.csv": luxury], period: "2026-10")
        #expect(s["full-price-critical"] == "red")
        #expect(s["full-price-slipping"] == "ok")
        // waitlist cover 30 / 40 = 0.75 < 1 → amber.
        #expect(s["scarcity-lost"] == "amber")
        // Three falling months need history: with one month the erosion rule lacks data.
        #expect(s["full-price-eroding"] == "na")
    }

    @Test func bankingConsentErosionNeedsThreeFalls() throws {
        // consent rate: 0.80, 0.78, 0.75, 0.74 → −2 pp, −3 pp (material), then −1 pp (not, but the
        // third fall in a row).
        let bank = """
            month,customers,consent_opt_ins,onboarding_started,onboarding_completed
            2026-07,1000,800,100,90
            2026-08,1000,780,100,90
            2026-09,1000,750,100,90
            2026-10,1000,740,100,60

            """
        let s = try run(sector: "banking", files: ["bank.csv": bank], period: "2026-10")
        #expect(s["consent-eroding"] == "red")
        #expect(s["consent-falling"] == "ok")
        // onboarding 60 / 100 = 0.6: in the 50–70 % band → amber, not red.
        #expect(s["onboarding-drop-off"] == "amber")
        #expect(s["onboarding-broken"] == "ok")
        // In September two falls are known, the last of 3 pp: amber, not red.
        let september = try run(sector: "banking", files: ["bank.csv": bank], period: "2026-09")
        #expect(september["consent-eroding"] == "ok")
        #expect(september["consent-falling"] == "amber")
    }
}

@Suite struct PlaybookContentErrorTests {
    @Test func anUnknownIdInAContentRuleIsAnErrorAtItsColumn() {
        let playbook = """
            sector: retail
            rules:
              - id: my-rule
                when: qspv_indx < 80
                status: red
                message: "Low {qspv_index}"
                action: Act

            """
        let files = TestWorkspace.files(extra: ["content/playbooks/mine.yml": playbook])
        let found = BoardpackCommands.check(contentPath: "content", templatesPath: "templates", fileSystem: InMemoryFileSystem(files))
        // `when:` is on line 4; its value starts at column 11.
        #expect(found.map(\.description) == ["content/playbooks/mine.yml:4:11: error: unknown id `qspv_indx`"], "\(found)")
        #expect(found.first?.hint == "did you mean `qspv_index`?")
    }
}
