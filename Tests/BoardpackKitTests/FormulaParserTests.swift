import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct FormulaParserTests {
    @Test func percentNumbersAndPrecedence() throws {
        let e = try FormulaParser.parse("a + b * 20%")
        // a + (b * 0.2): multiplication binds tighter than addition.
        guard case .binary(.add, let l, let r) = e.node, case .binary(.multiply, _, let pct) = r.node else {
            Issue.record("wrong shape \(e)")
            return
        }
        #expect(l.node == .identifier("a"))
        #expect(pct.node == .number(0.2))
        #expect(pct.offset == 8 && pct.length == 3)
        #expect(e.offset == 0 && e.length == 11)
    }

    @Test func logicAndComparisons() throws {
        let e = try FormulaParser.parse("not a < 1 and b >= 2 or c")
        // ((not (a < 1)) and (b >= 2)) or c
        guard case .binary(.or, let left, _) = e.node, case .binary(.and, let n, let ge) = left.node,
            case .not(let lt) = n.node
        else {
            Issue.record("wrong shape \(e)")
            return
        }
        #expect({ if case .binary(.less, _, _) = lt.node { true } else { false } }())
        #expect({ if case .binary(.greaterEqual, _, _) = ge.node { true } else { false } }())
    }

    @Test func functionsAndArity() throws {
        let e = try FormulaParser.parse("consecutive(lvr < 0, 2)")
        guard case .call(.consecutive, let args) = e.node else {
            Issue.record("wrong shape")
            return
        }
        #expect(args.count == 2)
        #expect(throws: FormulaError("`prev` takes 1 or 2 arguments, got 0", offset: 4)) {
            try FormulaParser.parse("1 + prev()")
        }
        #expect(throws: FormulaError("`min` takes 2 or more arguments, got 1", offset: 0)) {
            try FormulaParser.parse("min(a)")
        }
        #expect(throws: FormulaError("the second argument of `prev` must be a whole number of periods (1 or more)", offset: 12)) {
            // "prev(spend, " is 12 scalars: `1.5` starts at offset 12.
            try FormulaParser.parse("prev(spend, 1.5)")
        }
        #expect(throws: FormulaError("unknown function `prv`", offset: 0, hint: "did you mean `prev`?")) {
            try FormulaParser.parse("prv(spend)")
        }
    }

    @Test func syntaxErrorsHaveOffsets() {
        #expect(throws: FormulaError("expected a value, found the end of the formula", offset: 8)) {
            try FormulaParser.parse("spend / ")
        }
        #expect(throws: FormulaError("expected `)`, found the end of the formula", offset: 14)) {
            try FormulaParser.parse("(spend + leads")
        }
        #expect(throws: FormulaError("unexpected character `=`", offset: 6, hint: "use `==` to compare")) {
            try FormulaParser.parse("spend = 3")
        }
        #expect(throws: FormulaError("unexpected `leads`", offset: 6)) {
            try FormulaParser.parse("spend leads")
        }
    }
}
