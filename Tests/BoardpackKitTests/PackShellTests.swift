import Mustache
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport
@testable import BoardpackMarkdown

/// The pack page's fast paths against the ones they replace: the shell prepared once per build
/// against a Mustache render per pack, the page kept as bytes against the page as a string, and
/// what a unit's packs share against the same figures computed pack by pack.
@Suite struct PackShellTests {
    typealias Key = PackPage.ShellContext.Key

    /// A shell context whose string keys all take `value(key)`.
    func context(draft: Bool, _ value: (Key) -> String) -> PackPage.ShellContext {
        PackPage.ShellContext(
            lang: value(.lang), style: value(.style), csp: value(.csp), root: value(.root), siteTitle: value(.siteTitle),
            unitName: value(.unitName), packTitle: value(.packTitle), periodLabel: value(.periodLabel),
            preparedBy: value(.preparedBy), preparedByLabel: value(.preparedByLabel), audienceLabel: value(.audienceLabel),
            audience: value(.audience), confidentiality: value(.confidentiality), generatedOn: value(.generatedOn),
            generatedOnLabel: value(.generatedOnLabel), draft: draft, draftLabel: value(.draftLabel),
            draftNotice: value(.draftNotice), contentsLabel: value(.contentsLabel), toc: value(.toc),
            sections: [PackPage.Section(id: "summary", title: "Summary", html: HTMLBuffer("<p>one</p>"))])
    }

    /// Values that escaping treats differently: plain, the five characters, a quote carrying a
    /// combining mark (one character for Mustache, two for a byte-level escaper), CRLF, emoji.
    static let texts = [
        "Acme Foods", "R&D <spend> \"q\" 'a'", "Qualità & Servizio", "\"\u{301}quoted\u{301}\" &\u{308}", "line\r\nnext",
        "👩‍💼 <b>", "",
    ]

    /// Pack templates that only write values and open sections on them.
    static var simpleTemplates: [String] {
        [
            try! String(contentsOfFile: TestWorkspace.templatesDir + "/pack.mustache", encoding: .utf8),
            "{{#prepared_by}}by {{prepared_by}}{{/prepared_by}}{{^confidentiality}}none{{/confidentiality}}|{{&unit_name}}|"
                + "{{{ unit_name }}}|{{ unit_name }}\n  {{! a comment }}\n{{#draft}}\n  D {{draft}} {{{draft}}}\n{{/draft}}\n"
                + "{{^draft}}N{{/draft}}\n{{main}}|{{{main}}}|{{toc}}\n",
            "<title>{{period_label}}</title>\n  {{#unit_name}}\n  {{unit_name}}\n  {{/unit_name}}\n{{{style}}}{{csp}}",
            "",
        ]
    }

    @Test func preparedShellRendersAsMustache() throws {
        for (t, source) in Self.simpleTemplates.enumerated() {
            var library = MustacheLibrary()
            try library.register(source, named: "pack")
            let shell = try #require(PackShellTemplate(source: source, library: library), "template \(t)")
            for (i, text) in Self.texts.enumerated() {
                for draft in [false, true] {
                    // Every key a different text, so a value in the wrong place shows.
                    let ctx = context(draft: draft) { key in
                        text.isEmpty ? "" : "\(Self.texts[(i + Key.allCases.firstIndex(of: key)!) % Self.texts.count])\(key)"
                    }
                    let expected = library.render(ctx.dictionary, withTemplate: "pack")
                    #expect(library.render(ctx, withTemplate: "pack") == expected)
                    if let bytes = shell.render(ctx) {
                        #expect(String(decoding: bytes, as: UTF8.self) == expected, "template \(t), text \(i), draft \(draft)")
                    } else {
                        #expect(shell.sectionKeys.contains { ctx[$0].isEmpty })
                    }
                }
            }
        }
    }

    @Test func templatesUsingMoreOfMustacheAreRenderedByIt() throws {
        let sources = [
            "{{> other}}", "{{unit.name}}", "{{uppercased(unit_name)}}", "{{#sections}}{{title}}{{/sections}}", "{{.}}",
            "{{=<% %>=}}<% unit_name %>", "{{unknown}}", "{{ #unit_name}}x{{/unit_name}}", "{{%CONTENT_TYPE:TEXT}}",
            "{{$block}}x{{/block}}", "text \u{E000}0&\u{E001}", "{{unit_name}",
        ]
        for source in sources {
            var library = MustacheLibrary()
            library.register(try MustacheTemplate(string: "partial"), named: "other")
            if let template = try? MustacheTemplate(string: source) { library.register(template, named: "pack") }
            #expect(PackShellTemplate(source: source, library: library) == nil, "\(source)")
        }
    }

    @Test func valuesAreEscapedAsMustacheEscapesThem() throws {
        let library = try MustacheLibrary(templates: ["x": MustacheTemplate(string: "{{x}}")])
        for text in Self.texts + ["<\u{338}", "a\"\u{200D}b", "&amp;"] {
            var bytes: [UInt8] = []
            PackShellTemplate.appendMustacheEscaped(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == library.render(["x": text], withTemplate: "x"))
        }
    }

