import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// `metrics.json` written straight from a pack's figures (`PackMetricsJSON.bytes()`) against
/// the same document built as a `JSONValue` tree and rendered by the tree writer, byte for byte:
/// on every pack of the demo content and on generated packs with awkward keys and values.
@Suite struct PackJSONWriterTests {
    /// Both renderings of `document`, as bytes (`String` equality would let canonically
    /// equivalent spellings pass).
    static func renderings(_ document: PackMetricsJSON) -> (direct: [UInt8], tree: [UInt8]) {
        let direct = document.bytes()
        #expect(Array(document.render().utf8) == direct, "render() and bytes() differ")
        return (direct, Array(document.value.render().utf8))
    }

    /// Records an issue showing both texts when the renderings differ; returns whether they match.
    @discardableResult
    static func expectSame(_ document: PackMetricsJSON, _ what: String) -> Bool {
        let (direct, tree) = renderings(document)
        guard direct != tree else { return true }
        Issue.record(
            "\(what): the direct writer differs from the tree writer\n--- direct\n\(String(decoding: direct, as: UTF8.self))--- tree\n\(String(decoding: tree, as: UTF8.self))"
        )
        return false
    }

    @Test func demoPacksMatchTheTreeWriter() throws {
        let (loaded, diagnostics) = BoardpackCommands.load(contentPath: DemoOutputTests.repo + "/content")
        let workspace = try #require(loaded, "\(diagnostics)")
        let prepare = Preparation()
        let (compiled, playbooks) = try prepare.validate(workspace)
        let models = try prepare.compute(workspace, compiled, playbooks).models
        var packs = 0
        for model in models {
            let unit = UnitReport(model, rendering: model.periods, listed: model.periods)
            for period in model.periods {
                let report = PackReport(model, unit: unit, period: period, audience: .board, includeDrafts: false)
                let document = report.metrics.json(
                    audience: "board",
                    extra: [
                        "playbook": PackJSON.playbook(report.playbook, locale: unit.locale, quarterly: period.monthCount > 1),
                        "governance": PackJSON.governance(report.vote),
                    ])
                Self.expectSame(document, "\(model.unit.id) \(period)")
                packs += 1
            }
        }
        #expect(packs == 64)
    }

    /// Keys that escape, sort on their bytes, or compare equal as `String`s while their bytes
    /// differ (é precomposed and decomposed; K and KELVIN SIGN).
    static let names = [
        "cac", "cac_payback_months", "marketing_cost", "marketing_cost_share", "marketin", "q\"uote", "back\\slash",
        "tab\there", "line\nbreak", "nul\u{0}", "bell\u{7}", "unit\u{1f}", "é", "e\u{301}", "K", "\u{212A}", "ünïcödé",
        "€uro", "", "Z", "a", "schema", "kpis", "zzz",
    ]

    static let numbers: [Double?] = [
        nil, nil, 0, -0.0, 45, -3, 41.2, 0.0842, 1e-5, 1_234_567.5, 9_007_199_254_740_992, -9_007_199_254_740_991,
        18_014_398_509_481_984, .nan, .infinity, -.infinity, 0.1 + 0.2, -0.024367878705342957,
    ]

    static func name(_ rng: inout SplitMix) -> String { names[Int.random(in: 0..<names.count, using: &rng)] }

    static func number(_ rng: inout SplitMix) -> Double? {
        rng.next() % 3 == 0 ? Double.random(in: -1e6...1e6, using: &rng) : numbers[Int.random(in: 0..<numbers.count, using: &rng)]
    }

    /// A breakdown row: usually a copy of `template` filled in place, as the metrics engine builds
    /// rows; sometimes a dictionary of its own (other keys, other spellings, or empty). One-key
    /// rows are laid out alike whatever their key, so a row may follow one whose key is equal
    /// as a `String` but spelt otherwise.
    static func row(_ template: [String: Double?], _ rng: inout SplitMix) -> [String: Double?] {
        switch rng.next() % 7 {
        case 0: return [name(&rng): number(&rng)]
        case 1:
            var row: [String: Double?] = [:]
            for _ in 0..<Int.random(in: 0..<6, using: &rng) { row[name(&rng)] = number(&rng) }
            return row
        case 2:
            // The same ids inserted in another order: the same keys, laid out differently.
            var row: [String: Double?] = [:]
            for key in template.keys.shuffled(using: &rng) { row[key] = number(&rng) }
            return row
        default:
            var row = template
            for index in row.indices { row.values[index] = number(&rng) }
            return row
        }
    }

