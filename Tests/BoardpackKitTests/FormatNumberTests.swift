import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Hand-worked cases for numbers, money and ratios in the three locales.
/// `−` below is U+2212 and `\u{A0}` the no-break space, both documented choices.
@Suite struct FormatNumberTests {
    let gb = PackFormatter(locale: .enGB)
    let us = PackFormatter(locale: .enUS)
    let it = PackFormatter(locale: .itIT)
    let nbsp = "\u{A0}"

    @Test func decimalsAndGrouping() {
        #expect(gb.decimal(1234.56, fractionDigits: 2) == "1,234.56")
        #expect(it.decimal(1234.56, fractionDigits: 2) == "1.234,56")
        #expect(gb.decimal(1234.56, fractionDigits: 2, grouping: false) == "1234.56")
        #expect(gb.count(1462) == "1,462")
        #expect(it.count(1462) == "1.462")
        #expect(gb.count(999) == "999")
        // 1e16 prints as "1e+16"; its digits are a 1 followed by sixteen zeros.
        #expect(gb.decimal(1e16) == "10,000,000,000,000,000")
        #expect(gb.decimal(0.00001, fractionDigits: 5) == "0.00001")
        #expect(gb.decimal(-1234567.891, fractionDigits: 1) == "−1,234,567.9")
    }

    @Test func roundingIsHalfAwayFromZeroOnTheDecimalText() {
        // 2.675 is stored as 2.67499999…; its shortest text is "2.675", whose third decimal 5 rounds up.
        #expect(gb.decimal(2.675, fractionDigits: 2) == "2.68")
        #expect(gb.decimal(-2.675, fractionDigits: 2) == "−2.68")
        #expect(gb.decimal(1.005, fractionDigits: 2) == "1.01")
        #expect(gb.decimal(0.125, fractionDigits: 2) == "0.13")
        // 0.1 + 0.2 = 0.30000000000000004 → "0.30".
        #expect(gb.decimal(0.1 + 0.2, fractionDigits: 2) == "0.30")
        // 9.995 → 9.99|5 → carry → 10.00; 999.995 → 1,000.00.
        #expect(gb.decimal(9.995, fractionDigits: 2) == "10.00")
        #expect(gb.decimal(999.995, fractionDigits: 2) == "1,000.00")
        #expect(gb.decimal(0.0049, fractionDigits: 2) == "0.00")
        // −0.004 rounds to zero, which carries no sign.
        #expect(gb.decimal(-0.004, fractionDigits: 2) == "0.00")
        #expect(gb.decimal(2.5) == "3")
        #expect(gb.decimal(-2.5) == "−3")
    }

    @Test func currency() {
        #expect(gb.currency(1234.56, code: "EUR") == "€1,234.56")
        #expect(us.currency(1234.56, code: "EUR") == "€1,234.56")
        #expect(it.currency(1234.56, code: "EUR") == "1.234,56\(nbsp)€")
        #expect(gb.currency(-1234.56, code: "EUR") == "−€1,234.56")
        #expect(it.currency(-1234.56, code: "EUR") == "−1.234,56\(nbsp)€")
        #expect(us.currency(41.18, code: "USD") == "$41.18")
        #expect(gb.currency(48200, code: "GBP", fractionDigits: 0) == "£48,200")
        #expect(gb.currency(1234.56, code: "chf") == "CHF\(nbsp)1,234.56")
        #expect(it.currency(1234.56, code: "CHF") == "1.234,56\(nbsp)CHF")
        #expect(gb.currency(nil, code: "EUR") == "n/a")
    }

