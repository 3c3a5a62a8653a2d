import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The byte-level writers behind a pack page: escaping, tables, note placeholders, the
/// splicing of the sections into the theme, and the charts' shared formatting.
@Suite struct PageAssemblyTests {
    /// Escaping as the five replacements one after the other would do it.
    func reference(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func escapingShortAndLongTexts() {
        let texts = [
            "", "plain", "R&D <spend> \"q\" 'a'", "€1,234 — Qualità & Servizio",
            String(repeating: "Torino & Milano <flagship> 'è' ", count: 8), String(repeating: "x", count: 100) + "&",
            "&" + String(repeating: "ü", count: 40),
        ]
        for text in texts {
            var bytes: [UInt8] = []
            appendEscapedHTML(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == reference(text))
            #expect(escapeHTML(text) == reference(text))
            #expect(escapeHTML(text.dropFirst()) == reference(String(text.dropFirst())))
        }
    }

    /// A table's text is escaped as it is written and its markup kept: the same page as the
    /// cells escaped by hand and written as markup.
    @Test func tableEscapesTextAndKeepsMarkup() {
        let headers = ["", "Q&A", "Spend <€>"]
        let rows = [["Paid 'search'", "1 & 2", "€3"], ["<b>", "", "n/a"]]
        var text = HTMLBuffer()
        PackHTML.table(
            into: &text, caption: .text("Mix & match"), headers: headers.map(PackHTML.Cell.text),
            rows: rows.map { $0.map(PackHTML.Cell.text) }, numeric: [1, 2], classes: "data x")
        let markup = PackHTML.table(
            caption: .markup(HTMLBuffer(trusted: reference("Mix & match"))),
            headers: headers.map { .markup(HTMLBuffer(trusted: reference($0))) },
            rows: rows.map { $0.map { .markup(HTMLBuffer(trusted: reference($0))) } }, numeric: [1, 2], classes: "data x"
        ).string
        #expect(text.string == markup)
        #expect(markup.contains("<th scope=\"col\" class=\"num\">Q&amp;A</th>"))
        #expect(markup.contains("<tr><th scope=\"row\">&lt;b&gt;</th><td class=\"num\"></td><td class=\"num\">n/a</td></tr>"))
        let badge = PackHTML.table(headers: [.text("KPI")], rows: [[.markup("<span class=\"badge\">ok</span>")]]).string
        #expect(badge.contains("<th scope=\"row\"><span class=\"badge\">ok</span></th>"))
    }

    /// Text can only go into markup escaped: interpolated strings are escaped, markup is kept,
    /// literals are the code's own tags.
    @Test func markupEscapesEveryInterpolatedString() {
        let id = "a\"><b>x</b>"
        let inner: HTMLBuffer = "<em>\(id)</em>"
        let html: HTMLBuffer = "<p title=\"\(id)\">\(inner) & \(id)</p>"
        #expect(
            html.string
                == "<p title=\"a&quot;&gt;&lt;b&gt;x&lt;/b&gt;\"><em>a&quot;&gt;&lt;b&gt;x&lt;/b&gt;</em> & a&quot;&gt;&lt;b&gt;x&lt;/b&gt;</p>"
        )
        var out = HTMLBuffer()
        out += "<div>"
        out += "\(id)"
        out.appendEscaped(id)
        out += html
        #expect(!out.string.contains("<b>x</b>"))
        #expect(
            ([inner, inner] as [HTMLBuffer]).joined(separator: ", ").string
                == "<em>a&quot;&gt;&lt;b&gt;x&lt;/b&gt;</em>, <em>a&quot;&gt;&lt;b&gt;x&lt;/b&gt;</em>")
    }

    @Test func placeholdersAreReplacedInOnePassAsOneByOne() {
        let kpi = { (i: Int) in Markdown.placeholder(kind: "kpi", index: i) }
        let chart = { (i: Int) in Markdown.placeholder(kind: "chart", index: i) }
        let html =
            "<p>CAC is \(kpi(0)) and ROMI \(kpi(1)).</p>\n<p>\(chart(0))</p>\n<ul><li>\(chart(1))</li></ul>\n"
            + "<p>unknown \(Markdown.placeholder(kind: "kpi", index: 7)) stays; so does \u{E000}kpi:x\u{E000}</p>\n<p>\(kpi(2))</p>"
        let kpis = ["<span class=\"kpi-inline\">€41.18</span>", "<span class=\"kpi-inline\">2.4×</span>", "<span>x</span>"]
        let charts = ["<figure class=\"chart\"><svg/></figure>", "<div class=\"charts-grid\"><figure/></div>"]
        // What NoteHTML did before: every KPI, then each chart wrapped in its paragraph, then bare.
        var expected = html
        for (i, text) in kpis.enumerated() { expected = expected.replacingBytes(kpi(i), with: text) }
        for (i, figure) in charts.enumerated() {
            expected = expected.replacingBytes("<p>\(chart(i))</p>", with: figure).replacingBytes(chart(i), with: figure)
        }
        #expect(NoteHTML.substitutingPlaceholders(html, kpis: kpis, charts: charts) == expected)
        #expect(expected.contains("<figure class=\"chart\"><svg/></figure>\n<ul><li><div class=\"charts-grid\">"))
    }

    @Test func sectionsAreSplicedWhereTheThemeAsks() {
        let sections = [
            PackPage.Section(id: "summary", title: "Executive summary", html: HTMLBuffer("<p>one</p>")),
            PackPage.Section(id: "appendix", title: "Q&A", html: HTMLBuffer("<p>two</p>")),
        ]
        let main =
            "<section id=\"summary\" class=\"pack-section\">\n<h2>Executive summary</h2>\n<p>one</p>\n</section>\n"
            + "<section id=\"appendix\" class=\"pack-section\">\n<h2>Q&amp;A</h2>\n<p>two</p>\n</section>"
        let marker = PackPage.mainMarker
        let splice = { (shell: String) in String(decoding: PackPage.splice(sections, into: shell), as: UTF8.self) }
        #expect(splice("<main>\n\(marker)\n</main>") == "<main>\n\(main)\n</main>")
        #expect(splice("\(marker)|\(marker)") == "\(main)|\(main)")
        #expect(splice("<main></main>") == "<main></main>")
        #expect(
            PackPage.tableOfContents(sections)
                == "<li><a href=\"#summary\">Executive summary</a></li><li><a href=\"#appendix\">Q&amp;A</a></li>")
    }

    @Test func themeIteratingTheSectionsRendersTheSamePage() throws {
        var files = TestWorkspace.files()
        let site = try TestWorkspace.build(files)
        // The pack template as it was before the sections came pre-rendered.
        let theme = try #require(files["templates/pack.mustache"])
        files["templates/pack.mustache"] = theme.replacingOccurrences(
            of: "<ol>{{{toc}}}</ol>", with: "<ol>{{#sections}}<li><a href=\"#{{id}}\">{{title}}</a></li>{{/sections}}</ol>"
        ).replacingOccurrences(
            of: "{{! toc and main are the sections pre-rendered; each is also in sections: id, title, html }}\n{{{main}}}\n",
            with:
                "{{#sections}}\n<section id=\"{{id}}\" class=\"pack-section\">\n<h2>{{title}}</h2>\n{{{html}}}\n</section>\n{{/sections}}\n"
        )
        #expect(files["templates/pack.mustache"] != theme)
        let iterated = try TestWorkspace.build(files)
        let page = try #require(site.text("acme/2026-10/index.html"))
        #expect(page.contains("<section id=\"appendix\""))
        #expect(iterated.text("acme/2026-10/index.html") == page)
    }

    @Test func chartsFormatOnceForDescriptionAndTable() {
        let line = LineChart(
            id: "l", title: "CAC", series: [ChartSeries(name: "CAC", values: [38.2, nil, 41.18])], periods: ["a", "b", "c"],
            target: [45, 45, 40], valueFormat: .currency("EUR"), locale: .enGB)
        #expect(line.rendered().svg == Array(line.svg().utf8))
        #expect(line.rendered().table == line.dataTable())
        var scatter = ScatterChart(
            id: "s", title: "CAC and ROMI", points: [.init(label: "Search", x: 10, y: 2.5), .init(label: "Email", x: nil, y: 1)],
            xTitle: "CAC", yTitle: "ROMI", xFormat: .currency("EUR"), yFormat: .multiple, locale: .enGB)
        #expect(scatter.rendered().svg == Array(scatter.svg().utf8))
        #expect(scatter.rendered().table == scatter.dataTable())
        let plain = scatter.svg()
        scatter.valueTexts = [("€10.00", "2.5×"), ("n/a", "1.0×")]
        #expect(scatter.svg() == plain)
        scatter.valueTexts = [("ten", "two")]  // not one per point: ignored
        #expect(scatter.svg() == plain)
        let heatmap = Heatmap(
            id: "h", title: "QSP&V", rows: ["Milano", "Roma"], columns: ["Q", "S"], values: [[4.2, nil], [3, 5]],
            valueFormat: .number(fractionDigits: 1), locale: .itIT)
        #expect(heatmap.rendered().svg == Array(heatmap.svg().utf8))
        #expect(heatmap.rendered().table == heatmap.dataTable())
    }

    @Test func stackedDescriptionTakesTheTableFigures() {
        let series = (0..<10).map { k in ChartSeries(name: "c\(k)", values: [Double(k) * 1000.5, nil, Double(k)]) }
        var chart = StackedBarChart(
            id: "st", title: "Spend", periods: ["a", "b", "c"], series: series, valueFormat: .currency("EUR"), locale: .enGB)
        let table = chart.dataTable()
        let drawn = ChartSeries.topIndexed(series, otherName: "Other")
        #expect(drawn.map(\.series) == ChartSeries.top(series, otherName: "Other"))
        #expect(drawn.last?.index == nil && drawn.dropLast().allSatisfy { $0.index != nil })
        chart.series = drawn.map(\.series)
        let plain = chart.svg()
        chart.valueTexts = drawn.map { d in d.index.map { k in table.rows.map { $0[k + 1] } } }
        #expect(chart.svg() == plain)
    }

    @Test func cspHashContinuesTheStylesheetDigest() {
        let stylesheet = "body { color: #111; }\n"
        let shell = PageShell(language: "en", stylesheet: stylesheet, root: "", printMarking: "Confidential · DRAFT")
        var digested = shell
        digested.stylesheetDigest = StylesheetDigest(stylesheet)
        #expect(digested.contentSecurityPolicy == shell.contentSecurityPolicy)
        #expect(shell.contentSecurityPolicy.contains("'sha256-\(SHA256Hex.base64(Array(shell.style.utf8)))'"))
        #expect(digested.context["csp"] as? String == shell.contentSecurityPolicy)
        #expect(digested.context["style"] as? String == shell.style)
    }
}