    static func pack(_ rng: inout SplitMix) -> PackMetrics {
        var kpis: [KPIResult] = []
        for _ in 0..<Int.random(in: 0..<12, using: &rng) {
            var k = KPIResult(
                id: name(&rng), current: MeasureValue(value: nil), previous: MeasureValue(value: nil),
                yearAgo: MeasureValue(value: nil), target: nil, tolerance: 0.1, better: .higher,
                formula: name(&rng) + " / " + name(&rng))
            k.value = number(&rng)
            k.previous = number(&rng)
            k.delta = number(&rng)
            k.change = number(&rng)
            k.yearAgo = number(&rng)
            k.yoyChange = number(&rng)
            switch rng.next() % 3 {
            case 0: k.target = number(&rng).map(TargetValue.point)
            case 1: k.target = .band(min: number(&rng) ?? 0, max: number(&rng) ?? 1)
            default: k.target = nil
            }
            k.status = [KPIStatus.green, .amber, .red, .none, .na][Int.random(in: 0..<5, using: &rng)]
            k.targetStatus = [KPIStatus.green, .amber, .red, .none, .na][Int.random(in: 0..<5, using: &rng)]
            k.partial = rng.next() & 1 == 0
            kpis.append(k)
        }
        var template: [String: Double?] = [:]
        for k in kpis { template[k.id] = .some(nil) }
        var breakdowns: [String: [String: [String: Double?]]] = [:]
        for _ in 0..<Int.random(in: 0..<4, using: &rng) {
            var byValue: [String: [String: Double?]] = [:]
            for _ in 0..<Int.random(in: 0..<8, using: &rng) { byValue[name(&rng) + name(&rng)] = row(template, &rng) }
            breakdowns[name(&rng)] = byValue
        }
        let period: Period = rng.next() & 1 == 0 ? .month(Month(year: 2026, month: 3)) : .quarter(year: 2025, quarter: 4)
        return PackMetrics(unit: name(&rng), period: period, kpis: kpis, breakdowns: breakdowns)
    }

    static func extra(_ rng: inout SplitMix) -> [String: any JSONWritable] {
        var extra: [String: any JSONWritable] = [:]
        if rng.next() & 1 == 0 {
            let results = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in
                var r = RuleResult(
                    ruleID: name(&rng), status: RuleResult.Status.allCases.randomElement(using: &rng)!,
                    subject: rng.next() & 1 == 0 ? nil : name(&rng),
                    message: rng.next() & 1 == 0 ? nil : PlaybookText(en: "CLV:CAC is 4.6×: " + name(&rng), it: "è " + name(&rng)))
                r.kpis = (0..<Int.random(in: 0..<3, using: &rng)).map { _ in name(&rng) }
                r.streak = rng.next() & 1 == 0 ? nil : Int.random(in: 0...24, using: &rng)
                r.months = (0..<Int.random(in: 0...3, using: &rng)).map { Month(year: 2026, month: 7 + $0) }
                return r
            }
            let run = rng.next() % 4 == 0 ? nil : PlaybookRun(results: results, networkValues: [:])
            extra["playbook"] = PackJSON.playbook(
                run, locale: rng.next() & 1 == 0 ? .enGB : .itIT, quarterly: rng.next() & 1 == 0)
        }
        if rng.next() & 1 == 0 {
            var votes: [LeadershipModel: Double] = [:]
            for model in LeadershipModel.allCases where rng.next() & 1 == 0 {
                votes[model] = [0.5, 1, 2.5][Int.random(in: 0..<3, using: &rng)]
            }
            extra["governance"] = PackJSON.governance(
                LeadershipVote(
                    factors: [], votes: votes, recommended: votes.keys.min(), tieBroken: false,
                    annualMarketingCost: number(&rng)))
        }
        // Plain trees, one of them under a key of the pack's own members, which wins.
        for _ in 0..<Int.random(in: 0..<3, using: &rng) {
            extra[name(&rng)] = JSONWriterTests.document(&rng, depth: 2)
        }
        return extra
    }

    @Test func generatedPacksMatchTheTreeWriter() {
        var rng = SplitMix(state: 97)
        for round in 0..<600 {
            let document = Self.pack(&rng).json(audience: Self.name(&rng), extra: Self.extra(&rng))
            guard Self.expectSame(document, "round \(round)") else { break }
        }
    }

    @Test func rowsWithEquivalentKeysKeepTheirOwnBytes() {
        // One-key rows whose keys are equal as `String`s but not as bytes, so that each row is
        // laid out like the one before: each is written with its own spelling, as the tree
        // writer writes it.
        let pack = PackMetrics(
            unit: "u", period: .month(Month(year: 2026, month: 1)), kpis: [],
            breakdowns: ["channel": ["a": ["K": 1], "b": ["\u{212A}": 2], "c": ["é": 3], "d": ["e\u{301}": 4], "e": ["é": 5]]])
        Self.expectSame(pack.json(audience: "board"), "equivalent keys")
        let direct = Array(pack.json(audience: "board").render().utf8)
        for line in ["\"K\": 1", "\"\u{212A}\": 2", "\"é\": 3", "\"e\u{301}\": 4", "\"é\": 5"] {
            #expect(direct.firstRange(of: Array(line.utf8)) != nil, "\(line)")
        }
    }
}
