import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Names that come from `metrics.yml` reach the page as text, never as markup.
@Suite struct MarkupInjectionTests {
    /// A KPI whose id, label and definition each try to close an attribute and open an element.
    static let metricsYAML = """
        kpis:
          'a"><b>x</b>':
            label: 'Label<b>y</b>'
            definition: 'Definition<b>z</b>'
            formula: spend / leads
            unit: currency
            better: lower
            level: performance
        """

    @Test func kpiIdLabelAndDefinitionAreEscapedOnThePage() throws {
        var files = TestWorkspace.files(extra: ["content/metrics.yml": Self.metricsYAML])
        files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML + "\nheadline: [cac, 'a\"><b>x</b>']\n"
        let site = try TestWorkspace.build(files)
        let page = try #require(site.text("acme/2026-10/index.html"))
        // The id shows (escaped) where the page names it: it was read and rendered.
        #expect(page.contains("a&quot;&gt;&lt;b&gt;x&lt;/b&gt;"))
        for markup in ["<b>x</b>", "<b>y</b>", "<b>z</b>"] {
            #expect(!page.contains(markup), "\(markup) reached the page as markup")
        }
        for path in site.files.keys.sorted() where path.hasSuffix(".html") {
            let html = try #require(site.text(path))
            #expect(!html.contains("<b>x</b>"), "\(path)")
        }
    }
}
