import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// `YAMLFile` composes with Yams' basic resolver when the text allows it: the results and
/// the diagnostics are those of the default resolver.
@Suite struct YAMLResolverTests {
    static let units = [
        "name: Aurora\nsector: retail\ncurrency: EUR\nlocale: en-GB\ntargets:\n  cpl: 4\n  ctr: 0.015\ntolerance: 0.10\ndimensions: [channel]\n",
        "name: A\nsector: tech\ntargets:\n  cac:\n    - from: 2026-01\n      value: 1_000\n    - {from: \"2026-06\", value: 1.5e2}\n",
        "name: A\nsector: banking\ntolerance: 1:30\nheadline: [cac, romi]\ngovernance:\n  digital_maturity: high\n",
        "name: A\nsector: retail\ntolerance: .inf\ncsv_delimiter: \";\"\ncsv_decimal: comma\n",
        "name: A\nsector: retial\ncurrency: euro\ntolerance: -1\ncsv_decimal: comma\n",
        "name: [A\nsector: retail\n", "name: A\nname: B\nsector: retail\n", "name: A\n1: x\ntrue: y\nnull: z\nsector: luxury\n",
        "name: ~\nsector: retail\nlocale: null\nprepared_by:\n", "name: A\nsector: retail\ntargets: 5\n",
        "name: A\nsector: retail\ntargets:\n  cac: [1, 2]\n", "name: A\nsector: retail\ngovernance: {org_complexity: huge}\n",
        "- name: A\n", "name: A\nsector: retail\nprepared_by: x < y = z\n",
        "name: A\nsector: retail\n# a comment\ndimensions:\n  - store\n  - region\n",
    ]

    func rendered<T>(_ result: Result<T, DiagnosticsError>) -> [String] {
        if case let .failure(e) = result { return e.diagnostics.map(\.description) }
        return []
    }

    @Test func basicResolverDecodesAsTheDefaultOne() throws {
        for yaml in Self.units {
            // Texts that do not compose are left to the default resolver (to report).
            #expect((try? YAMLFile.compose(yaml).usedBasic) != false, "\(yaml)")
            let fast = YAMLFile.decodeNode(UnitConfig.self, from: yaml, path: "unit.yml", lineOffset: 0, basicResolver: true)
            let slow = YAMLFile.decodeNode(UnitConfig.self, from: yaml, path: "unit.yml", lineOffset: 0, basicResolver: false)
            #expect((try? fast.get()) == (try? slow.get()), "\(yaml)")
            #expect(rendered(fast) == rendered(slow), "\(yaml)")
            let note = YAMLFile.decodeNode(NoteFrontMatter.self, from: yaml, path: "n.md", lineOffset: 1, basicResolver: true)
            let noteDefault = YAMLFile.decodeNode(NoteFrontMatter.self, from: yaml, path: "n.md", lineOffset: 1, basicResolver: false)
            #expect(rendered(note) == rendered(noteDefault), "\(yaml)")
        }
    }

    @Test func frontMattersDecodeAlikeUnderBothResolvers() {
        let base = "title: T\nperiod: 2026-10\nsection: risks\n"
        for yaml in [
            base + "draft: yes\norder: 010", base + "draft: \"true\"", base + "draft: TRUE\nauthor: ~", base + "order: 1_0",
            base + "audience: null", base + "audience: nobody\norder: x", "title: T\nperiod: 2026-13\nsection: x\n",
            base + "draft: 1", base + "author: [a]",
        ] {
            #expect((try? YAMLFile.compose(yaml).usedBasic) == true, "\(yaml)")
            let fast = YAMLFile.decodeNode(NoteFrontMatter.self, from: yaml, path: "n.md", lineOffset: 1, basicResolver: true)
            let slow = YAMLFile.decodeNode(NoteFrontMatter.self, from: yaml, path: "n.md", lineOffset: 1, basicResolver: false)
            #expect(rendered(fast) == rendered(slow), "\(yaml)")
            if let a = try? fast.get(), let b = try? slow.get() {
                #expect(a.draft == b.draft && a.order == b.order && a.author == b.author && a.audience == b.audience, "\(yaml)")
            } else {
                #expect((try? fast.get()) == nil && (try? slow.get()) == nil, "\(yaml)")
            }
        }
    }

    @Test func builtInPlaybooksDecodeAlikeUnderBothResolvers() throws {
        for source in BuiltInPlaybook.sources {
            #expect((try? YAMLFile.compose(source.text).usedBasic) == true, "\(source.path)")
            typealias Document = PlaybookFile.Document
            let fast = try YAMLFile.decodeNode(Document.self, from: source.text, path: source.path, lineOffset: 0, basicResolver: true)
                .get()
            let slow = try YAMLFile.decodeNode(Document.self, from: source.text, path: source.path, lineOffset: 0, basicResolver: false)
                .get()
            #expect(fast.sector == slow.sector && fast.kpis == slow.kpis && fast.rules == slow.rules, "\(source.path)")
        }
    }

    @Test func textsTheBasicResolverWouldReadOtherwiseKeepTheDefault() {
        for yaml in [
            "base: &b {name: A}\n<<: *b\nsector: retail\n", "name: !!str 5\nsector: retail\n", "=: x\nname: A\n",
            "name: A\ntargets:\n  - {<<: {a: 1}}\n", "name: A\nsub:\n  =: 1\n",
        ] {
            #expect((try? YAMLFile.compose(yaml).usedBasic) == false, "\(yaml)")
        }
    }
}
