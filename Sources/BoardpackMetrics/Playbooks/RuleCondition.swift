/// What the engine reads from a rule's `when` besides its truth: the condition it evaluates
/// (moves made material, SPEC §5.1), the KPIs the rule judges, and the numbers it compares
/// them with (SPEC §3.4 rule 9 keeps a quoted value on the same side of each).
struct RuleCondition: Sendable {
    /// The condition as written (network KPIs still by name).
    var written: Expr
    /// What `{streak}` counts the periods of: the condition, or the condition a window of it
    /// names (`c` in `consecutive(c, 2)` or `streak(c) >= 3`), so that "consent has fallen for
    /// 10 months in a row" counts the falls, not the windows of two.
    var counted: Expr
    /// The condition evaluated: every `change(x) < 0` / `> 0` made material.
    var evaluated: Expr
    /// The KPIs the rule judges: its `judges`, or the KPIs `when` reads.
    var judges: [String]
    /// KPI id → the numbers `when` compares it with directly (`clv_to_cac < 3` gives 3).
    var thresholds: [String: [Double]]

    /// A move is material past the commentary threshold (SPEC §5.4) or after this many periods
    /// in a row.
    static let materialStreak = 3.0

    /// `isKPI(id)` tells KPIs from measures; `isRatio(id)` which moves are read in points.
    init(_ expr: Expr, judges: [String]?, isKPI: (String) -> Bool, isRatio: (String) -> Bool) {
        written = expr
        counted = Self.counted(expr)
        evaluated = Self.material(expr, isRatio: isRatio)
        var read: [String] = []
        for (id, _) in expr.identifiers where isKPI(id) && !read.contains(id) { read.append(id) }
        self.judges = judges ?? read
        var thresholds: [String: [Double]] = [:]
        Self.collectThresholds(expr, isKPI: isKPI, into: &thresholds)
        self.thresholds = thresholds
    }

    /// `expr` with each comparison of `change(x)` against zero (outside `consecutive` and
    /// `streak`, which count moves of any size on purpose) required to be material:
    /// `change(x) < 0` becomes `change(x) < 0 and (material move of x or streak(change(x) < 0) >= 3)`.
    static func material(_ expr: Expr, isRatio: (String) -> Bool) -> Expr {
        func node(_ n: Expr.Node) -> Expr { Expr(n, offset: expr.offset, length: expr.length) }
        switch expr.node {
        case .number, .identifier:
            return expr
        case .negate(let e):
            return node(.negate(material(e, isRatio: isRatio)))
        case .not(let e):
            return node(.not(material(e, isRatio: isRatio)))
        case .call(let fn, let args):
            if fn == .consecutive || fn == .streak { return expr }
            return node(.call(fn, args.map { material($0, isRatio: isRatio) }))
        case .binary(let op, let l, let r):
            guard op.isComparison, op != .equal, op != .notEqual, let moved = changeAgainstZero(l, r) else {
                return node(.binary(op, material(l, isRatio: isRatio), material(r, isRatio: isRatio)))
            }
            let size: Expr
            if case .identifier(let id) = moved.node, isRatio(id) {
                // A ratio moves in points: |x − prev(x)| ≥ 2 pp.
                size = node(
                    .binary(
                        .greaterEqual,
                        node(.call(.abs, [node(.binary(.subtract, moved, node(.call(.prev, [moved]))))])),
                        node(.number(Commentary.pointsThreshold - Commentary.epsilon))))
            } else {
                size = node(
                    .binary(
                        .greaterEqual, node(.call(.abs, [node(.call(.change, [moved]))])),
                        node(.number(Commentary.relativeThreshold - Commentary.epsilon))))
            }
            let long = node(.binary(.greaterEqual, node(.call(.streak, [expr])), node(.number(materialStreak))))
            return node(.binary(.and, expr, node(.binary(.or, size, long))))
        }
    }

    /// The condition a window names: `c` in `consecutive(c, n)` or `streak(c) >= n` (`>`),
    /// the first such window of an `and`, or the condition itself.
    static func counted(_ expr: Expr) -> Expr {
        func window(_ e: Expr) -> Expr? {
            switch e.node {
            case .call(.consecutive, let args) where args.count == 2: return args[0]
            case .binary(let op, let l, _) where op == .greaterEqual || op == .greater:
                if case .call(.streak, let args) = l.node, args.count == 1 { return args[0] }
                return nil
            case .binary(.and, let l, let r): return window(l) ?? window(r)
            default: return nil
            }
        }
        return window(expr) ?? expr
    }

    /// The argument of `change(x)` when one side is `change(x)` and the other the number 0.
    private static func changeAgainstZero(_ l: Expr, _ r: Expr) -> Expr? {
        func change(_ e: Expr) -> Expr? {
            if case .call(.change, let args) = e.node, args.count == 1 { return args[0] }
            return nil
        }
        func zero(_ e: Expr) -> Bool {
            if case .number(0) = e.node { return true }
            return false
        }
        if let x = change(l), zero(r) { return x }
        if let x = change(r), zero(l) { return x }
        return nil
    }

    /// Numbers compared directly with a KPI: `kpi < 3`, `3 > kpi`.
    private static func collectThresholds(_ expr: Expr, isKPI: (String) -> Bool, into out: inout [String: [Double]]) {
        switch expr.node {
        case .number, .identifier: return
        case .negate(let e), .not(let e): collectThresholds(e, isKPI: isKPI, into: &out)
        case .call(_, let args): for a in args { collectThresholds(a, isKPI: isKPI, into: &out) }
        case .binary(let op, let l, let r):
            if op.isComparison {
                if case .identifier(let id) = l.node, isKPI(id), case .number(let v) = r.node { out[id, default: []].append(v) }
                if case .identifier(let id) = r.node, isKPI(id), case .number(let v) = l.node { out[id, default: []].append(v) }
            }
            collectThresholds(l, isKPI: isKPI, into: &out)
            collectThresholds(r, isKPI: isKPI, into: &out)
        }
    }
}