    @Test func siteBuiltWithThePreparedShellEqualsTheMustacheOne() throws {
        let notes = [
            "a.md": TestWorkspace.note("Plan", body: "Hello **board**."),
            "b.md": TestWorkspace.note("Draft idea", period: "2026-09", draft: true, body: "Not final."),
        ]
        let options = BuildOptions(includeDrafts: true)
        let fs = InMemoryFileSystem(TestWorkspace.files(notes: notes))
        let workspace = try #require(BoardpackCommands.load(contentPath: options.contentPath, fileSystem: fs).0)
        guard case let .success(templates) = TemplateSet.load(from: options.templatesPath, fileSystem: fs) else {
            Issue.record("templates")
            return
        }
        #expect(templates.packShell != nil)
        var mustache = templates
        mustache.library = templates.library  // drops the prepared shell
        #expect(mustache.packShell == nil)
        let fast = try SiteBuilder(options: options, templates: templates).build(workspace).site
        let slow = try SiteBuilder(options: options, templates: mustache).build(workspace).site
        #expect(fast == slow)
        #expect(fast.text("acme/2026-09/index.html")?.contains("is-draft") == true)
    }

    @Test func splicedBytesEqualTheStringReplacement() {
        let sections = [
            PackPage.Section(id: "summary", title: "Résumé & co", html: HTMLBuffer("<p>one €</p>")),
            PackPage.Section(id: "appendix", title: "Q&A", html: HTMLBuffer("<p>two</p>")),
        ]
        let marker = PackPage.mainMarker
        let main = sections.enumerated().map { i, s in
            "\(i > 0 ? "\n" : "")<section id=\"\(escapeHTML(s.id))\" class=\"pack-section\">\n<h2>\(escapeHTML(s.title))</h2>\n"
                + s.html.string + "\n</section>"
        }.joined()
        for shell in ["<main>\n\(marker)\n</main>", "\(marker)|\(marker)", "<main></main>", "é\(marker)", ""] {
            let expected = shell.replacingOccurrences(of: marker, with: main)
            #expect(String(decoding: PackPage.splice(sections, into: shell), as: UTF8.self) == expected)
            #expect(PackPage.splice(sections, into: Array(shell.utf8)) == Array(expected.utf8))
        }
    }

    @Test func unitDataEqualsWhatEachPackComputed() throws {
        let fs = InMemoryFileSystem(TestWorkspace.files())
        let workspace = try #require(BoardpackCommands.load(contentPath: "content", fileSystem: fs).0)
        let prepare = Preparation()
        let (compiled, playbooks) = try prepare.validate(workspace)
        let model = try #require(try prepare.compute(workspace, compiled, playbooks).models.first)
        let unit = UnitReport(model, rendering: model.periods, listed: model.periods)
        let shared = UnitRenderData(unit)
        let metrics = model.metrics
        let format = ValueFormat.currency(model.unit.config.currency)
        #expect(shared.channels == ["search", "social"])
        #expect(shared.channelNames == ["Search", "Social"])
        for period in model.periods {
            for (c, name) in shared.channels.enumerated() {
                let slice = try #require(metrics.data.slice("channel", name))
                let series = metrics.measureSeries("spend", endingAt: period, count: ChannelsSection.periods, slice: slice)
                for (k, point) in series.enumerated() {
                    let cell = shared.spend(at: period.advanced(by: k - (ChannelsSection.periods - 1)))
                    #expect(cell.values[c] == point.value)
                    #expect(cell.texts[c] == format.format(point.value, locale: model.locale))
                }
            }
            for id in model.unit.config.headline {
                let trend = try #require(shared.trend(id, endingAt: period, count: PackContext.trendPeriods))
                let format = unit.valueFormat(id)
                for (point, expected) in zip(trend, metrics.series(id, endingAt: period, count: PackContext.trendPeriods)) {
                    #expect(point.period == expected.period && point.value == expected.value)
                    #expect(point.text == format.format(expected.value, locale: model.locale))
                }
            }
            #expect(shared.shortLabel(period) == PackFormatter(locale: model.locale).period(period, short: true))
        }
        // A period outside every pack's window was not computed: no spend, no trend.
        let early = try #require(Period(parsing: "2020-01"))
        #expect(shared.spend(at: early).values == [nil, nil])
        let missing = shared.trend(model.unit.config.headline[0], endingAt: early, count: PackContext.trendPeriods) == nil
        #expect(missing)
    }

    @Test func numericAttributesAreWrittenAsNumberWritesThem() {
        let values: [Double] = [0, -0.04, 0.05, 12.25, -12.35, 40, 1e12, 1.5e13, -7.95, 9.95, 123_456.789, .nan, .infinity]
        for v in values {
            var svg = SVGBuilder()
            svg.circle(v, -v, v / 3, "dot")
            let n = SVGBuilder.number
            #expect(svg.markup == "<circle cx=\"\(n(v))\" cy=\"\(n(-v))\" r=\"\(n(v / 3))\" class=\"dot\"/>\n")
        }
    }
}
