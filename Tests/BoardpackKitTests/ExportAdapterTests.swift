import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Ad-platform exports as they are downloaded (SPEC §2.5), read by their adapters into the
/// rows a boardpack CSV with the same data would give, worked out by hand.
@Suite struct ExportAdapterTests {
    static func utf16(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// Google Ads' "Excel" download: UTF-16, tab separated, a title and a date range before
    /// the header, `--` for nothing, ratios (CTR, Avg. CPC) that are never read, totals last.
    static let googleAds = utf16(
        """
        Campaign performance report\r
        "September 30, 2026 - October 31, 2026"\r
        Day\tCampaign\tCost\tImpr.\tClicks\tCTR\tAvg. CPC\r
        2026-09-30\tBrand\t100.00\t1,000\t10\t1.00%\t10.00\r
        2026-10-01\tBrand\t1,234.56\t10,000\t500\t5.00%\t2.47\r
        2026-10-01\tGeneric\t765.44\t5,000\t250\t5.00%\t3.06\r
        2026-10-02\tBrand\t--\t1,000\t\t--\t--\r
        Total: Account\t\t2,100.00\t17,000\t760\t4.47%\t2.76\r
        Total: Campaigns\t\t2,100.00\t17,000\t760\t4.47%\t2.76\r

        """)

    /// Meta Ads Manager: the summary row (no campaign name) first, the currency in a column's
    /// name, numbers with thousands separators in quotes.
    static let meta = Array(
        """
        Reporting starts,Reporting ends,Campaign name,Amount spent (EUR),Impressions,Link clicks,Cost per result
        2026-10-01,2026-10-31,,"1,500.00","120,000","3,000",0.50
        2026-10-01,2026-10-31,Autumn launch,"1,000.00","80,000","2,000",0.50
        2026-10-01,2026-10-31,Retargeting,500.00,"40,000","1,000",0.50

        """.utf8)

    func convert(
        _ adapter: ExportAdapter, _ bytes: [UInt8], locale: String? = nil, currency: String = "EUR", columns: [String: String]? = nil,
        values: [String: [String: String]]? = nil, wonStages: [String]? = nil, dimensions: [String] = []
    ) -> ExportAdapter.Converted {
        var source = SourceConfig(file: "x.csv")
        source.format = adapter.name
        source.locale = locale
        source.columns = columns
        source.values = values
        source.wonStages = wonStages
        return adapter.convert(bytes, path: "data/x.csv", source: source, currency: currency, dimensions: dimensions)
    }

    @Test func googleAdsByMonth() {
        // September: 100.00, 1,000, 10. October: 1,234.56 + 765.44 = 2,000.00 spend, 10,000 +
        // 5,000 + 1,000 = 16,000 impressions, 500 + 250 = 750 clicks; `--` and the blank
        // are not reported; the totals and the ratios are not read.
        let c = convert(.googleAds, Self.googleAds)
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(
            String(decoding: c.csv, as: UTF8.self)
                == "month,channel,spend,impressions,clicks\n2026-09,paid_search,100,1000,10\n2026-10,paid_search,2000,16000,750\n")
    }

    @Test func metaByMonth() {
        let c = convert(.metaAds, Self.meta)
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(String(decoding: c.csv, as: UTF8.self) == "month,channel,spend,impressions,clicks\n2026-10,paid_social,1500,120000,3000\n")
    }

    @Test func aUnitReadsTheExportsAsItWouldTheSameCSV() throws {
        func pack(_ files: [String: [UInt8]], sources: String) throws -> [String: [Double?]] {
            var all: [String: [UInt8]] = [
                "content/units/u/unit.yml": Array("name: U\nsector: tech\ncurrency: EUR\nconfidentiality: B\n\(sources)".utf8)
            ]
            for (name, bytes) in files { all["content/units/u/data/\(name)"] = bytes }
            let (workspace, diagnostics) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: all))
            let ws = try #require(workspace, "\(diagnostics)")
            let prepare = Preparation()
            let (compiled, playbooks) = try prepare.validate(ws)
            let model = try #require(try prepare.compute(ws, compiled, playbooks).models.first)
            let metrics = model.metrics.pack(.month(Month(year: 2026, month: 10)))
            return Dictionary(
                uniqueKeysWithValues: ["spend", "impressions", "clicks"].map { id in
                    (id, [model.metrics.evaluator(for: metrics.period).measure(id, at: metrics.period).value])
                }
            ).merging(["cpc": [metrics[kpi: "cpc"]?.value], "ctr": [metrics[kpi: "ctr"]?.value]]) { a, _ in a }
        }
        let exports = try pack(
            ["gads-oct.csv": Self.googleAds, "meta-oct.csv": Self.meta],
            sources: "sources:\n  - file: \"gads-*.csv\"\n    format: google-ads\n  - file: meta-oct.csv\n    format: meta-ads\n")
        let plain = try pack(
            [
                "ads.csv": Array(
                    "month,channel,spend,impressions,clicks\n2026-09,paid_search,100,1000,10\n2026-10,paid_search,2000,16000,750\n2026-10,paid_social,1500,120000,3000\n"
                        .utf8)
            ], sources: "")
        #expect(exports == plain)
        // CPC = 3,500 / 3,750.
        #expect(exports["cpc"]?.first == 3500.0 / 3750.0)
    }

    static let linkedIn = Array(
        """
        Campaign Performance Report (in UTC)
        Report Start: 9/1/2026, Report End: 10/31/2026
        Date Generated: 11/2/2026

        Start Date (in UTC),Account Name,Campaign Name,Total Spent,Impressions,Clicks,Average CPC
        9/30/2026,Nimbus,ABM,"$1,234.56","12,000",300,$4.12
        10/1/2026,Nimbus,ABM,$765.44,"8,000",200,$3.83
        10/15/2026,Nimbus,Webinar,$500.00,"5,000",100,$5.00

        """.utf8)

    @Test func linkedInByMonthInUSFormat() {
        // M/D/YYYY and `$1,234.56` whatever the locale set: September 1,234.56, 12,000, 300;
        // October 765.44 + 500.00 = 1,265.44, 8,000 + 5,000 = 13,000, 200 + 100 = 300.
        let export = Self.linkedIn
        let c = convert(.linkedInAds, export, currency: "USD")
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(
            String(decoding: c.csv, as: UTF8.self)
                == "month,channel,spend,impressions,clicks\n2026-09,linkedin,1234.56,12000,300\n2026-10,linkedin,1265.44,13000,300\n")
    }

    static let ga4 = Array(
        """
        # ----------------------------------------
        # Traffic acquisition: Session default channel group
        # Start date: 20260901
        # End date: 20261031
        # ----------------------------------------
        Session default channel group,Date,Sessions,Engaged sessions,Engagement rate
        Organic Search,20260930,1200,800,0.6667
        Paid Search,20261001,"1,500",900,0.6
        Organic Search,20261001,1000,700,0.7
        Organic Search,20261002,500,300,0.6

        # ----------------------------------------
        Date,Sessions
        20261003,99999

        """.utf8)

    @Test func ga4ByMonthAndChannelGroup() {
        // The comment block is skipped, the channel group becomes the channel, the engagement
        // columns are not read, the second table after a `#` line is not this one's.
        // September: organic 1,200. October: organic 1,000 + 500 = 1,500; paid 1,500.
        let export = Self.ga4
        let c = convert(.ga4, export)
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(
            String(decoding: c.csv, as: UTF8.self)
                == "month,channel,sessions\n2026-09,organic_search,1200\n2026-10,organic_search,1500\n2026-10,paid_search,1500\n")
        // A day that does not exist is an error at its cell.
        let bad = convert(.ga4, Array("Date,Sessions\n20260231,5\n".utf8)).diagnostics
        #expect(bad.first?.location == SourceLocation(file: "data/x.csv", line: 2, column: 1))
    }

    /// A HubSpot deals export with the personal columns a CRM always carries.
    static let hubspot = """
        Record ID,Deal Name,Deal Stage,Create Date,Close Date,Amount,Contact email,Deal owner
        101,Acme renewal,closedwon,2026-09-20 10:00,2026-10-05 16:30,"12,000",ceo@acme.example,Giulia Conti
        102,Beta,closedlost,2026-09-01,2026-10-10,5000,cfo@beta.example,Marco Ferri
        103,Gamma,closedwon,2026-10-01,2026-10-21,8000,buyer@gamma.example,Giulia Conti
        104,Delta,Closed Won,2026-08-15,2026-09-14,3000,x@delta.example,Marco Ferri
        105,Open deal,appointmentscheduled,2026-10-01,,7000,y@open.example,Marco Ferri

        """

    @Test func hubSpotWonDealsByMonth() {
        // Won: 104 in September (14 Sep − 15 Aug = 30 days, 3,000); 101 and 103 in October
        // (5 Oct − 20 Sep = 15 days, 21 Oct − 1 Oct = 20 days: mean 17.5; 12,000 + 8,000).
        // Lost and open deals are not counted; names, e-mails and owners are never read.
        let c = convert(.hubSpotDeals, Array(Self.hubspot.utf8))
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        let csv = String(decoding: c.csv, as: UTF8.self)
        #expect(csv == "month,new_customers,attributed_revenue,sales_cycle_days\n2026-09,1,3000,30\n2026-10,2,20000,17.5\n")
        // A stage of the user's own.
        let own = convert(.hubSpotDeals, Array(Self.hubspot.utf8), wonStages: ["closedlost"])
        #expect(String(decoding: own.csv, as: UTF8.self) == "month,new_customers,attributed_revenue,sales_cycle_days\n2026-10,1,5000,39\n")
    }

    @Test func noPersonalColumnReachesTheSite() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML + "\nsources:\n  - file: deals.csv\n    format: hubspot-deals\n"
        files["content/units/acme/data/channels.csv"] =
            "month,channel,spend,leads\n2026-08,search,1000,100\n2026-09,search,1200,110\n2026-10,search,1300,120\n"
        files["content/units/acme/data/deals.csv"] = Self.hubspot
        let root = try TestWorkspace.onDisk(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try TestWorkspace.onDisk(["templates/.keep": ""], in: root)
        let options = BuildOptions(contentPath: root + "/content", templatesPath: TestWorkspace.templatesDir, outputPath: root + "/output")
        _ = try BoardpackCommands.build(options)
        let walker = try #require(FileManager.default.enumerator(atPath: root + "/output"))
        var pages = 0
        while let path = walker.nextObject() as? String {
            guard let text = try? String(contentsOfFile: root + "/output/" + path, encoding: .utf8) else { continue }
            pages += 1
            for personal in ["@acme.example", "ceo@", "buyer@gamma", "Giulia Conti", "Marco Ferri", "Acme renewal"] {
                #expect(!text.contains(personal), "\(path) holds \(personal)")
            }
        }
        #expect(pages > 3)
    }

    @Test func aCurrencyOtherThanTheUnitsIsAnError() {
        let c = convert(.metaAds, Self.meta, currency: "USD")
        #expect(c.diagnostics.first?.message == "`Amount spent (EUR)` is in EUR, and the unit reports in USD")
        #expect(c.diagnostics.first?.location == SourceLocation(file: "data/x.csv", line: 1, column: 47))
    }

    @Test func aPeriodTotalExportIsAnError() {
        let total = Array(
            "Reporting starts,Reporting ends,Campaign name,Amount spent (EUR),Impressions\n2026-09-01,2026-10-31,Autumn,10,100\n".utf8)
        let e = convert(.metaAds, total).diagnostics
        #expect(e.first?.message == "the row covers 2026-09 to 2026-10: a report over the whole period cannot be split into months")
        #expect(e.first?.location == SourceLocation(file: "data/x.csv", line: 2, column: 12))
    }

    @Test func aDateThatReadsTwoWaysNeedsALocale() {
        let text = Self.utf16("Day\tCost\n01/09/2026\t5\n")
        let e = convert(.googleAds, text).diagnostics
        #expect(e.first?.location == SourceLocation(file: "data/x.csv", line: 2, column: 1))
        #expect(e.first?.hint == "it reads as day/month and as month/day: set `locale:` for this file (en-US writes M/D/YYYY)")
        // With a locale it reads one way: 1 September (en-GB), 9 January (en-US).
        #expect(String(decoding: convert(.googleAds, text, locale: "en-GB").csv, as: UTF8.self).contains("2026-09,"))
        #expect(String(decoding: convert(.googleAds, text, locale: "en-US").csv, as: UTF8.self).contains("2026-01,"))
        // 13/09/2026 reads one way only.
        #expect(convert(.googleAds, Self.utf16("Day\tCost\n13/09/2026\t5\n")).diagnostics.isEmpty)
    }

    @Test func localeNumbers() {
        #expect(ExportAdapter.number("$1,234.56", locale: "en-US", currency: "USD") == 1234.56)
        #expect(ExportAdapter.number("1.234,56 €", locale: "it-IT", currency: "EUR") == 1234.56)
        #expect(ExportAdapter.number("-$1,234.56", locale: "en-US", currency: "USD") == -1234.56)
        #expect(ExportAdapter.number("EUR 12", locale: nil, currency: "EUR") == 12)
        #expect(ExportAdapter.number("12.5%", locale: nil) == 12.5)
        // Only the unit's own currency: a dollar in a euro unit, a code, a scale letter are no number.
        #expect(ExportAdapter.number("$1,234.56", locale: "en-US", currency: "EUR") == nil)
        #expect(ExportAdapter.number("USD 8,000.00", locale: nil, currency: "EUR") == nil)
        #expect(ExportAdapter.number("1.5M", locale: nil, currency: "EUR") == nil)
        // No thousands separator after the decimal separator: never 1.23456.
        #expect(ExportAdapter.number("1.234,56", locale: nil) == nil)
        #expect(ExportAdapter.number("1,234.56", locale: "de-DE") == nil)
        #expect(ExportAdapter.number("1 234,56", locale: "fr-FR") == 1234.56)
        #expect(ExportAdapter.number("(12.50)", locale: nil) == -12.5)
        // Never guessed: thousands come in threes.
        #expect(ExportAdapter.number("12,5", locale: nil) == nil)
        #expect(ExportAdapter.number("1,234,567", locale: nil) == 1_234_567)
        #expect(ExportAdapter.number("abc", locale: nil) == nil)
    }

    @Test func notTheExportItSaysIsAnError() {
        let e = convert(.metaAds, Self.googleAds).diagnostics
        #expect(e.first?.message == "not a meta-ads export: no header line with `Reporting starts` and `Reporting ends`")
    }

    /// Google Ads by campaign type, with conversions: `columns:` adds the conversions as
    /// leads and takes the channel from the campaign type, `values:` recodes two of its values.
    static let googleAdsByType = utf16(
        """
        Campaign report\r
        "October 1, 2026 - October 31, 2026"\r
        Day\tCampaign\tCampaign type\tCost\tImpr.\tClicks\tConversions\r
        2026-10-01\tBrand\tSearch\t100.00\t1,000\t50\t5.00\r
        2026-10-01\tPMax\tPerformance Max\t200.00\t9,000\t90\t3.50\r
        2026-10-02\tGeneric\tSearch\t50.00\t500\t20\t1.00\r
        2026-10-02\tBanners\tDisplay Network\t10.00\t4,000\t8\t0.00\r
        Total: Account\t\t\t360.00\t14,500\t168\t9.50\r

        """)

    @Test func columnsAndValuesExtendTheAdaptersMap() {
        // Search: 100 + 50 = 150 spend, 1,000 + 500 impressions, 50 + 20 clicks, 5 + 1 leads;
        // Performance Max recoded to pmax; Display Network, not recoded, as an id.
        let c = convert(
            .googleAds, Self.googleAdsByType, columns: ["Conversions": "leads", "Campaign type": "channel"],
            values: ["channel": ["Search": "paid_search", "Performance Max": "pmax"]])
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(
            String(decoding: c.csv, as: UTF8.self)
                == "month,channel,spend,impressions,clicks,leads\n2026-10,display_network,10,4000,8,0\n2026-10,paid_search,150,1500,70,6\n2026-10,pmax,200,9000,90,3.5\n"
        )
        // A column mapped to a measure the adapter maps from another column takes its place.
        let cost = convert(.googleAds, Self.googleAdsByType, columns: ["Clicks": "spend"])
        #expect(String(decoding: cost.csv, as: UTF8.self).hasPrefix("month,channel,impressions,spend\n2026-10,paid_search,14500,168\n"))
        // A column the export does not have: the header is not found, and the message says which.
        let missing = convert(.googleAds, Self.googleAdsByType, columns: ["Conv. value": "attributed_revenue"])
        #expect(missing.diagnostics.first?.message == "not a google-ads export: no header line with `Cost` and `Conv. value`")
    }

    /// A Salesforce opportunity report exported as CSV: every cell quoted, US dates and
    /// amounts, a blank line, the grand totals, the confidentiality and copyright footer.
    static let salesforce = """
        "Opportunity Name","Account Name","Stage","Close Date","Amount","Lead Source","Opportunity Owner","Email"
        "Acme renewal","Acme Corp","Closed Won","9/28/2026","12,500.00","Web","Giulia Conti","ceo@acme.example"
        "Beta expansion","Beta SpA","Closed Won","10/3/2026","8,000.00","Partner","Marco Ferri","cfo@beta.example"
        "Gamma new","Gamma Ltd","Closed Won","10/17/2026","4,250.50","Web","Giulia Conti","buyer@gamma.example"
        ""
        "Grand Totals (3 records)","","","","24,750.50","","",""
        ""
        "Confidential Information - Do Not Distribute"
        "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."

        """

    @Test func salesforceReportByItsColumns() {
        // September: web 12,500.00. October: web 4,250.50; partner 8,000.00.
        let c = convert(
            .salesforceReport, Array(Self.salesforce.utf8), locale: "en-US",
            columns: ["Close Date": "date", "Amount": "attributed_revenue", "Lead Source": "channel"],
            values: ["channel": ["Web": "organic", "Partner": "partners"]])
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(
            String(decoding: c.csv, as: UTF8.self)
                == "month,channel,attributed_revenue\n2026-09,organic,12500\n2026-10,organic,4250.5\n2026-10,partners,8000\n")
        // Without a period among the columns there is nothing to put the rows in.
        let noPeriod = convert(.salesforceReport, Array(Self.salesforce.utf8), locale: "en-US", columns: ["Amount": "attributed_revenue"])
        #expect(noPeriod.diagnostics.first?.message == "a salesforce-report source names its period column in `columns:`")
    }

    @Test func aSalesforceSourceNeedsItsColumns() {
        let yaml = "name: U\nsector: tech\ncurrency: EUR\nconfidentiality: B\nsources:\n  - file: sf.csv\n    format: salesforce-report\n"
        let (_, problems) = BoardpackCommands.load(
            contentPath: "content", fileSystem: InMemoryFileSystem(bytes: ["content/units/u/unit.yml": Array(yaml.utf8)]))
        #expect(problems.contains { $0.message.contains("a salesforce-report source maps the report's columns") }, "\(problems)")
    }

    @Test func laterErrorsNameTheExportsLineAndColumn() throws {
        // `columns:` maps Conversions to a measure nobody declared: the CSV check's error is at
        // the export's header (line 3, column 46, counted in characters of the UTF-16 text);
        // a month the unit also reports in CSV is a duplicate at the export's first row of it.
        let yaml = """
            name: U
            sector: tech
            currency: EUR
            confidentiality: B
            sources:
              - file: gads.csv
                format: google-ads
                columns: {Conversions: conversion}

            """
        func load(_ files: [String: [UInt8]]) -> [Diagnostic] {
            var all = files.reduce(into: ["content/units/u/unit.yml": Array(yaml.utf8)]) { $0["content/units/u/data/\($1.key)"] = $1.value }
            all["content/units/u/data/gads.csv"] = Self.googleAdsByType
            return BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: all)).1.filter {
                $0.severity == .error
            }
        }
        let unknown = try #require(load([:]).first)
        #expect(unknown.location == SourceLocation(file: "content/units/u/data/gads.csv", line: 3, column: 46), "\(unknown)")
        #expect(unknown.message.contains("`conversion`"), "\(unknown)")
    }

    @Test func aDuplicateNamesTheExportsRow() throws {
        let yaml = "name: U\nsector: tech\ncurrency: EUR\nconfidentiality: B\nsources:\n  - file: gads.csv\n    format: google-ads\n"
        let all: [String: [UInt8]] = [
            "content/units/u/unit.yml": Array(yaml.utf8), "content/units/u/data/gads.csv": Self.googleAds,
            "content/units/u/data/ads.csv": Array("month,channel,spend\n2026-10,paid_search,2000\n".utf8),
        ]
        let (workspace, problems) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: all))
        var found = problems.filter { $0.severity == .error }
        if found.isEmpty, let ws = workspace {
            let prepare = Preparation()
            do {
                let (compiled, playbooks) = try prepare.validate(ws)
                _ = try prepare.compute(ws, compiled, playbooks)
            } catch let error as DiagnosticsError {
                found = error.diagnostics
            }
        }
        // The export's first October row is on line 5.
        #expect(found.contains { $0.description.contains("gads.csv:5") }, "\(found)")
    }

    @Test func theByteReadersAgreeWithTheTextReaders() throws {
        // Numbers read from the bytes are the doubles the text path (and Double()) gives;
        // what the byte path does not read (a currency sign, a percent, 16 digits) falls to
        // the text path.
        let cases: [(String, String?)] = [
            ("1,234.56", nil), ("-12.5", nil), ("0.1", nil), ("765.44", nil), ("1.234,56", "it-IT"), ("123456789012.34", nil),
            (".5", nil), ("12,5", nil), ("1234,567", nil), ("1,23", nil), ("9,999,999.99", "en-US"),
        ]
        for (text, locale) in cases {
            let bytes = try #require(ExportText(Array(text.utf8)))
            let (t, d) = ExportAdapter.separators(locale)
            let fast = bytes.number(bytes.lines[0], thousands: t?.asciiValue, decimal: d.asciiValue!)
            #expect(fast == ExportAdapter.number(text, locale: locale), "\(text)")
        }
        let sixteen = try #require(ExportText(Array("1234567890123456".utf8)))
        #expect(sixteen.number(sixteen.lines[0], thousands: nil, decimal: 0x2E) == nil)
        // Months from the bytes: ISO dates and months only.
        let dates = try #require(ExportText(Array("2026-10-01\n2026-10\n10/01/2026\n2026-13-01\n".utf8)))
        #expect(dates.isoMonth(dates.lines[0], kind: .date) == Month(year: 2026, month: 10))
        #expect(dates.isoMonth(dates.lines[1], kind: .month) == Month(year: 2026, month: 10))
        #expect(dates.isoMonth(dates.lines[2], kind: .date) == nil)
        #expect(dates.isoMonth(dates.lines[3], kind: .date) == nil)
    }

    @Test func utf16BigEndianSurrogatesAndQuotes() throws {
        // The same report in UTF-16 big-endian, a campaign named with an emoji (a surrogate
        // pair) and a quoted name holding a doubled quote and a tab.
        let text =
            "Day\tCampaign\tCost\tImpr.\tClicks\r\n2026-10-01\tLaunch 🚀\t10.00\t100\t5\r\n2026-10-02\t\"The \"\"big\"\"\tone\"\t5.50\t50\t1\r\n"
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let c = convert(.googleAds, be)
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(String(decoding: c.csv, as: UTF8.self) == "month,channel,spend,impressions,clicks\n2026-10,paid_search,15.5,150,6\n")
        // By campaign, the names come through whole.
        let named = convert(.googleAds, be, columns: ["Campaign": "channel"])
        #expect(String(decoding: named.csv, as: UTF8.self).contains("2026-10,launch,10,100,5"))  // an id keeps letters and digits
        #expect(String(decoding: named.csv, as: UTF8.self).contains("2026-10,the_big_one,5.5,50,1"))
        // A lone surrogate is no UTF-16.
        let broken: [UInt8] = [0xFF, 0xFE, 0x44, 0x00, 0x00, 0xD8, 0x41, 0x00]
        #expect(
            convert(.googleAds, broken).diagnostics.first?.message == "google-ads export is neither UTF-8 nor UTF-16 with a byte order mark"
        )
    }

    /// Each adapter's export and the boardpack CSV worked out by hand from it give a unit the
    /// same figures: every measure and KPI of its October and September packs.
    @Test func everyAdapterGivesTheFiguresOfTheSameCSV() throws {
        let cases: [(format: String, file: [UInt8], settings: String, csv: String, currency: String)] = [
            (
                "google-ads", Self.googleAds, "",
                "month,channel,spend,impressions,clicks\n2026-09,paid_search,100,1000,10\n2026-10,paid_search,2000,16000,750\n", "EUR"
            ),
            (
                "google-ads", Self.googleAdsByType,
                "    columns: {Conversions: leads, Campaign type: channel}\n    values: {channel: {Search: paid_search, Performance Max: pmax}}\n",
                "month,channel,spend,impressions,clicks,leads\n2026-10,display_network,10,4000,8,0\n2026-10,paid_search,150,1500,70,6\n2026-10,pmax,200,9000,90,3.5\n",
                "EUR"
            ),
            ("meta-ads", Self.meta, "", "month,channel,spend,impressions,clicks\n2026-10,paid_social,1500,120000,3000\n", "EUR"),
            (
                "linkedin-ads", Self.linkedIn, "",
                "month,channel,spend,impressions,clicks\n2026-09,linkedin,1234.56,12000,300\n2026-10,linkedin,1265.44,13000,300\n", "USD"
            ),
            (
                "ga4", Self.ga4, "",
                "month,channel,sessions\n2026-09,organic_search,1200\n2026-10,organic_search,1500\n2026-10,paid_search,1500\n", "EUR"
            ),
            (
                "hubspot-deals", Array(Self.hubspot.utf8), "",
                "month,new_customers,attributed_revenue,sales_cycle_days\n2026-09,1,3000,30\n2026-10,2,20000,17.5\n", "EUR"
            ),
            (
                "salesforce-report", Array(Self.salesforce.utf8),
                "    locale: en-US\n    columns: {Close Date: date, Amount: attributed_revenue, Lead Source: channel}\n    values: {channel: {Web: organic, Partner: partners}}\n",
                "month,channel,attributed_revenue\n2026-09,organic,12500\n2026-10,organic,4250.5\n2026-10,partners,8000\n", "EUR"
            ),
        ]
        let kpis = [
            "spend", "impressions", "clicks", "sessions", "leads", "new_customers", "attributed_revenue", "sales_cycle_days", "cpc", "ctr",
            "cpl", "cac", "paid_cac", "romi", "media_romi", "marketing_cost", "lead_to_customer_rate",
        ]
        func figures(_ name: String, _ bytes: [UInt8], sources: String, currency: String) throws -> [String: Double?] {
            let files: [String: [UInt8]] = [
                "content/units/u/unit.yml": Array("name: U\nsector: tech\ncurrency: \(currency)\nconfidentiality: B\n\(sources)".utf8),
                "content/units/u/data/\(name)": bytes,
                "content/units/u/data/base.csv": Array(
                    "month,overhead,revenue,gross_profit\n2026-09,100,5000,2000\n2026-10,100,6000,2500\n".utf8),
            ]
            let (workspace, diagnostics) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: files))
            let ws = try #require(workspace, "\(diagnostics)")
            let prepare = Preparation()
            let (compiled, playbooks) = try prepare.validate(ws)
            let model = try #require(try prepare.compute(ws, compiled, playbooks).models.first)
            var out: [String: Double?] = [:]
            // The rows as read, measure by measure and month by month…
            for file in ws.units[0].dataFiles where file.path.hasSuffix(name) {
                for (m, measure) in file.measures.enumerated() {
                    for (r, month) in file.months.enumerated() where !file.measureValues[m][r].isNaN {
                        out["\(month) \(measure) rows"] = (out["\(month) \(measure) rows"] ?? 0)! + file.measureValues[m][r]
                    }
                }
            }
            // …and every figure of the packs.
            for month in [9, 10] {
                let metrics = model.metrics.pack(.month(Month(year: 2026, month: month)))
                let evaluator = model.metrics.evaluator(for: metrics.period)
                for id in kpis { out["\(month) \(id)"] = metrics[kpi: id]?.value ?? evaluator.measure(id, at: metrics.period).value }
            }
            return out
        }
        for c in cases {
            let sources = "sources:\n  - file: export.csv\n    format: \(c.format)\n" + c.settings
            let fromExport = try figures("export.csv", c.file, sources: sources, currency: c.currency)
            let fromCSV = try figures("plain.csv", Array(c.csv.utf8), sources: "", currency: c.currency)
            #expect(fromExport == fromCSV, "\(c.format)")
            #expect(fromExport.values.contains { $0 != nil }, "\(c.format)")
        }
    }

    @Test func aRowInAnotherCurrencyIsAnError() {
        // Google Ads writes each row's currency: a manager account mixing two is refused at the cell.
        let export = Self.utf16("Day\tCurrency code\tCost\tImpr.\tClicks\n2026-10-01\tEUR\t10.00\t100\t5\n2026-10-01\tUSD\t12.00\t120\t6\n")
        let e = convert(.googleAds, export).diagnostics
        #expect(e.first?.message == "the row is in USD, and the unit reports in EUR")
        #expect(e.first?.location == SourceLocation(file: "data/x.csv", line: 3, column: 12))
        #expect(e.count == 1)
    }

    @Test func aCellInAnotherCurrencyIsAnError() {
        let export = Array("Close Date,Amount,Stage\n10/3/2026,USD 8000.00,Closed Won\n10/4/2026,EUR 100.00,Closed Won\n".utf8)
        let e = convert(.salesforceReport, export, locale: "en-US", columns: ["Close Date": "date", "Amount": "attributed_revenue"])
            .diagnostics
        #expect(e.map(\.message) == ["`USD 8000.00` is in USD, and the unit reports in EUR"])
        #expect(e.first?.location == SourceLocation(file: "data/x.csv", line: 2, column: 11))
        // A column named in USD through `columns:` is checked like the adapter's own.
        let meta = Array("Reporting starts,Reporting ends,Campaign name,Purchases conversion value (USD)\n2026-10-01,2026-10-01,A,5\n".utf8)
        let named = convert(.metaAds, meta, columns: ["Purchases conversion value (USD)": "attributed_revenue"]).diagnostics
        #expect(named.first?.message == "`Purchases conversion value (USD)` is in USD, and the unit reports in EUR")
    }

    @Test func onlyRowsWithoutAPeriodAreTotals() {
        // A campaign called `Total Gym` and one called `#BlackFriday` are campaigns; the total
        // row has no day; a `#` line ends only a GA4 table.
        let export = Self.utf16(
            "Campaign\tDay\tCost\tImpr.\tClicks\nTotal Gym\t2026-10-01\t10.00\t100\t1\n#BlackFriday\t2026-10-02\t5.00\t50\t1\nTotal: Account\t\t15.00\t150\t2\n"
        )
        let c = convert(.googleAds, export)
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(String(decoding: c.csv, as: UTF8.self) == "month,channel,spend,impressions,clicks\n2026-10,paid_search,15,150,2\n")
    }

    @Test func aRowWiderThanItsHeaderIsAnError() {
        // `1,234.56` unquoted in a comma-separated export: five fields under four names.
        let export = Array("Day,Campaign,Cost,Impr.\n2026-10-01,Brand,1,234.56,1000\n2026-10-02,Brand,5.00,10\n".utf8)
        let e = convert(.googleAds, export).diagnostics
        #expect(e.map(\.message) == ["the row has 5 fields and the header 4"])
        #expect(e.first?.location == SourceLocation(file: "data/x.csv", line: 2))
    }

    @Test func aTranslatedExportIsReadByItsColumns() {
        // Google Ads in Italian: no `Cost`, `columns:` names every column read.
        let export = Self.utf16("Rapporto campagne\nGiorno\tCosto\tImpr.\tClic\n2026-10-01\t12,50\t100\t4\n2026-10-02\t7,50\t50\t1\n")
        let c = convert(.googleAds, export, locale: "it-IT", columns: ["Giorno": "date", "Costo": "spend", "Clic": "clicks"])
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics)")
        #expect(String(decoding: c.csv, as: UTF8.self) == "month,channel,spend,impressions,clicks\n2026-10,paid_search,20,150,5\n")
    }

    @Test func aMetaExportWithoutANameColumnIsRefused() {
        // By ad set and day, without the campaign: its summary row is told by the ad set name.
        let byAdSet = Array(
            "Reporting starts,Reporting ends,Ad set name,Amount spent (EUR)\n2026-10-01,2026-10-31,,30\n2026-10-01,2026-10-01,A,10\n2026-10-02,2026-10-02,B,20\n"
                .utf8)
        #expect(String(decoding: convert(.metaAds, byAdSet).csv, as: UTF8.self) == "month,channel,spend\n2026-10,paid_social,30\n")
        let nameless = Array("Reporting starts,Reporting ends,Amount spent (EUR)\n2026-10-01,2026-10-31,30\n".utf8)
        #expect(
            convert(.metaAds, nameless).diagnostics.first?.message
                == "the meta-ads export has no `Campaign name`, `Ad set name`, `Ad name` column, which tells its summary row from the others"
        )
    }

    @Test func aDayThatDoesNotExistIsAnError() {
        for bad in ["2026-02-30", "2026-10-99", "2026-10-01xyz"] {
            let e = convert(.googleAds, Self.utf16("Day\tCost\n\(bad)\t5\n")).diagnostics
            #expect(e.first?.location == SourceLocation(file: "data/x.csv", line: 2, column: 1), "\(bad)")
        }
        #expect(convert(.googleAds, Self.utf16("Day\tCost\n2026-10-15T10:00\t5\n")).diagnostics.isEmpty)
        // `locale: iso` reads ISO dates only.
        #expect(!convert(.googleAds, Self.utf16("Day\tCost\n13/10/2026\t5\n"), locale: "iso").diagnostics.isEmpty)
    }

    @Test func aMistakeRepeatedInAnExportIsSummarised() {
        let rows = (1...20).map { "2026-10-\($0 < 10 ? "0" : "")\($0)\tn/a\t1\t1" }.joined(separator: "\n")
        let yaml = "name: U\nsector: tech\ncurrency: EUR\nconfidentiality: B\nsources:\n  - file: g.csv\n    format: google-ads\n"
        let files: [String: [UInt8]] = [
            "content/units/u/unit.yml": Array(yaml.utf8), "content/units/u/data/g.csv": Self.utf16("Day\tCost\tImpr.\tClicks\n\(rows)\n"),
        ]
        let errors = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: files)).1.filter {
            $0.severity == .error
        }
        #expect(errors.count == 4, "\(errors)")
        #expect(errors.last?.message == "… and 17 more like this on lines 5–21")
    }
}
