import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Nice ticks, tick labels and the small layout helpers, on hand-worked cases.
@Suite struct ChartScaleTests {
    @Test func ticksForZeroTo97() {
        // (97 − 0) / 5 = 19.4 = 1.94 × 10 → next nice multiplier 2 → step 20; 0 … ceil(97/20)=5 → 100.
        #expect(NiceScale(covering: [0, 97]).ticks == [0, 20, 40, 60, 80, 100])
    }

    @Test func ticksForSmallRatios() {
        // (0.087 − 0.013) / 5 = 0.0148 → step 0.02; floor(0.013/0.02)=0, ceil(0.087/0.02)=ceil(4.35)=5.
        let scale = NiceScale(covering: [0.013, 0.087])
        #expect(scale.ticks == [0, 0.02, 0.04, 0.06, 0.08, 0.1])
        #expect(scale.ticks[3].description == "0.06")  // exact decimal, no binary tail
        #expect(ValueFormat.ratio.tickLabels(for: scale, locale: .enGB) == ["0%", "2%", "4%", "6%", "8%", "10%"])
    }

    @Test func ticksForNegativeRange() {
        // 155 / 5 = 31 = 3.1 × 10 → multiplier 5 → step 50; floor(−35/50) = −1, ceil(120/50) = 3.
        #expect(NiceScale(covering: [-35, 120], includeZero: true).ticks == [-50, 0, 50, 100, 150])
    }

    @Test func ticksForEqualValues() {
        // All 40: padded by 10% to 36…44; 8 / 5 = 1.6 → step 2.
        #expect(NiceScale(covering: [40, 40, 40]).ticks == [36, 38, 40, 42, 44])
        // A single 7 without zero: 6.3…7.7; 1.4 / 5 = 0.28 → step 0.5; 12×0.5 … 16×0.5.
        #expect(NiceScale(covering: [7]).ticks == [6, 6.5, 7, 7.5, 8])
        // A single 7 with zero (bars): 0…7; 7 / 5 = 1.4 → step 2; ceil(7/2) = 4.
        #expect(NiceScale(covering: [7], includeZero: true).ticks == [0, 2, 4, 6, 8])
        // All zero, or nothing at all: 0…1 in steps of 0.2.
        #expect(NiceScale(covering: [0, 0], includeZero: true).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceScale(covering: [nil, nil]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func compactMoneyTicks() {
        // 0…48,200: 9,640 → 9.64 × 1,000 → multiplier 10 → step 10,000; labels in thousands.
        let scale = NiceScale(covering: [0, 48_200])
        #expect(scale.ticks == [0, 10_000, 20_000, 30_000, 40_000, 50_000])
        #expect(ValueFormat.currency("EUR").tickLabels(for: scale, locale: .enGB) == ["€0", "€10k", "€20k", "€30k", "€40k", "€50k"])
        // 0…12,500: 12,500 / 5 = 2,500 = 2.5 × 1,000 → multiplier 5 → step 5,000; ceil(12,500 / 5,000) = 3.
        let small = NiceScale(covering: [0, 12_500])
        #expect(ValueFormat.count.tickLabels(for: small, locale: .itIT) == ["0", "5k", "10k", "15k"])
        // Step 0.5 on multiples needs one decimal on every tick.
        #expect(ValueFormat.multiple.tickLabels(for: NiceScale(covering: [7]), locale: .enGB) == ["6.0×", "6.5×", "7.0×", "7.5×", "8.0×"])
    }

    @Test func positions() {
        let scale = NiceScale(covering: [0, 97])
        // 40 of 0…100 onto 250…10 (y grows downwards): 250 − 0.4 × 240 = 154.
        #expect(scale.position(40, from: 250, to: 10) == 154)
    }

    @Test func labelThinningKeepsTheLatest() {
        // Labels 50 wide need 58 each; at 40 apart every 2nd fits: 11, 9, 7, 5, 3, 1.
        #expect(ChartAxes.thinned(count: 12, labelWidth: 50, spacing: 40) == [1, 3, 5, 7, 9, 11])
        #expect(ChartAxes.thinned(count: 3, labelWidth: 10, spacing: 100) == [0, 1, 2])
    }