    @Test func percentAndChanges() {
        // 0.1234 × 100 = 12.34 → 12.3.
        #expect(gb.percent(0.1234) == "12.3%")
        #expect(it.percent(0.1234) == "12,3%")
        // 0.02675 → text shifted two places = 2.675 → 2.68 (no multiplication artefacts).
        #expect(gb.percent(0.02675, fractionDigits: 2) == "2.68%")
        #expect(gb.percent(-0.5, fractionDigits: 0) == "−50%")
        #expect(gb.relativeChange(0.2034) == "+20.3%")
        #expect(gb.relativeChange(-0.041) == "−4.1%")
        #expect(it.relativeChange(-0.041) == "−4,1%")
        #expect(gb.relativeChange(0.0004) == "0.0%")
        #expect(gb.percentagePoints(0.021) == "+2.1\(nbsp)pp")
        #expect(it.percentagePoints(0.021) == "+2,1\(nbsp)p.p.")
        #expect(gb.percentagePoints(-0.0149) == "−1.5\(nbsp)pp")
    }

    @Test func compact() {
        // 48,200 / 1,000 = 48.2.
        #expect(gb.compact(48200) == "48.2k")
        #expect(it.compact(48200) == "48,2k")
        #expect(gb.compactCurrency(48200, code: "EUR") == "€48.2k")
        #expect(it.compactCurrency(48200, code: "EUR") == "48,2k\(nbsp)€")
        #expect(gb.compactCurrency(-48200, code: "EUR") == "−€48.2k")
        // 1,234,567 / 10^6 = 1.234567 → 1.2.
        #expect(gb.compact(1_234_567) == "1.2M")
        #expect(it.compact(1_234_567) == "1,2\(nbsp)Mln")
        #expect(it.compactCurrency(1_234_567, code: "EUR") == "1,2\(nbsp)Mln\(nbsp)€")
        // 999,960 / 1,000 = 999.96 → 1000.0k, which moves up a scale: 0.99996 → 1.0M.
        #expect(gb.compact(999_960) == "1.0M")
        #expect(gb.compact(2.5e9) == "2.5bn")
        #expect(it.compact(2.5e9) == "2,5\(nbsp)Mld")
        #expect(gb.compact(950) == "950")
        #expect(gb.compact(12.5) == "12.5")
        #expect(gb.compact(nil) == "n/a")
    }

    @Test func unitsAndMissingValues() {
        #expect(gb.days(34) == "34\(nbsp)days")
        #expect(it.days(34) == "34\(nbsp)giorni")
        #expect(gb.days(1) == "1\(nbsp)day")
        #expect(it.days(1) == "1\(nbsp)giorno")
        #expect(gb.months(3.5) == "3.5\(nbsp)months")
        #expect(it.months(3.5) == "3,5\(nbsp)mesi")
        #expect(gb.months(1, fractionDigits: 0) == "1\(nbsp)month")
        #expect(gb.months(1) == "1.0\(nbsp)months")
        #expect(gb.multiple(3.24) == "3.2×")
        #expect(it.multiple(3.25) == "3,3×")
        #expect(gb.decimal(nil) == "n/a")
        #expect(it.decimal(nil) == "n.d.")
        #expect(gb.percent(.nan) == "n/a")
        #expect(it.currency(.infinity, code: "EUR") == "n.d.")
    }

    @Test func valueFormatDefaults() {
        #expect(ValueFormat(unit: "currency", currency: "EUR").format(41.18, locale: .enGB) == "€41.18")
        // From a thousand up, money drops the cents: €48,200 as in the spec's worked example.
        #expect(ValueFormat.currency("EUR").format(48200, locale: .enGB) == "€48,200")
        #expect(ValueFormat(unit: "ratio", currency: "EUR").format(0.1234, locale: .itIT) == "12,3%")
        #expect(ValueFormat.currency("EUR").shortLabels([48200, 9800, nil], locale: .enGB) == ["€48.2k", "€9.8k", "n/a"])
        #expect(ValueFormat.count.shortLabels([950, 2150], locale: .enGB) == ["950", "2,150"])
    }

    @Test func escaping() {
        #expect(escapeHTML("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect("Qualità €".htmlEscaped == "Qualità €")
    }
}
