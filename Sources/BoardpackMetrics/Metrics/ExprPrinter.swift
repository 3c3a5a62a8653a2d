/// Prints expressions back as formula text with minimal parentheses; KPI ids may be inlined
/// and leaves replaced (for the working, SPEC §6 appendix).
struct ExprPrinter {
    /// Replacement text for an identifier or call (given the KPI whose formula it is in), or
    /// `nil` to print it as written; a call's arguments are never inlined.
    var leaf: (Expr, String?) -> String?
    /// Whether a KPI id (inside the formula of owner) is replaced by its own formula.
    var inline: (String, String?) -> Expr?

    /// How many KPI formulas deep ids are inlined; deeper ones go to `leaf` (or print as
    /// written). A chain of KPIs each defined by the previous one would otherwise print
    /// every link of the chain for every KPI (quadratic) and recurse as deep as the chain.
    static let maxInlineDepth = 8

    func print(_ e: Expr, owner: String?) -> String { text(e, owner: owner, depth: 0).0 }

    private static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: 1
        case .and: 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide: 6
        }
    }

    /// The text and its precedence (8 for atoms).
    private func text(_ e: Expr, owner: String?, depth: Int) -> (String, Int) {
        switch e.node {
        case .number(let v): return (JSONText.format(v), 8)
        case .identifier(let id):
            if depth < Self.maxInlineDepth, let sub = inline(id, owner) { return text(sub, owner: id, depth: depth + 1) }
            if let r = leaf(e, owner) { return (r, 8) }
            return (id, 8)
        case .negate(let inner):
            let (t, p) = text(inner, owner: owner, depth: depth)
            return ("-" + (p < 7 ? "(\(t))" : t), 7)
        case .not(let inner):
            let (t, p) = text(inner, owner: owner, depth: depth)
            return ("not " + (p < 3 ? "(\(t))" : t), 3)
        case .binary(let op, let l, let r):
            let p = Self.precedence(op)
            let (lt, lp) = text(l, owner: owner, depth: depth)
            let (rt, rp) = text(r, owner: owner, depth: depth)
            let left = lp < p ? "(\(lt))" : lt
            let right = rp <= p && rp < 8 ? "(\(rt))" : rt
            return ("\(left) \(op.rawValue) \(right)", p)
        case .call(let fn, let args):
            if let r = leaf(e, owner) { return (r, 8) }
            let plain = ExprPrinter(leaf: { _, _ in nil }, inline: { _, _ in nil })
            return ("\(fn.rawValue)(" + args.map { plain.print($0, owner: owner) }.joined(separator: ", ") + ")", 8)
        }
    }
}
