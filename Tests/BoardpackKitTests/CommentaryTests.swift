import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The commentary of SPEC §5.4, on hand-worked series.
@Suite struct CommentaryTests {
    static let names = Commentary.PeriodNames(previous: "September", yearAgo: "October 2025") { "\($0) months" }
    static let nomi = Commentary.PeriodNames(previous: "settembre", yearAgo: "ottobre 2025") { "\($0) mesi" }

    static func subject(
        _ label: String, ratio: Bool = false, better: KPIDefinition.Direction = .lower, status: KPIStatus = .none,
        _ series: [Double?], yearAgo: Double? = nil, format: ValueFormat = .currency("EUR"), locale: PackLocale = .enGB
    ) -> Commentary.Subject {
        Commentary.Subject(
            label: label, isRatio: ratio, better: better, status: status, series: series, yearAgo: yearAgo,
            format: { $0.map { format.format($0, locale: locale) } })
    }

    @Test func aMovePastThePeriodThresholdSaysWhetherItIsGoodOrBad() {
        // CAC €41.06 → €49.40: 49.40 / 41.06 − 1 = 0.20312… → 20.3 %; CAC is lower-is-better: worse.
        let cac = Self.subject("CAC", [38, 41.06, 49.40])
        #expect(Commentary.sentence(cac, names: Self.names, locale: .enGB) == "CAC worsened: it rose 20.3% to €49.40 (September: €41.06).")
        let it = Self.subject("CAC", [38, 41.06, 49.40], locale: .itIT)
        #expect(
            Commentary.sentence(it, names: Self.nomi, locale: .itIT)
                == "CAC in peggioramento: sale del 20,3% a 49,40\u{00A0}€ (settembre: 41,06\u{00A0}€).")
        // A fall of CAC is an improvement: 41.06 → 36.00 is −12.3 %.
        let better = Self.subject("CAC", [30, 41.06, 36.00])
        #expect(
            Commentary.sentence(better, names: Self.names, locale: .enGB) == "CAC improved: it fell 12.3% to €36.00 (September: €41.06).")
    }

    @Test func aRatioMovesFromOneValueToTheOtherNeverAsAFallOfPoints() {
        // Lead velocity 19.4 % → −15.3 %: said from one to the other, never "fell 34.7 pp to".
        let lvr = Self.subject("Lead velocity rate", ratio: true, better: .higher, [0.10, 0.194, -0.153], format: .ratio)
        #expect(
            Commentary.sentence(lvr, names: Self.names, locale: .enGB)
                == "Lead velocity rate worsened: it fell from 19.4% (September) to −15.3%.")
        // Italian elides before a number read with a vowel: "dall'8,2%", "all'11,0%".
        let rate = Self.subject("Tasso lead-cliente", ratio: true, better: .higher, [0.05, 0.082, 0.11], format: .ratio, locale: .itIT)
        #expect(
            Commentary.sentence(rate, names: Self.nomi, locale: .itIT)
                == "Tasso lead-cliente in miglioramento: sale dall'8,2% (settembre) all'11,0%.")
    }

    @Test func aStreakOfThreeWrongWayMovesIsTheMostTelling() {
        // CAC rose in each of the last 12 months, from 400 to 576.25 (the move this month is
        // only +2 %, under the threshold); a year ago 402.69: 576.25 / 402.69 − 1 = 0.43099… → 43.1 %.
        var series: [Double?] = [410, 400]
        for k in 1...11 { series.append(400 + Double(k) * 15) }
        series.append(576.25)
        let cac = Self.subject("CAC", series, yearAgo: 402.69, format: .currency("USD"))
        #expect(cac.wrongWayStreak == 12)
        #expect(
            Commentary.sentence(cac, names: Self.names, locale: .enGB)
                == "CAC worsened: it has risen for 12 months in a row, to $576.25, 43.1% above a year ago.")
        // Two wrong-way moves are no streak: then the period move decides (+2.1 % is no news).
        let short = Self.subject("CAC", [500, 510, 520, 531], yearAgo: 520)
        #expect(short.wrongWayStreak == 3)
        let two = Self.subject("CAC", [530, 510, 520, 531], yearAgo: 520)
        #expect(two.wrongWayStreak == 2)
        #expect(Commentary.sentence(two, names: Self.names, locale: .enGB) == nil)
    }

    @Test func aYearOnYearMoveIsSaidWhenThePeriodIsQuiet() {
        // ROMI 30 % → 31 % (1 pp, quiet), but a year ago 20 %: 11 pp ≥ 5 pp.
        let romi = Self.subject("ROMI", ratio: true, better: .higher, [0.29, 0.30, 0.31], yearAgo: 0.20, format: .ratio)
        #expect(
            Commentary.sentence(romi, names: Self.names, locale: .enGB)
                == "ROMI improved year on year: it rose from 20.0% (October 2025) to 31.0%.")
        // CAC €60 against €48 a year ago: +25 % ≥ 20 %.
        let cac = Self.subject("CAC", [59, 59.5, 60], yearAgo: 48)
        #expect(
            Commentary.sentence(cac, names: Self.names, locale: .enGB)
                == "CAC worsened year on year: €60.00, 25.0% above October 2025 (€48.00).")
    }

    @Test func aBandJudgesAMoveByItsDistanceToTheBand() {
        // Budget utilisation 60 % → 85 % against the band 80–110 %: it rose into the band, which
        // is good, whatever "lower is better" says; 100 % → 125 % is bad; a move inside is none.
        func subject(_ series: [Double?]) -> Commentary.Subject {
            Commentary.Subject(
                label: "Budget utilisation", isRatio: true, better: .lower, band: (0.8, 1.1), status: .none, series: series,
                yearAgo: nil, format: { $0.map { ValueFormat.ratio.format($0, locale: .enGB) } })
        }
        #expect(
            Commentary.sentence(subject([0.6, 0.85]), names: Self.names, locale: .enGB)
                == "Budget utilisation improved: it rose from 60.0% (September) to 85.0%.")
        #expect(
            Commentary.sentence(subject([1.0, 1.25]), names: Self.names, locale: .enGB)
                == "Budget utilisation worsened: it rose from 100.0% (September) to 125.0%.")
        #expect(Commentary.sentence(subject([0.85, 1.05]), names: Self.names, locale: .enGB) == nil)
    }

    @Test func oneSentenceQuotesItsValuesWithTheSameDigits() {
        // 4.4 → 4.989 days against a target of 5: 4.989 needs a second digit, and so does 4.4.
        let cycle = Commentary.Subject(
            label: "Sales cycle", isRatio: false, better: .lower, status: .amber, series: [4.0, 4.4, 4.989], yearAgo: nil,
            format: { values in
                let extra = values.map { ValueFormat.days.extraDigits(for: $0, keepingSidesOf: [5]) }.max() ?? 0
                return values.map { ValueFormat.days.format($0, locale: .enGB, extraDigits: extra) }
            })
        #expect(
            Commentary.sentence(cycle, names: Self.names, locale: .enGB)
                == "Sales cycle worsened: it rose 13.4% to 4.99\u{00A0}days (September: 4.40\u{00A0}days).")
    }

    @Test func redFirstThenAmberThenTheRestAndSixAtMost() {
        let moving: [Double?] = [100, 100, 150]
        let subjects = ["A", "B", "C", "D", "E", "F", "G"].enumerated().map { i, label in
            Self.subject(label, status: i == 3 ? .red : i == 5 ? .amber : .green, moving, format: .count)
        }
        let said = Commentary.sentences(subjects, names: Self.names, locale: .enGB)
        #expect(said.count == 6)
        #expect(said.map { String($0.prefix(1)) } == ["D", "F", "A", "B", "C", "E"])
    }

    @Test func thresholds() {
        // 9.9 % is below the 10 % threshold; exactly 10 % passes.
        #expect(!Commentary.Move(isRatio: false, value: 109.9, previous: 100).isNotable)
        #expect(Commentary.Move(isRatio: false, value: 90, previous: 100).isNotable)
        // 1.9 pp does not pass; 2 pp does.
        #expect(!Commentary.Move(isRatio: true, value: 0.119, previous: 0.10).isNotable)
        #expect(Commentary.Move(isRatio: true, value: 0.08, previous: 0.10).isNotable)
        // No relative move from a non-positive previous value.
        #expect(!Commentary.Move(isRatio: false, value: 5, previous: 0).isNotable)
        // A year: 20 % and 5 pp.
        #expect(!Commentary.Move(isRatio: false, value: 119, previous: 100).isNotableOnAYear)
        #expect(Commentary.Move(isRatio: false, value: 120, previous: 100).isNotableOnAYear)
        #expect(!Commentary.Move(isRatio: true, value: 0.149, previous: 0.10).isNotableOnAYear)
        #expect(Commentary.Move(isRatio: true, value: 0.15, previous: 0.10).isNotableOnAYear)
    }

    @Test func italianNumbersReadWithAVowelElide() {
        for (text, elides) in [
            ("8,2%", true), ("80,0%", true), ("11,0%", true), ("11.000", true), ("1,5%", true),
            ("1.000", false), ("18,0%", false), ("19,4%", false), ("−8,0%", false),
        ] {
            #expect(Commentary.Words.elides(text) == elides, "\(text)")
        }
    }
}
