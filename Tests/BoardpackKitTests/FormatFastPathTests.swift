import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The arithmetic shortcut of `RoundedDecimal` against the general path on the shortest
/// decimal text, which defines the rounding; and the one-buffer text of the formatter.
@Suite struct FormatFastPathTests {

    /// Values of every kind: short decimals (many exactly on a halfway point once scaled),
    /// halfway points nudged by one ulp, money-like and ratio-like values, large and tiny
    /// magnitudes, and arbitrary bit patterns.
    static func sampleValues() -> [Double] {
        var rng = SplitMix(state: 2026)
        var values: [Double] = [
            0, -0.0, 1.005, 0.125, 2.675, -2.675, 9.995, 999.995, 0.0049, -0.004, 2.5, -2.5, 0.015, 1.45,
            0.02675, 1e15, 1e15 + 0.5, -999_999_999_999_999.5, 123_456_789_012.345, 0x1p47, 0x1p47 - 0.5,
            0x1p53, 1e16, 1e22, 1e-7, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude,
        ]
        let divisors: [Double] = [1, 10, 100, 1000, 10_000, 100_000]
        for _ in 0..<1000 {
            let whole = Double(Int.random(in: -5_000_000...5_000_000, using: &rng))
            let short = whole / divisors[Int.random(in: 0..<divisors.count, using: &rng)]
            values += [short, short.nextUp, short.nextDown, short + 0.005, short * 1e9]
            values.append(Double.random(in: -1e7...1e7, using: &rng))
            values.append(Double.random(in: -1...1, using: &rng))
            let bits = Double(bitPattern: rng.next())
            if bits.isFinite { values.append(bits) }
        }
        return values
    }

