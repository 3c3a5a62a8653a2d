import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Month names, quarters, dates and locale parsing.
@Suite struct FormatDateTests {
    @Test func localesParse() {
        #expect(PackLocale(parsing: "it-IT") == .itIT)
        #expect(PackLocale(parsing: "en_gb") == .enGB)
        #expect(PackLocale(parsing: "EN-us") == .enUS)
        #expect(PackLocale(parsing: "fr-FR") == nil)
        #expect(PackLocale.itIT.label("target") == "Obiettivo" && PackLocale.enUS.label("target") == "Target")
    }

    @Test func monthsAndQuarters() {
        let october = Month(year: 2026, month: 10)
        #expect(PackFormatter(locale: .enGB).monthYear(october) == "October 2026")
        #expect(PackFormatter(locale: .itIT).monthYear(october) == "ottobre 2026")
        #expect(PackFormatter(locale: .enUS).shortMonthYear(Month(year: 2025, month: 9)) == "Sep 2025")
        #expect(PackFormatter(locale: .itIT).shortMonthYear(Month(year: 2025, month: 6)) == "giu 2025")
        #expect(PackFormatter(locale: .enGB).quarter(3, year: 2026) == "Q3 2026")
        #expect(PackFormatter(locale: .itIT).quarter(3, year: 2026) == "3° trimestre 2026")
        #expect(PackFormatter(locale: .itIT).shortQuarter(3, year: 2026) == "T3 2026")
    }

    @Test func dates() {
        #expect(PackFormatter(locale: .enGB).date(year: 2026, month: 11, day: 5) == "5 November 2026")
        #expect(PackFormatter(locale: .enUS).date(year: 2026, month: 11, day: 5) == "November 5, 2026")
        #expect(PackFormatter(locale: .itIT).date(year: 2026, month: 11, day: 5) == "5 novembre 2026")
        #expect(PackFormatter(locale: .itIT).date(year: 2026, month: 5, day: 1) == "1º maggio 2026")
    }
}
