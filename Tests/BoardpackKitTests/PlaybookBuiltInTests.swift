import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct PlaybookBuiltInTests {
    /// The rule ids each built-in must define (the list in the helper report).
    static let expectedRules: [PlaybookSector: [String]] = [
        .common: [
            "clv-to-cac-burning", "clv-to-cac-thin", "clv-to-cac-healthy", "cac-rise-carried-by-clv",
            "cac-rise-not-carried", "romi-negative", "romi-profit-centre", "lead-conversion-falling", "lvr-negative",
            "lvr-plateau", "lvr-growing", "sales-cycle-lengthening", "budget-overspent", "budget-underspent",
        ],
        .retail: [
            "qspv-below-standard", "qspv-pillar-weak", "qspv-network-inconsistent", "qspv-network-consistent",
            "qspv-network-declining", "local-share-low", "local-share-high", "same-store-sales-falling", "same-store-sales-soft",
            "store-sales-falling", "same-store-sales-growing",
        ],
        .tech: [
            "lvr-stalling", "cac-payback-slow", "cac-payback-too-slow", "cac-payback-fast", "activation-falling",
            "activation-declining", "advocate-share-low", "referral-strong", "advocates-growing",
        ],
        .luxury: [
            "full-price-critical", "full-price-slipping", "full-price-eroding", "full-price-strong", "scarcity-lost",
            "waitlist-shrinking", "desirability-strong", "repeat-rate-falling", "community-strong",
        ],
        .banking: [
            "consent-falling", "consent-eroding", "onboarding-drop-off", "onboarding-broken", "complaints-high",
            "complaints-critical", "nps-negative", "nps-strong", "digital-adoption-rising",
        ],
    ]

    static let expectedKPIs: [PlaybookSector: [String]] = [
        .common: [],
        .retail: ["qspv_index", "qspv_spread", "local_spend_share", "average_ticket", "same_store_sales_growth"],
        .tech: ["activation_rate", "trial_to_paid", "advocate_share", "referral_share"],
        .luxury: ["full_price_sell_through", "waitlist_cover", "repeat_rate", "community_reach"],
        .banking: ["digital_adoption", "products_per_customer", "onboarding_completion", "consent_rate", "complaints_per_10k", "nps"],
    ]

    /// Measures of SPEC §3.1 and §5.2 and KPIs of §3.2: what the dictionary will know.
    static let dictionaryIDs: Set<String> = [
        "spend", "impressions", "clicks", "sessions", "leads", "qualified_leads", "opportunities", "new_customers",
        "attributed_revenue", "revenue", "gross_profit", "overhead", "marketing_budget", "active_customers",
        "churned_customers", "sales_cycle_days", "quality_score", "service_score", "cleanliness_score", "value_score",
        "local_spend", "transactions", "net_sales", "net_sales_last_year", "trials", "activations", "paid_conversions",
        "community_members", "advocates", "referral_customers", "full_price_units", "units_sold", "waitlist",
        "allocations", "repeat_clients", "clients", "event_attendees", "customers", "digital_active", "products_held",
        "onboarding_started", "onboarding_completed", "consent_opt_ins", "complaints", "nps", "months", "streak",
        "marketing_cost", "cac", "paid_cac", "arpa", "gross_margin", "churn_rate", "clv", "clv_to_cac",
        "cac_payback_months", "romi", "media_romi", "lvr", "lead_to_customer_rate", "mql_rate", "cpl",
        "visit_to_lead_rate", "ctr", "cpc", "budget_utilisation", "marketing_cost_share",
    ]

    @Test(arguments: PlaybookSector.allCases)
    func builtInParsesAndCoversItsRules(sector: PlaybookSector) throws {
        let file = try PlaybookFile.parse(BuiltInPlaybook.yaml(for: sector), path: BuiltInPlaybook.path(for: sector)).get()
        #expect(file.sector == sector)
        #expect(file.rules.map(\.id) == Self.expectedRules[sector])
        #expect(file.kpis.map(\.id) == Self.expectedKPIs[sector])
    }

    @Test func registryLoadsBuiltInsWithoutDiagnostics() {
        let (registry, diagnostics) = PlaybookRegistry.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for sector in PlaybookSector.unitSectors {
            let playbook = registry.playbook(for: sector)
            #expect(playbook.rules.map(\.id) == Self.expectedRules[.common]! + Self.expectedRules[sector]!)
            #expect(playbook.kpis.map(\.id) == Self.expectedKPIs[sector])
        }
    }

    @Test(arguments: PlaybookSector.unitSectors)
    func textsAreBilingualAndPlaceholdersKnown(sector: PlaybookSector) {
        let playbook = PlaybookRegistry.load().0.playbook(for: sector)
        #expect(playbook.placeholderDiagnostics(knownIDs: Self.dictionaryIDs).isEmpty)
        for rule in playbook.rules {
            #expect(!rule.message.en.isEmpty && rule.message.it != rule.message.en, "\(rule.id) message")
            #expect(!rule.action.en.isEmpty && rule.action.it != rule.action.en, "\(rule.id) action")
            // Every rule states what it needs: at least one id of the dictionary or the playbook.
            #expect(!PlaybookMessage.placeholders(in: rule.message.en).isEmpty, "\(rule.id)")
        }
        for kpi in playbook.kpis {
            // Brand terms read the same in both languages.
            #expect(kpi.label.it != kpi.label.en || ["QSP&V", "Net Promoter"].contains { kpi.label.en.contains($0) }, "\(kpi.id) label")
            #expect(!kpi.definition.en.isEmpty && kpi.definition.it != kpi.definition.en, "\(kpi.id) definition")
        }
    }

    /// Every recorded position points at the text it claims: the line of the YAML source, from
    /// the recorded column on, starts with the `when` or formula text.
    @Test(arguments: PlaybookSector.allCases)
    func positionsPointAtTheirText(sector: PlaybookSector) {
        let lines = BuiltInPlaybook.yaml(for: sector).split(separator: "\n", omittingEmptySubsequences: false)
        func text(at location: BoardpackSupport.SourceLocation) -> Substring {
            Substring(lines[location.line - 1].unicodeScalars.dropFirst(location.column - 1))
        }
        let playbook = PlaybookRegistry.load().0.playbook(for: sector)
        for rule in playbook.rules where rule.sector == sector {
            #expect(rule.whenLocation.file == "<built-in>/\(sector.rawValue).yml")
            #expect(text(at: rule.whenLocation).hasPrefix(rule.when), "\(rule.id)")
            #expect(text(at: rule.messageLocations.it).hasPrefix(rule.message.it), "\(rule.id)")
        }
        for kpi in playbook.kpis {
            if let formula = kpi.formula { #expect(text(at: kpi.formulaLocation).hasPrefix(formula), "\(kpi.id)") }
        }
    }

    /// Every name a condition or formula uses is a dictionary id, a playbook KPI or a function
    /// of the formula language (syntax itself is the metrics parser's job).
    @Test(arguments: PlaybookSector.unitSectors)
    func conditionsNameKnownIDs(sector: PlaybookSector) {
        let playbook = PlaybookRegistry.load().0.playbook(for: sector)
        let words = Set(["and", "or", "not"] + FormulaFunction.allCases.map(\.rawValue))
        let known = Self.dictionaryIDs.union(playbook.kpis.map(\.id)).union(words)
        let texts = playbook.rules.map(\.when) + playbook.kpis.compactMap(\.formula)
        for text in texts {
            let names = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.filter { $0.first!.isLetter }
            for name in names { #expect(known.contains(String(name)), "`\(name)` in `\(text)`") }
        }
    }

    /// Every built-in rule judges at least one KPI (SPEC §5.1), and a rule on a move judges
    /// the KPI that moved.
    @Test(arguments: PlaybookSector.unitSectors)
    func everyBuiltInRuleJudgesAKPI(sector: PlaybookSector) throws {
        let (playbooks, diagnostics) = CompiledPlaybooks.load(contentFiles: [])
        #expect(diagnostics.isEmpty)
        var compiled = playbooks
        let dictionary = MetricDictionary.builtIn.adding(playbooks.sectorKPIs).0
        #expect(compiled.compile(with: try CompiledMetrics(dictionary)).isEmpty)
        let conditions = try #require(compiled.conditions[sector.rawValue])
        for rule in compiled.playbooks[sector.rawValue]!.rules {
            let judged = try #require(conditions[rule.id]).judges
            #expect(!judged.isEmpty, "\(rule.id) judges no KPI")
        }
        #expect(conditions["sales-cycle-lengthening"]?.judges == ["sales_cycle_days"])
        #expect(conditions["cac-rise-not-carried"]?.judges == ["cac"])
    }

    @Test func spreadIsANetworkKPI() {
        let retail = PlaybookRegistry.load().0.playbook(for: .retail)
        let spread = retail.kpis.first { $0.id == "qspv_spread" }
        #expect(spread?.formula == nil)
        #expect(spread?.network == NetworkAggregate(of: "qspv_index", across: "store", reduce: .spread))
    }
}