    @Test func shortcutAgreesWithTheDecimalText() {
        var shortcuts = 0
        var total = 0
        for value in Self.sampleValues() {
            for shift in [-9, -6, -3, 0, 2] {
                for places in [0, 1, 2, 3, 10] {
                    let general = RoundedDecimal(shortestTextOf: value, places: places, shift: shift)
                    #expect(
                        RoundedDecimal(value, fractionDigits: places, shift: shift) == general,
                        "\(value) shift \(shift) places \(places)")
                    total += 1
                    if let units = RoundedDecimal.scaledUnits(value, places: places, shift: shift) {
                        shortcuts += 1
                        let fast = RoundedDecimal(negative: value.sign == .minus, units: units, places: places)
                        Self.expectSame(fast, general, "\(value) shift \(shift) places \(places)")
                    }
                }
            }
        }
        // The comparison above is only meaningful if the shortcut is actually taken.
        #expect(shortcuts * 2 > total)
    }

    /// Two roundings held differently (units and digit strings) read the same everywhere.
    static func expectSame(_ a: RoundedDecimal, _ b: RoundedDecimal, _ note: String) {
        #expect(a == b, "\(note)")
        #expect(a.isZero == b.isZero, "\(note)")
        #expect(a.isPlainOne == b.isPlainOne, "\(note)")
        #expect(a.integerDigitCount == b.integerDigitCount, "\(note)")
        #expect(a.trimmingZeros() == b.trimmingZeros(), "\(note)")
        for locale in [PackLocale.enGB, .itIT] {
            #expect(a.text(locale: locale, prefix: "−", suffix: "%") == b.text(locale: locale, prefix: "−", suffix: "%"))
            #expect(a.magnitude(locale: locale, grouping: false) == b.magnitude(locale: locale, grouping: false))
        }
    }

    @Test func shortcutDefersOnHalfwayPoints() {
        // 1.005 is stored as 1.00499999999999989…; × 100 gives 100.49999999999999, within the
        // error margin of the halfway point: the text ("1.005") must decide, and rounds up.
        #expect(RoundedDecimal.scaledUnits(1.005, places: 2, shift: 0) == nil)
        #expect(RoundedDecimal.scaledUnits(0.125, places: 2, shift: 0) == nil)  // 12.5 exactly
        #expect(RoundedDecimal.scaledUnits(2.675, places: 2, shift: 0) == nil)
        #expect(RoundedDecimal.scaledUnits(0.02675, places: 2, shift: 2) == nil)
        // Far from a halfway point the shortcut answers: 12.34 × 10 = 123.4 → 123.
        #expect(RoundedDecimal.scaledUnits(0.1234, places: 1, shift: 2) == 123)
        #expect(RoundedDecimal.scaledUnits(-41.178, places: 2, shift: 0) == 4118)
        // Too large (from 2^47) or beyond 10^22: the text decides.
        #expect(RoundedDecimal.scaledUnits(0x1p47, places: 0, shift: 0) == nil)
        #expect(RoundedDecimal.scaledUnits(1, places: 23, shift: 0) == nil)
    }

    @Test func tiesRoundHalfAwayFromZero() {
        func digits(_ value: Double, _ places: Int, shift: Int = 0) -> String {
            guard let r = RoundedDecimal(value, fractionDigits: places, shift: shift) else { return "nil" }
            return (r.isNegative ? "-" : "") + r.integerDigits + (places > 0 ? "." + r.fractionDigits : "")
        }
        #expect(digits(1.005, 2) == "1.01")
        #expect(digits(0.125, 2) == "0.13")
        #expect(digits(2.675, 2) == "2.68")
        #expect(digits(-2.675, 2) == "-2.68")
        #expect(digits(-0.125, 2) == "-0.13")
        #expect(digits(0.015, 2) == "0.02")
        // 0.02675 as a percentage: the text moved two places is 2.675 → 2.68.
        #expect(digits(0.02675, 2, shift: 2) == "2.68")
        // 1e15 scale: 999,999,999,999,999.5 is exact in binary and rounds up to 10^15.
        #expect(digits(999_999_999_999_999.5, 0) == "1000000000000000")
        #expect(digits(-999_999_999_999_999.5, 0) == "-1000000000000000")
        #expect(digits(123_456_789_012.345, 2) == "123456789012.35")
        // 1,234,567 in thousands: 1234.567 → 1234.6; −0.004 rounds to an unsigned zero.
        #expect(digits(1_234_567, 1, shift: -3) == "1234.6")
        #expect(digits(-0.004, 2) == "0.00")
        #expect(digits(-0.0, 1) == "0.0")
        #expect(digits(.leastNonzeroMagnitude, 2) == "0.00")
        #expect(digits(.nan, 2) == "nil")
    }

    @Test func textGroupsAndPlacesAffixes() {
        let r = RoundedDecimal(-1_234_567.891, fractionDigits: 2)!
        #expect(r.text(locale: .enGB, prefix: "−€") == "−€1,234,567.89")
        #expect(r.text(locale: .itIT, suffix: "\u{A0}€") == "1.234.567,89\u{A0}€")
        #expect(r.text(locale: .enGB, grouping: false) == "1234567.89")
        #expect(RoundedDecimal(999, fractionDigits: 0)!.magnitude(locale: .enGB) == "999")
        #expect(RoundedDecimal(1000, fractionDigits: 0)!.magnitude(locale: .itIT) == "1.000")
        #expect(RoundedDecimal(123_456, fractionDigits: 0)!.magnitude(locale: .enGB) == "123,456")
        #expect(RoundedDecimal(0.5, fractionDigits: 3)!.magnitude(locale: .enGB) == "0.500")
        #expect(RoundedDecimal(48.5, fractionDigits: 10)!.trimmingZeros().fractionDigits == "5")
        #expect(RoundedDecimal(3, fractionDigits: 2)!.trimmingZeros().fractionDigits == "")
        // The same through the general path (a value beyond the shortcut's range).
        let large = RoundedDecimal(1e20, fractionDigits: 2)!
        #expect(large.text(locale: .enGB) == "100,000,000,000,000,000,000.00")
        #expect(large.trimmingZeros().text(locale: .itIT) == "100.000.000.000.000.000.000")
        #expect(large.integerDigitCount == 21)
        #expect(RoundedDecimal(1, fractionDigits: 0)!.isPlainOne)
        #expect(!RoundedDecimal(1, fractionDigits: 1)!.isPlainOne)
        #expect(!RoundedDecimal(-1, fractionDigits: 0)!.isPlainOne)
    }

    @Test func currencyCodesInAnyCase() {
        let gb = PackFormatter(locale: .enGB)
        #expect(PackFormatter.currencySymbol(for: "eur") == "€")
        #expect(PackFormatter.currencySymbol(for: "Gbp") == "£")
        #expect(PackFormatter.currencySymbol(for: "chf") == "CHF")
        #expect(gb.currency(-5, code: "usd", fractionDigits: 0) == "−$5")
        // A one-letter code is not set apart by a space, as a symbol is not.
        #expect(gb.currency(5, code: "x", fractionDigits: 0) == "X5")
        #expect(PackFormatter(locale: .itIT).compactCurrency(-2.5e9, code: "CHF") == "−2,5\u{A0}Mld\u{A0}CHF")
    }
}
