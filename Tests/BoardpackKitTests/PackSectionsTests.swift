import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The Channels, trend and sector-chart sections of the pack page, on a small workspace.
@Suite struct PackSectionsTests {
    /// Search and social report every column; email leaves its spend empty in October.
    static let channelsCSV = """
        month,channel,spend,leads,new_customers
        2026-08,search,1000,100,10
        2026-08,social,500,80,4
        2026-09,search,1200,110,12
        2026-09,social,600,70,5
        2026-10,search,1300,120,13
        2026-10,social,700,90,6
        2026-10,email,,40,2

        """

    /// Two stores; s2 did not report its service score.
    static let storesCSV = """
        month,store,quality_score,service_score,cleanliness_score,value_score
        2026-10,s1,80,90,70,100
        2026-10,s2,60,,80,90

        """

    func page(_ extra: [String: String] = [:]) throws -> String {
        var files = TestWorkspace.files(extra: ["content/units/acme/data/channels.csv": Self.channelsCSV])
        for (path, text) in extra { files[path] = text }
        let site = try TestWorkspace.build(files)
        return try #require(site.text("acme/2026-10/index.html"))
    }

    /// The section with anchor `id`, from its opening tag to the next section's.
    func section(_ id: String, in page: String) throws -> Substring {
        // A board build keeps the per-channel detail in its appendix, down to the operational KPIs.
        if id == "channels", page.range(of: "<section id=\"channels\"") == nil {
            let start = try #require(page.range(of: "<h3 id=\"channels\">"))
            let rest = page[start.upperBound...]
            return rest[..<(rest.range(of: "<h3>Operational KPIs</h3>")?.lowerBound ?? rest.endIndex)]
        }
        let start = try #require(page.range(of: "<section id=\"\(id)\""))
        let rest = page[start.upperBound...]
        return rest[..<(rest.range(of: "<section id=")?.lowerBound ?? rest.endIndex)]
    }

    /// The cells of the table row whose header cell is `name`.
    func cells(_ name: String, in html: Substring) throws -> [String] {
        let start = try #require(html.range(of: "<th scope=\"row\">\(name)</th>"))
        let row = html[start.upperBound...].prefix { $0 != "\n" }
        return row.components(separatedBy: "</td>").dropLast().map { cell in
            String(cell[(cell.range(of: "\">")?.upperBound ?? cell.startIndex)...])
        }
    }

    @Test func channelTableHasHandWorkedValues() throws {
        let channels = try section("channels", in: page())
        // Columns: spend, leads, new customers, CPL, paid CAC, CAC, media ROMI.
        // search: CPL = 1300 / 120 = 10.833… → €10.83; paid CAC = 1300 / 13 = €100.00;
        // CAC needs overhead and media ROMI attributed revenue: neither is reported → n/a.
        #expect(try cells("Search", in: channels) == ["€1,300", "120", "13", "€10.83", "€100.00", "n/a", "n/a"])
        // social: CPL = 700 / 90 = 7.777… → €7.78; paid CAC = 700 / 6 = 116.666… → €116.67.
        #expect(try cells("Social", in: channels) == ["€700", "90", "6", "€7.78", "€116.67", "n/a", "n/a"])
    }

    @Test func channelLackingAMeasureShowsNotAvailable() throws {
        let channels = try section("channels", in: page())
        // email's spend cell is empty: spend, CPL and paid CAC are n/a, never €0.
        let email = try cells("Email", in: channels)
        #expect(email == ["n/a", "40", "2", "n/a", "n/a", "n/a", "n/a"])
        // Order: largest spend first, n/a last.
        let search = try #require(channels.range(of: ">Search<")), social = try #require(channels.range(of: ">Social<"))
        let emailRow = try #require(channels.range(of: ">Email<"))
        #expect(search.lowerBound < social.lowerBound && social.lowerBound < emailRow.lowerBound)
    }

    @Test func totalRowIsTheUnitAndMarksPartialFigures() throws {
        let channels = try section("channels", in: page())
        let total = try cells("<strong>Total</strong>", in: channels)
        // spend = 1300 + 700 = €2,000 over the reporting rows (email left it empty: partial);
        // leads = 120 + 90 + 40 = 250; customers = 13 + 6 + 2 = 21;
        // CPL = 2000 / 250 = €8.00 (partial); paid CAC = 2000 / 21 = 95.238… → €95.24 (partial).
        #expect(total.count == 7)
        #expect(total[0].hasPrefix("€2,000<abbr class=\"partial\""))
        #expect(total[1] == "250" && total[2] == "21")
        #expect(total[3].hasPrefix("€8.00<abbr") && total[4].hasPrefix("€95.24<abbr"))
    }

    @Test func channelsSectionHasStackedSpendAndFunnelFigures() throws {
        let page = try page()
        let channels = try section("channels", in: page)
        #expect(channels.contains("<figure class=\"chart\"><figcaption>Spend by channel, last 3 months</figcaption><svg"))
        #expect(channels.contains("bp-chart bp-chart-stacked"))
        #expect(channels.contains("<figure class=\"chart\"><figcaption>Funnel, October 2026</figcaption><svg"))
        #expect(channels.contains("bp-chart bp-chart-funnel"))
        // The data behind both is in the appendix.
        let appendix = try section("appendix", in: page)
        #expect(appendix.contains("<caption>Spend by channel, last 3 months</caption>"))
        #expect(appendix.contains("<caption>Funnel, October 2026</caption>"))
    }

