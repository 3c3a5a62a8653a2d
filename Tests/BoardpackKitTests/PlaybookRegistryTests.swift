import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct PlaybookRegistryTests {
    static func load(_ files: [(String, String)]) -> (PlaybookRegistry, [Diagnostic]) {
        PlaybookRegistry.load(contentFiles: files.map { TextFile(path: $0.0, text: $0.1) })
    }

    @Test func contentOverridesACommonRuleByID() throws {
        let (registry, diagnostics) = Self.load([
            (
                "content/playbooks/house.yml",
                "sector: common\nrules:\n  - id: clv-to-cac-thin\n    when: clv_to_cac >= 1 and clv_to_cac < 4\n"
            )
        ])
        #expect(diagnostics.isEmpty)
        let rules = registry.playbook(for: .tech).rules
        let index = try #require(rules.firstIndex { $0.id == "clv-to-cac-thin" })
        #expect(index == 1)  // keeps its place after clv-to-cac-burning
        let rule = rules[index]
        #expect(rule.when == "clv_to_cac >= 1 and clv_to_cac < 4")
        // Line 4 "    when: …" → column 11 of the content file.
        #expect(rule.whenLocation == BoardpackSupport.SourceLocation(file: "content/playbooks/house.yml", line: 4, column: 11))
        #expect(rule.status == .amber)  // untouched fields stay
        #expect(rule.action.en.hasPrefix("Shift budget"))
        #expect(rules.filter { $0.id == "clv-to-cac-thin" }.count == 1)
    }

    @Test func sectorFileOverridesCommonRuleForThatSectorOnly() throws {
        let (registry, diagnostics) = Self.load([
            ("content/playbooks/retail.yml", "sector: retail\nrules:\n  - id: romi-negative\n    status: amber\n")
        ])
        #expect(diagnostics.isEmpty)
        let retail = registry.playbook(for: .retail).rules
        #expect(retail.first { $0.id == "romi-negative" }?.status == .amber)
        #expect(retail.filter { $0.id == "romi-negative" }.count == 1)
        #expect(retail.firstIndex { $0.id == "romi-negative" } == 5)  // still in its common slot
        #expect(registry.playbook(for: .banking).rules.first { $0.id == "romi-negative" }?.status == .red)
    }

    @Test func contentAddsRulesAndKPIs() throws {
        let yaml = """
            sector: retail
            kpis:
              drive_thru_share:
                label: {en: Drive-thru share, it: Quota drive-thru}
                formula: drive_thru_sales / net_sales
                unit: ratio
                better: higher
                level: operational
              qspv_index: {level: strategic}
            rules:
              - id: drive-thru-low
                when: drive_thru_share < 30%
                status: amber
                message: "Drive-thru is {drive_thru_share} of sales"
                action: {en: Review the drive-thru lanes, it: Rivedere le corsie drive-thru}
            """
        let (registry, diagnostics) = Self.load([("content/playbooks/retail.yml", yaml)])
        #expect(diagnostics.isEmpty)
        let retail = registry.playbook(for: .retail)
        #expect(retail.rules.last?.id == "drive-thru-low")
        #expect(retail.rules.last?.message.it == "Drive-thru is {drive_thru_share} of sales")
        #expect(retail.kpis.last?.id == "drive_thru_share")
        let qspv = retail.kpis.first { $0.id == "qspv_index" }
        #expect(qspv?.level == .strategic)
        #expect(qspv?.formula == "(quality_score + service_score + cleanliness_score + value_score) / 4")
    }

    @Test func incompleteNewRuleAndKPIArePositioned() {
        let yaml = "sector: tech\nkpis:\n  new_kpi: {unit: ratio}\nrules:\n  - id: brand-new\n    when: lvr < 0\n"
        let (_, diagnostics) = Self.load([("content/playbooks/t.yml", yaml)])
        #expect(
            diagnostics.map(\.message) == [
                "new KPI `new_kpi` needs `formula`, `better`, `level`",
                "new rule `brand-new` needs `status`, `message`, `action`",
            ])
        // `new_kpi` key at line 3, column 3; the rule id value at line 5, column 9.
        #expect(
            diagnostics.map(\.location) == [
                BoardpackSupport.SourceLocation(file: "content/playbooks/t.yml", line: 3, column: 3),
                BoardpackSupport.SourceLocation(file: "content/playbooks/t.yml", line: 5, column: 9),
            ])
    }

    @Test func laterContentFileWins() {
        let (registry, _) = Self.load([
            ("content/playbooks/a.yml", "sector: tech\nrules:\n  - id: cac-payback-slow\n    when: cac_payback_months > 10\n"),
            ("content/playbooks/b.yml", "sector: tech\nrules:\n  - id: cac-payback-slow\n    when: cac_payback_months > 9\n"),
        ])
        #expect(registry.playbook(for: .tech).rules.first { $0.id == "cac-payback-slow" }?.when == "cac_payback_months > 9")
        #expect(registry.playbook(forSector: "tech") != nil)
        #expect(registry.playbook(forSector: "fashion") == nil)
    }
}
