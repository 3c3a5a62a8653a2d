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
    /// A KPI whose label and definition each try to close an attribute and open an element (an
    /// id cannot: ids are `[a-z][a-z0-9_]*`, see `idThatIsMarkupIsRefused`).
    static let metricsYAML = """
        kpis:
          ax:
            label: 'Label<b>y</b>'
            definition: 'Definition<b>z</b>'
            formula: spend / leads
            unit: currency
            better: lower
            level: performance
        """

    @Test func idThatIsMarkupIsRefused() throws {
        let files = TestWorkspace.files(extra: ["content/metrics.yml": "kpis:\n  'a\"><b>x</b>': {formula: spend}\n"])
        let (workspace, found) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(files))
        #expect(workspace == nil && found.contains { $0.message.contains("KPI id `a\"><b>x</b>` must be lowercase letters") })
    }

    @Test func kpiLabelAndDefinitionAreEscapedOnThePage() throws {
        var files = TestWorkspace.files(extra: ["content/metrics.yml": Self.metricsYAML])
        files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML + "\nheadline: [cac, ax]\n"
        let site = try TestWorkspace.build(files)
        let page = try #require(site.text("acme/2026-10/index.html"))
        // The KPI shows where the page names it: it was read and rendered.
        #expect(page.contains("Label&lt;b&gt;y&lt;/b&gt;"))
        for markup in ["<b>x</b>", "<b>y</b>", "<b>z</b>"] {
            #expect(!page.contains(markup), "\(markup) reached the page as markup")
        }
        for path in site.files.keys.sorted() where path.hasSuffix(".html") {
            let html = try #require(site.text(path))
            #expect(!html.contains("<b>x</b>"), "\(path)")
        }
    }
}
