import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The strict number grammar of data files.
@Suite struct CSVNumberGrammarTests {
    @Test(arguments: [
        ("0", 0.0), ("-12", -12), ("3.25", 3.25), ("007", 7), ("1e3", 1000), ("2.5E-2", 0.025),
        ("1E+2", 100), ("0.1", 0.1), ("0.3", 0.3), ("123.456", 123.456), ("-0.000001", -0.000001),
        // 2^53 + 1 is not representable: it rounds to even, 2^53 = 9007199254740992.
        ("9007199254740993", 9_007_199_254_740_992),
        // 20 significant digits take the slow path; the literal is rounded by the compiler.
        ("12345678901234567890", 12_345_678_901_234_567_890.0),
        ("1e-400", 0),
    ])
    func accepts(text: String, value: Double) {
        #expect(NumberGrammar.parse(text) == .number(value))
    }

    @Test(arguments: [
        "1,234", "$5", "5€", "5%", "(5)", "+5", "NaN", "nan", "inf", "-inf", "infinity", "0x1F", " 5", "5 ",
        ".5", "5.", "-.5", "1e", "1e+", "-", "", "1_000", "1 000", "1.2.3", "--1", "5-", "e5", "١",
    ])
    func rejects(text: String) {
        guard case .invalid = NumberGrammar.parse(text) else {
            Issue.record("`\(text)` was accepted")
            return
        }
    }

    @Test func decimalComma() {
        #expect(NumberGrammar.parse("1234,5", decimalComma: true) == .number(1234.5))
        #expect(NumberGrammar.parse("-0,25e1", decimalComma: true) == .number(-2.5))  // -0.25 × 10
        guard case .invalid = NumberGrammar.parse("1234.5", decimalComma: true) else {
            Issue.record("a decimal point was accepted with a decimal comma")
            return
        }
    }

    @Test func outOfRange() {
        #expect(NumberGrammar.parse("1e400") == .outOfRange)
        #expect(NumberGrammar.parse("-2e308") == .outOfRange)
    }

    @Test func hints() {
        func hint(_ text: String, comma: Bool = false) -> String? {
            guard case .invalid(let hint) = NumberGrammar.parse(text, decimalComma: comma) else { return "accepted" }
            return hint
        }
        #expect(hint("1,234") == "remove the thousands separators")
        #expect(
            hint("1234,5") == "the decimal separator is `.`; set `csv_decimal: comma` in unit.yml for comma decimals")
        #expect(hint("12%") == "write a percentage as a fraction (12% is 0.12)")
        #expect(hint("(5)") == "write a negative number with a leading `-`")
        #expect(hint("+5") == "drop the leading `+`")
        #expect(hint("€5") == "remove the currency symbol")
        #expect(hint(".5") == "write a digit before the decimal separator (0.5, not .5)")
        #expect(hint("NaN") == "leave the cell empty when the value is not reported")
        #expect(hint(" 5") == "remove the spaces around the number")
    }

    @Test func suggestionDistance() {
        #expect(NameSuggestion.nearest(to: "new_customer", among: ["new_customers", "leads"]) == "new_customers")
        #expect(NameSuggestion.nearest(to: "sped", among: ["spend", "leads"]) == "spend")
        #expect(NameSuggestion.nearest(to: "zzz", among: ["spend", "leads"]) == nil)
    }
}