    @Test func unitWithoutChannelsSaysSoInOneSentence() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/data/channels.csv"] = nil
        files["content/units/acme/data/business.csv"] = "month,spend,leads,new_customers\n2026-10,900,50,5\n"
        let page = try #require(try TestWorkspace.build(files).text("acme/2026-10/index.html"))
        let channels = try section("channels", in: page)
        #expect(channels.contains("<p class=\"empty\">This unit reports no figures by channel.</p>"))
        #expect(!channels.contains("<figure"))
    }

    @Test func retailHeatmapAveragesTheFourScores() throws {
        let page = try page(["content/units/acme/data/stores.csv": Self.storesCSV])
        let playbook = try section("playbook", in: page)
        #expect(playbook.contains("bp-chart bp-chart-heatmap"))
        let appendix = try section("appendix", in: page)
        // s1: (80 + 90 + 70 + 100) / 4 = 85; s2 lacks the service score, so its average is n/a.
        #expect(try cells("s1", in: appendix) == ["80.0", "90.0", "70.0", "100.0", "85.0"])
        #expect(try cells("s2", in: appendix) == ["60.0", "n/a", "80.0", "90.0", "n/a"])
    }

    @Test func everyIdOnThePageIsUniqueAndNoStyleAttributes() throws {
        let page = try page(["content/units/acme/data/stores.csv": Self.storesCSV])
        let ids = page.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
        #expect(!page.contains(" style="))
    }

    @Test func headlineTrendsAndBulletsInPerformance() throws {
        let unit = TestWorkspace.unitYAML + "\ntargets:\n  lead_to_customer_rate: 0.1\n"
        let performance = try section("performance", in: page(["content/units/acme/unit.yml": unit]))
        #expect(performance.contains("<div class=\"charts-grid\">"))
        #expect(performance.contains("<figcaption>Lead-to-customer rate, last 3 months</figcaption>"))
        #expect(performance.contains("id=\"trend-lead_to_customer_rate-title\""))
        // CAC needs overhead, never reported: no values in the window, so no chart.
        #expect(!performance.contains("id=\"trend-cac-title\""))
        // October: 21 / 250 = 8.4 %, below the amber floor 10 % − 10 % × 0.1 = 9 %: red.
        #expect(performance.contains("id=\"bullet-lead_to_customer_rate-title\""))
        #expect(performance.contains("off target"))
    }

    @Test func dimensionValuesReadAsWords() throws {
        let plain = try YAMLFile.decode(
            UnitConfig.self, from: "name: A\nsector: retail\ncurrency: EUR\nconfidentiality: B\n", path: "u.yml"
        ).get()
        #expect(plain.displayName("paid_search", language: "en") == "Paid search")
        #expect(plain.displayName("display", language: "it") == "Display")
        #expect(plain.displayName("store-005", language: "en") == "store-005")
        // `labels:` by language or one for all (SPEC §2.2).
        let yaml =
            "name: A\nsector: retail\ncurrency: EUR\nconfidentiality: B\nlabels:\n  local_radio: {en: Local radio, it: Radio locale}\n  store-001: Milano Duomo\n"
        let labelled = try YAMLFile.decode(UnitConfig.self, from: yaml, path: "u.yml").get()
        #expect(labelled.displayName("local_radio", language: "it") == "Radio locale")
        #expect(labelled.displayName("local_radio", language: "en") == "Local radio")
        #expect(labelled.displayName("store-001", language: "it") == "Milano Duomo")
        let wrong = "name: A\nsector: retail\ncurrency: EUR\nconfidentiality: B\nlabels:\n  x: {fr: Radio}\n"
        #expect(throws: (any Error).self) { try YAMLFile.decode(UnitConfig.self, from: wrong, path: "u.yml").get() }
    }

    @Test func labelsNameChannelsAndStoresInTablesAndMessages() throws {
        var files = TestWorkspace.files(extra: ["content/units/acme/data/channels.csv": Self.channelsCSV])
        files["content/units/acme/unit.yml"]! += "\nlabels:\n  search: Paid search (Google)\n  s1: Milano Duomo\n"
        let page = try #require(try TestWorkspace.build(files).text("acme/2026-10/index.html"))
        let channels = try section("channels", in: page)
        #expect(channels.contains("<th scope=\"row\">Paid search (Google)</th>"))
        #expect(!channels.contains("<th scope=\"row\">Search</th>"))
    }

    @Test func aBoardBuildKeepsTheChannelDetailForTheAppendix() throws {
        let board = try page()
        #expect(board.range(of: "<section id=\"channels\"") == nil)
        let appendix = try section("appendix", in: board)
        #expect(appendix.contains("<h3 id=\"channels\">Channel detail and operational KPIs</h3>"))
        #expect(appendix.contains("<h3>Operational KPIs</h3>"))
        #expect(!(try section("performance", in: board)).contains("<h3>Operational KPIs</h3>"))
        // Management reads them in place.
        let files = TestWorkspace.files(extra: ["content/units/acme/data/channels.csv": Self.channelsCSV])
        let management = try #require(
            try TestWorkspace.build(files, options: BuildOptions(audience: .management)).text("acme/2026-10/index.html"))
        #expect(management.contains("<section id=\"channels\""))
        #expect((try section("performance", in: management)).contains("<h3>Operational KPIs</h3>"))
    }
}
