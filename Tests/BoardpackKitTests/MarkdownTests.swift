import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MarkdownTests {
    @Test func rawHTMLAndDangerousLinksNeverPassThrough() {
        let text = """
            Hello <script>alert(1)</script> <b onclick="x()">bold</b>

            <div style="display:none">hidden</div>

            [click](javascript:alert(1)) [v](vbscript:msgbox) [d](data:text/html;base64,AAAA) ![i](data:image/png;base64,AAAA)
            """
        let out = Markdown.render(text, path: "n.md", firstLine: 1, idPrefix: "n1").html
        #expect(!out.contains("<script"))
        #expect(!out.contains("onclick"))
        #expect(!out.contains("<div"))
        #expect(!out.contains("style="))
        #expect(!out.contains("javascript:"))
        #expect(!out.contains("vbscript:"))
        #expect(!out.contains("data:text/html"))
        #expect(out.contains("data:image/png"))
    }

    @Test func collectsTasksChartsAndKPIReferences() {
        let text = """
            Intro with {{ kpi cac }} and {{ kpi lead_to_customer_rate change }}, but `{{ kpi code }}` stays.

            - [ ] Approve the **rollback**
            - [x] Hire an analyst

            ```chart
            type: line
            kpis: [cac]
            ```

            | a | b |
            |:--|--:|
            | 1 | 2 |
            """
        let doc = Markdown.render(text, path: "n.md", firstLine: 8, idPrefix: "n1")
        #expect(
            doc.kpis == [
                InlineKPI(id: "cac", change: false, line: 8, column: 12),
                InlineKPI(id: "lead_to_customer_rate", change: true, line: 8, column: 30),
            ])
        #expect(
            doc.tasks == [
                TaskItem(text: "Approve the rollback", done: false, line: 10), TaskItem(text: "Hire an analyst", done: true, line: 11),
            ])
        #expect(doc.charts == [ChartBlock(source: "type: line\nkpis: [cac]\n", line: 13)])
        #expect(doc.html.contains(Markdown.placeholder(kind: "chart", index: 0)))
        #expect(doc.html.contains("<code>{{ kpi code }}</code>"))
        #expect(doc.html.contains("<th class=\"align-left\">a</th>"))
        #expect(!doc.html.contains("align=\""))
    }

    @Test func malformedReferenceIsADiagnostic() {
        let doc = Markdown.render("Value {{ kpi }} here", path: "n.md", firstLine: 5, idPrefix: "n1")
        #expect(doc.diagnostics.map(\.description) == ["n.md:5:7: error: `{{ kpi }}` is not a KPI reference"])
    }

    @Test func footnoteIdsArePrefixed() {
        let doc = Markdown.render("Claim[^1].\n\n[^1]: Source.", path: "n.md", firstLine: 1, idPrefix: "note-3")
        #expect(doc.html.contains("id=\"note-3-fn"))
        #expect(!doc.html.contains("id=\"fn"))
    }
}
