import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct CommentaryTests {
    // CAC €41.06 → €49.40: 49.40 / 41.06 − 1 = 0.20312… → 20.3 %.
    let cac = Commentary.Move(label: "CAC", isRatio: false, value: 49.40, previous: 41.06, format: .currency("EUR"))
    // Lead-to-customer rate 17.3 % → 19.4 %: +2.1 percentage points.
    let rate = Commentary.Move(label: "Lead-to-customer rate", isRatio: true, value: 0.194, previous: 0.173, format: .ratio)

    @Test func currencyKPIInEnglishAndItalian() {
        #expect(cac.isNotable)
        #expect(Commentary.sentence(cac, previousLabel: "September", locale: .enGB) == "CAC rose 20.3% to €49.40 (September: €41.06).")
        #expect(
            Commentary.sentence(cac, previousLabel: "settembre", locale: .itIT)
                == "CAC in aumento del 20,3% a 49,40\u{00A0}€ (settembre: 41,06\u{00A0}€).")
    }

    @Test func ratioKPIMovesInPercentagePoints() {
        #expect(rate.isNotable)
        #expect(
            Commentary.sentence(rate, previousLabel: "September", locale: .enGB)
                == "Lead-to-customer rate rose 2.1\u{00A0}pp to 19.4% (September: 17.3%).")
        var fall = rate
        (fall.value, fall.previous) = (0.173, 0.194)
        let expected = "Tasso lead-cliente in calo di 2,1\u{00A0}p.p. a 17,3% (settembre: 19,4%)."
        fall.label = "Tasso lead-cliente"
        #expect(Commentary.sentence(fall, previousLabel: "settembre", locale: .itIT) == expected)
    }

    @Test func thresholds() {
        // 9.9 % is below the 10 % threshold; exactly 10 % passes.
        #expect(!Commentary.Move(label: "x", isRatio: false, value: 109.9, previous: 100, format: .count).isNotable)
        #expect(Commentary.Move(label: "x", isRatio: false, value: 90, previous: 100, format: .count).isNotable)
        // 1.9 pp does not pass; 2 pp does.
        #expect(!Commentary.Move(label: "x", isRatio: true, value: 0.119, previous: 0.10, format: .ratio).isNotable)
        #expect(Commentary.Move(label: "x", isRatio: true, value: 0.08, previous: 0.10, format: .ratio).isNotable)
        // No relative move from a non-positive previous value.
        #expect(!Commentary.Move(label: "x", isRatio: false, value: 5, previous: 0, format: .count).isNotable)
    }
}
