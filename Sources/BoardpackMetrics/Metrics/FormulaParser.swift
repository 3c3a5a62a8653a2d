import BoardpackSupport

/// Recursive-descent parser for the formula language (SPEC §3.3).
///
/// Grammar, loosest first:
/// ```
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := sum (("<"|"<="|">"|">="|"=="|"!=") sum)?
/// sum     := product (("+"|"-") product)*
/// product := unary (("*"|"/") unary)*
/// unary   := "-" unary | primary
/// primary := number | id | id "(" args ")" | "(" or ")"
/// ```
/// It checks syntax and function arity; names are resolved by ``CompiledMetrics``.
package struct FormulaParser {
    private var tokens: [FormulaToken]
    private var index = 0
    /// How many parentheses, calls, `not`s and unary minuses enclose the current token.
    private var depth = 0

    /// The deepest nesting a formula may have, and the most tokens (SPEC §7 "Hostile input"):
    /// beyond them a formula is an error at its place, never a stack overflow or a long wait.
    package static let maxDepth = 64
    package static let maxTokens = 10_000

    /// Parses a whole formula.
    package static func parse(_ text: String) throws(FormulaError) -> Expr {
        let tokens = try FormulaLexer.tokenize(text)
        if tokens.count - 1 > maxTokens {
            throw FormulaError(
                "the formula is too long: \(tokens.count - 1) tokens, more than \(maxTokens)", offset: tokens[maxTokens].offset)
        }
        var parser = FormulaParser(tokens: tokens)
        let expr = try parser.parseOr()
        if case .end = parser.current.kind { return expr }
        throw FormulaError("unexpected \(parser.current.describe)", offset: parser.current.offset)
    }

    private init(tokens: [FormulaToken]) { self.tokens = tokens }

    private var current: FormulaToken { tokens[index] }

    private mutating func take(_ symbol: String) -> Bool {
        if case .symbol(let s) = current.kind, s == symbol {
            index += 1
            return true
        }
        return false
    }

    private mutating func takeKeyword(_ word: String) -> FormulaToken? {
        if case .identifier(let s) = current.kind, s == word {
            defer { index += 1 }
            return current
        }
        return nil
    }

    private func span(_ a: Expr, _ b: Expr) -> (Int, Int) { (a.offset, b.offset + b.length - a.offset) }

    /// Parses one nested level with `parse`, refusing to go deeper than `maxDepth`.
    private mutating func nested(_ parse: (inout FormulaParser) throws(FormulaError) -> Expr) throws(FormulaError) -> Expr {
        let saved = depth
        defer { depth = saved }
        try deepen()
        return try parse(&self)
    }

    /// One level deeper: a parenthesis, a call, a unary operator, or one more operator of a
    /// chain (`a + b + c` is a tree two deep, and every later step of the engine walks it
    /// recursively, so a long chain counts like nesting).
    private mutating func deepen() throws(FormulaError) {
        guard depth < Self.maxDepth else {
            throw FormulaError(
                "the formula is nested too deeply: more than \(Self.maxDepth) levels of parentheses, calls or operators in a row",
                offset: current.offset, hint: "split it into KPIs that refer to each other")
        }
        depth += 1
    }

    private mutating func parseOr() throws(FormulaError) -> Expr {
        let saved = depth
        defer { depth = saved }
        var left = try parseAnd()
        while takeKeyword("or") != nil {
            try deepen()
            let right = try parseAnd()
            let (o, l) = span(left, right)
            left = Expr(.binary(.or, left, right), offset: o, length: l)
        }
        return left
    }

    private mutating func parseAnd() throws(FormulaError) -> Expr {
        let saved = depth
        defer { depth = saved }
        var left = try parseNot()
        while takeKeyword("and") != nil {
            try deepen()
            let right = try parseNot()
            let (o, l) = span(left, right)
            left = Expr(.binary(.and, left, right), offset: o, length: l)
        }
        return left
    }

    private mutating func parseNot() throws(FormulaError) -> Expr {
        if let tok = takeKeyword("not") {
            let inner = try nested { (p: inout FormulaParser) throws(FormulaError) in try p.parseNot() }
            return Expr(.not(inner), offset: tok.offset, length: inner.offset + inner.length - tok.offset)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(FormulaError) -> Expr {
        let saved = depth
        defer { depth = saved }
        let left = try parseSum()
        for op in [BinaryOperator.lessEqual, .greaterEqual, .equal, .notEqual, .less, .greater] where take(op.rawValue) {
            try deepen()
            let right = try parseSum()
            let (o, l) = span(left, right)
            return Expr(.binary(op, left, right), offset: o, length: l)
        }
        return left
    }

    private mutating func parseSum() throws(FormulaError) -> Expr {
        let saved = depth
        defer { depth = saved }
        var left = try parseProduct()
        while true {
            let op: BinaryOperator
            if take("+") { op = .add } else if take("-") { op = .subtract } else { return left }
            try deepen()
            let right = try parseProduct()
            let (o, l) = span(left, right)
            left = Expr(.binary(op, left, right), offset: o, length: l)
        }
    }

    private mutating func parseProduct() throws(FormulaError) -> Expr {
        let saved = depth
        defer { depth = saved }
        var left = try parseUnary()
        while true {
            let op: BinaryOperator
            if take("*") { op = .multiply } else if take("/") { op = .divide } else { return left }
            try deepen()
            let right = try parseUnary()
            let (o, l) = span(left, right)
            left = Expr(.binary(op, left, right), offset: o, length: l)
        }
    }

    private mutating func parseUnary() throws(FormulaError) -> Expr {
        let start = current.offset
        if take("-") {
            let inner = try nested { (p: inout FormulaParser) throws(FormulaError) in try p.parseUnary() }
            return Expr(.negate(inner), offset: start, length: inner.offset + inner.length - start)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(FormulaError) -> Expr {
        let tok = current
        switch tok.kind {
        case .number(let v):
            index += 1
            return Expr(.number(v), offset: tok.offset, length: tok.length)
        case .identifier(let name):
            if ["and", "or", "not"].contains(name) {
                throw FormulaError("expected a value, found `\(name)`", offset: tok.offset)
            }
            index += 1
            guard take("(") else { return Expr(.identifier(name), offset: tok.offset, length: tok.length) }
            return try parseCall(name, tok)
        case .symbol("("):
            index += 1
            let inner = try nested { (p: inout FormulaParser) throws(FormulaError) in try p.parseOr() }
            guard take(")") else { throw FormulaError("expected `)`, found \(current.describe)", offset: current.offset) }
            return inner
        default:
            throw FormulaError("expected a value, found \(tok.describe)", offset: tok.offset)
        }
    }

    private mutating func parseCall(_ name: String, _ tok: FormulaToken) throws(FormulaError) -> Expr {
        guard let fn = FormulaFunction(rawValue: name) else {
            let hint = NameSuggestion.nearest(to: name, among: FormulaFunction.allCases.map(\.rawValue))
            throw FormulaError(
                "unknown function `\(name)`", offset: tok.offset, hint: hint.map { "did you mean `\($0)`?" })
        }
        var args: [Expr] = []
        if !take(")") {
            repeat { args.append(try nested { (p: inout FormulaParser) throws(FormulaError) in try p.parseOr() }) } while take(",")
            guard take(")") else { throw FormulaError("expected `,` or `)`, found \(current.describe)", offset: current.offset) }
        }
        let end = tokens[index - 1].offset + 1
        guard fn.arity.contains(args.count) else {
            throw FormulaError("`\(name)` takes \(fn.arityText), got \(args.count)", offset: tok.offset)
        }
        if [.prev, .consecutive, .trailing, .trailingMean].contains(fn), args.count == 2 {
            let unit = fn == .trailing || fn == .trailingMean ? "months" : "periods"
            let literal: Bool
            if case .number(let n) = args[1].node {
                literal = n >= 1 && n == n.rounded() && n <= 240
            } else {
                // `prev(waitlist, 6 / months)`: six months back in a monthly and a quarterly pack
                // alike. Only `prev` takes a count worked out per period, from numbers and `months`.
                literal =
                    fn == .prev && args[1].identifiers.allSatisfy { $0.id == MetricDictionary.monthsID }
                    && !args[1].hasCall
            }
            guard literal else {
                throw FormulaError(
                    "the second argument of `\(name)` must be a whole number of \(unit) (1 or more)",
                    offset: args[1].offset)
            }
        }
        return Expr(.call(fn, args), offset: tok.offset, length: end - tok.offset)
    }
}

extension FormulaToken {
    fileprivate var describe: String {
        switch kind {
        case .number: "a number"
        case .identifier(let s): "`\(s)`"
        case .symbol(let s): "`\(s)`"
        case .end: "the end of the formula"
        }
    }
}