    @Test func labelSpreading() {
        // 100 and 104 are 14 apart after spreading; 200 stays.
        #expect(ChartAxes.spread([104, 100, 200], gap: 14, low: 0, high: 250) == [114, 100, 200])
        // Pushed past the bottom (250): the last goes to 250, the one before to 236.
        #expect(ChartAxes.spread([249, 250], gap: 14, low: 0, high: 250) == [236, 250])
    }

    @Test func svgNumbers() {
        #expect(SVGBuilder.number(40) == "40")
        #expect(SVGBuilder.number(12.25) == "12.3")
        #expect(SVGBuilder.number(-3.15) == "-3.2")
        #expect(SVGBuilder.number(-0.04) == "0")
        // Carries: 9.95 → 10.0 → "10"; 99.96 → 100.0 → "100"; -0.95 → -1.0 → "-1".
        #expect(SVGBuilder.number(9.95) == "10")
        #expect(SVGBuilder.number(99.96) == "100")
        #expect(SVGBuilder.number(-0.95) == "-1")
        // 1.45 is a hair below 1.45 in binary, but its shortest text "1.45" rounds up to 1.5.
        #expect(SVGBuilder.number(1.45) == "1.5")
        // Exponent notation takes the general path: 1e-05 → 0.0; 1e+16 stays whole.
        #expect(SVGBuilder.number(0.00001) == "0")
        #expect(SVGBuilder.number(1e16) == "10000000000000000")
    }

    @Test func svgNumbersMatchRoundedDecimal() {
        // The plain-notation fast path must agree with the general RoundedDecimal rounding.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let v = Double.random(in: -2000...2000, using: &generator) / Double([1, 10, 100, 1000].randomElement(using: &generator)!)
            let r = RoundedDecimal(v, fractionDigits: 1)!
            let general = (r.isNegative ? "-" : "") + (r.fractionDigits == "0" ? r.integerDigits : r.integerDigits + "." + r.fractionDigits)
            #expect(SVGBuilder.number(v) == general, "\(v)")
        }
    }

    @Test func svgNumbersAtRoundingBoundaries() {
        // The tenths fast path compares doubles with the halfway points x.x5; the shortest
        // text decides, so the doubles at and on either side of each halfway point must
        // round as the text does, up to the 10^12 limit of the fast path.
        func general(_ v: Double) -> String {
            let r = RoundedDecimal(v, fractionDigits: 1)!
            return (r.isNegative ? "-" : "") + (r.fractionDigits == "0" ? r.integerDigits : r.integerDigits + "." + r.fractionDigits)
        }
        var values: [Double] = []
        for k in -4000...4000 { values += [Double(k) / 20, Double(k) / 100] }
        for scale in [1e3, 1e6, 1e9, 1e11, 9.99e11] {
            for k in 0..<200 { values.append((scale * 20 + Double(k)) / 20) }
        }
        for b in values {
            for v in [b, b.nextUp, b.nextDown, -b, -b.nextUp, -b.nextDown] {
                #expect(SVGBuilder.number(v) == general(v), "\(v)")
            }
        }
    }

    @Test func idsAndTruncation() {
        #expect(ChartDocument.safeID("cac-trend") == "cac-trend")
        #expect(ChartDocument.safeID("3 cac/€") == "c-3-cac--")
        let cut = TextMetrics.truncate("Torino Porta Nuova e Lingotto (flagship)", to: 100)
        #expect(cut.hasSuffix("…"))
        #expect(TextMetrics.width(cut) <= 100)
        #expect(TextMetrics.truncate("Rome", to: 100) == "Rome")
    }

    @Test func deterministicLogarithm() {
        #expect(abs(ChartMath.log10(1000) - 3) < 1e-12)
        #expect(abs(ChartMath.log10(1_250_000) - 6.096910013008056) < 1e-12)
        #expect(abs(ChartMath.log10(0.01) + 2) < 1e-12)
    }
}
