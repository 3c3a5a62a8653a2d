import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct PlaybookDecodingTests {
    static func parse(_ yaml: String, path: String = "content/playbooks/x.yml") -> Result<PlaybookFile, DiagnosticsError> {
        PlaybookFile.parse(yaml, path: path)
    }

    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        if case .failure(let error) = parse(yaml) { return error.diagnostics }
        return []
    }

    @Test func decodesRuleWithPositions() throws {
        let yaml = """
            sector: retail
            rules:
              - id: qspv-below-standard
                for_each: store
                when: qspv_index < 80
                status: red
                message: {en: "{store}: QSP&V {qspv_index}", it: "{store}: QSP&V a {qspv_index}"}
                action: Send the area manager
            """
        let file = try Self.parse(yaml).get()
        #expect(file.sector == .retail)
        let rule = try #require(file.rules.first)
        #expect(rule.id == "qspv-below-standard")
        #expect(rule.forEach == "store")
        #expect(rule.when == "qspv_index < 80")
        #expect(rule.status == .red)
        // Line 3 is "  - id: qspv-below-standard": the id value starts at column 9 (2 spaces, "- ", "id: ").
        #expect(rule.idLocation == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 3, column: 9))
        // Line 5 is "    when: qspv_index < 80": 4 spaces + "when: " (6) → column 11.
        #expect(rule.whenLocation == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 5, column: 11))
        // Line 7: 4 spaces + "message: {en: " (14) → the quote at 19, the text at 20.
        #expect(rule.messageLocations?.en.column == 20)
        // The en text is 27 scalars (7 + 2 + 5 + 1 + 12), columns 20–46; closing quote 47, ", " 48–49,
        // "it: " 50–53, quote 54 → the it text at 55.
        #expect(rule.messageLocations?.it.column == 55)
        // A plain string is used for both languages.
        #expect(rule.action == PlaybookText(en: "Send the area manager", it: "Send the area manager"))
    }

    @Test func quotedWhenStartsAfterTheQuote() throws {
        let yaml = """
            sector: tech
            rules:
              - id: q
                when: "lvr < 0"
            """
        let rule = try #require(try Self.parse(yaml).get().rules.first)
        // 4 spaces + `when: ` → the quote at column 11, the text at 12.
        #expect(rule.whenLocation == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 4, column: 12))
    }

    @Test func kpiFormulaPositionAndFileOrder() throws {
        let yaml = """
            sector: tech
            kpis:
              zeta_rate: {formula: a / b, unit: ratio, better: higher, level: performance}
              alpha_rate:
                formula: c / d
                unit: ratio
            """
        let file = try Self.parse(yaml).get()
        #expect(file.kpis.map(\.id) == ["zeta_rate", "alpha_rate"])
        // Line 3: 2 spaces + "zeta_rate: {formula: " (21) → column 24.
        #expect(file.kpis[0].formulaLocation == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 3, column: 24))
        // Line 5: 4 spaces + "formula: " (9) → column 14.
        #expect(file.kpis[1].formulaLocation == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 5, column: 14))
        #expect(file.kpis[0].unit == .ratio)
        #expect(file.kpis[1].level == nil)
    }

    @Test func yamlSyntaxErrorIsPositioned() {
        let yaml = """
            sector: retail
            rules:
              - id: bad
                when: a: b
            """
        let d = Self.diagnostics(yaml)
        #expect(d.count == 1)
        // The second `: ` on line 4 ("    when: a: b") is at column 12: libyaml refuses a mapping there.
        #expect(d.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 4, column: 12))
        #expect(d.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func unknownStatusIsPositionedAtTheValue() {
        let yaml = """
            sector: retail
            rules:
              - id: a
                when: x < 1
                status: purple
            """
        let d = Self.diagnostics(yaml)
        #expect(d.count == 1)
        // Line 5: 4 spaces + "status: " (8) → `purple` at column 13.
        #expect(d.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 5, column: 13))
        #expect(d.first?.message == "unknown status `purple` (expected red, amber or green)")
    }

    @Test func unknownSectorAndUnitArePositioned() {
        let sector = Self.diagnostics("sector: fashion\n")
        // "sector: " is 8 characters → the value at column 9 of line 1.
        #expect(sector.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 1, column: 9))
        #expect(sector.first?.message == "unknown sector `fashion` (expected common, retail, tech, luxury or banking)")
        let unit = Self.diagnostics("sector: tech\nkpis:\n  k:\n    unit: percent\n")
        // Line 4: 4 spaces + "unit: " (6) → column 11.
        #expect(unit.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 4, column: 11))
    }

    @Test func duplicateRuleIdIsPositionedAtTheSecond() {
        let yaml = """
            sector: tech
            rules:
              - id: twice
                when: lvr < 0
                status: red
                message: m
                action: a
              - id: twice
                when: lvr < 1
            """
        let d = Self.diagnostics(yaml)
        #expect(d.count == 1)
        // Line 8 "  - id: twice": the value at column 9; the first one is on line 3, column 9.
        #expect(d.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 8, column: 9))
        #expect(d.first?.message == "duplicate rule id `twice` (first defined at content/playbooks/x.yml:3:9)")
    }

    @Test func unknownKeyIsPositionedAtTheKey() {
        let yaml = "sector: tech\nrules:\n  - id: a\n    wehn: lvr < 0\n"
        let d = Self.diagnostics(yaml)
        // Line 4: 4 spaces → the key at column 5.
        #expect(d.map(\.location) == [BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 4, column: 5)])
        #expect(d.first?.message == "unknown key `wehn` in a rule")
    }

    @Test func badRuleIdIsRejected() {
        let d = Self.diagnostics("sector: tech\nrules:\n  - id: Bad_Id\n")
        // Line 3 "  - id: Bad_Id" → column 9.
        #expect(d.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 3, column: 9))
    }

    @Test func networkAggregateReduces() throws {
        let spread = NetworkAggregate(of: "qspv_index", across: "store", reduce: .spread)
        // Stores at 82, n/a, 67, 90: 90 − 67 = 23; the n/a store is left out.
        #expect(spread.reduce([82, nil, 67, 90]) == 23)
        #expect(spread.reduce([82, nil]) == nil)
        #expect(NetworkAggregate(of: "x", across: "store", reduce: .min).reduce([82, 67]) == 67)
        let bad = Self.diagnostics("sector: retail\nkpis:\n  s:\n    network: {of: q, across: store, reduce: median}\n")
        // Line 4: 4 spaces + "network: {of: q, across: store, reduce: " (40) → column 45.
        #expect(bad.first?.location == BoardpackSupport.SourceLocation(file: "content/playbooks/x.yml", line: 4, column: 45))
    }
}
