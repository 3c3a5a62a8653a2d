import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The pack page's fast paths against the ones they replace: the page kept as bytes against the
/// page as a string, and what a unit's packs share against the same figures computed pack by
/// pack.
@Suite struct PackShellTests {
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
