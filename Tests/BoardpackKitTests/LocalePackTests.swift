import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The same unit in en-GB and it-IT: numbers, currency, dates and every label follow the locale.
@Suite struct LocalePackTests {
    func page(locale: String) throws -> String {
        let yaml = TestWorkspace.unitYAML.replacingOccurrences(of: "locale: en-GB", with: "locale: \(locale)")
        let site = try TestWorkspace.build(TestWorkspace.files(extra: ["content/units/acme/unit.yml": yaml]))
        return try #require(site.text("acme/2026-10/index.html"))
    }

    @Test func formatterConventions() {
        #expect(PackFormatter(locale: .enGB).currency(1234.56, code: "EUR") == "€1,234.56")
        #expect(PackFormatter(locale: .itIT).currency(1234.56, code: "EUR") == "1.234,56\u{00A0}€")
        #expect(PackFormatter(locale: .enUS).date(year: 2026, month: 11, day: 5) == "November 5, 2026")
    }

    @Test func englishPack() throws {
        let html = try page(locale: "en-GB")
        #expect(html.contains("<html lang=\"en\">"))
        for text in [
            "Marketing board pack — October 2026", "Executive summary", "Decisions and actions", "Channels", "Appendix", "Data to",
            "31 October 2026", "Front sheet",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        // The pack names the day its data runs to, never the build's `generated_on`.
        #expect(!html.contains("5 November 2026"))
        // October spend 1,300 + 700 = 2,000: money from a thousand up shows whole euros.
        #expect(html.contains("€2,000"))
        #expect(!html.contains("Sintesi"))
    }

    @Test func italianPack() throws {
        let html = try page(locale: "it-IT")
        #expect(html.contains("<html lang=\"it\">"))
        for text in [
            "Board pack marketing — ottobre 2026", "Sintesi per il board", "Decisioni e azioni", "Canali", "Appendice", "Dati al",
            "31 ottobre 2026", "Scheda di sintesi",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(html.contains("2.000\u{00A0}€"))
        for english in ["Executive summary", "Decisions and actions", "Previous<", "Year ago<", ">Status<"] {
            #expect(!html.contains(english), "untranslated: \(english)")
        }
    }

    /// What a reader sees of a page: no style sheet, no markup, no `<code>` (KPI ids such as
    /// `budget_utilisation` are the dictionary's ids, the same in every language).
    static func visibleText(_ html: String) throws -> String {
        var text = html
        for pattern in [#"<style>[\s\S]*?</style>"#, #"<code[^>]*>[\s\S]*?</code>"#, #"<[^>]+>"#] {
            text = text.replacing(try Regex(pattern), with: " ")
        }
        return text
    }

    @Test(arguments: ["retail", "tech", "luxury", "banking"]) func usPagesUseUSSpelling(sector: String) throws {
        let yaml = TestWorkspace.unitYAML.replacingOccurrences(of: "locale: en-GB", with: "locale: en-US")
            .replacingOccurrences(of: "sector: retail", with: "sector: \(sector)")
        let site = try TestWorkspace.build(TestWorkspace.files(extra: ["content/units/acme/unit.yml": yaml]))
        for path in ["acme/2026-10/index.html", "acme/index.html"] {
            let text = try Self.visibleText(try #require(site.text(path))).lowercased()
            for british in ["utilisation", "organisation", "programme", "centre", "colour", "behaviour", "optimis", "prioritis"] {
                #expect(!text.contains(british), "\(sector) \(path): \(british)")
            }
        }
        #expect(USSpelling.apply("Budget utilisation of the cost centre") == "Budget utilization of the cost center")
        #expect(USSpelling.apply("Realistic analysis") == "Realistic analysis")
    }
}
