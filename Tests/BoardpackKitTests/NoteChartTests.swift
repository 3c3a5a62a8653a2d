import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// ```` ```chart ```` blocks in notes: every type renders; a bad block is a diagnostic at its line.
@Suite struct NoteChartTests {
    func block(_ body: String) -> String { "```chart\n\(body)\n```\n" }

    @Test func everyTypeRenders() throws {
        let bodies = [
            "type: line\nkpis: [paid_cac]\nperiods: 3", "type: bar\nkpis: [cpl]\nbreakdown: channel",
            "type: stacked\nkpis: [paid_cac]\nbreakdown: channel\nperiods: 3", "type: funnel\nkpis: [leads, new_customers]",
            "type: bullet\nkpis: [cpl]", "type: scatter\nkpis: [cpl, paid_cac]\nbreakdown: channel",
            "type: heatmap\nkpis: [cpl, paid_cac]\nbreakdown: channel", "type: line\nkpis: [cpl, lead_to_customer_rate]",
        ]
        let body = bodies.map(block).joined(separator: "\n")
        let site = try TestWorkspace.build(TestWorkspace.files(notes: ["c.md": TestWorkspace.note("Charts", body: body)]))
        let page = try #require(site.text("acme/2026-10/index.html"))
        for kind in ["line", "bar", "stacked", "funnel", "bullet", "scatter", "heatmap"] {
            #expect(page.contains("bp-chart-\(kind)"), "no \(kind) chart")
        }
        // Two KPIs in different units (currency and ratio) become two charts, never one mixed axis.
        #expect(page.contains("id=\"note-c-7-1-title\"") && page.contains("id=\"note-c-7-2-title\""))
        #expect(!page.contains("<pre><code class=\"language-chart\""))
    }

    @Test func badBlocksAreDiagnosedAtTheirLine() throws {
        // Front matter takes lines 1–8, so the body starts on line 9: `type: pie` is line 12, the second block's `kpis:` line 18.
        let body = "Intro.\n\n" + block("type: pie\nkpis: [cac]") + "\n" + block("type: line\nkpis: [cacc]")
        let files = TestWorkspace.files(notes: ["bad.md": TestWorkspace.note("Bad", body: body)])
        let error = try #require(throws: DiagnosticsError.self) { try TestWorkspace.build(files) }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("content/units/acme/notes/bad.md:12:7: error: unknown chart type `pie`") }, "\(lines)")
        #expect(
            lines.contains { $0.hasPrefix("content/units/acme/notes/bad.md:18:7: error: unknown KPI `cacc` in chart block") }, "\(lines)")
    }
}
