/// A parsed formula (SPEC §3.3): a node and where it sits in the formula text.
package struct Expr: Sendable, Hashable {
    /// The kinds of node.
    package indirect enum Node: Sendable, Hashable {
        /// A number literal; `20%` is stored as `0.2`.
        case number(Double)
        /// A measure id, a KPI id, `months` or `clv_lifetime_months`.
        case identifier(String)
        /// Unary minus.
        case negate(Expr)
        /// Logical `not`.
        case not(Expr)
        /// A binary operation.
        case binary(BinaryOperator, Expr, Expr)
        /// A function call.
        case call(FormulaFunction, [Expr])
    }

    package var node: Node
    /// 0-based offset, in Unicode scalars, of the node's first character in the formula text.
    package var offset: Int
    /// Length of the node's text, in Unicode scalars.
    package var length: Int

    /// Creates a node.
    package init(_ node: Node, offset: Int, length: Int) {
        self.node = node
        self.offset = offset
        self.length = length
    }

    /// Every identifier the expression names, with its offset, in text order.
    var identifiers: [(id: String, offset: Int)] {
        switch node {
        case .number: return []
        case .identifier(let id): return [(id, offset)]
        case .negate(let e), .not(let e): return e.identifiers
        case .binary(_, let l, let r): return l.identifiers + r.identifiers
        case .call(_, let args): return args.flatMap(\.identifiers)
        }
    }

    /// True when the expression calls a function anywhere.
    var hasCall: Bool {
        switch node {
        case .number, .identifier: false
        case .negate(let e), .not(let e): e.hasCall
        case .binary(_, let l, let r): l.hasCall || r.hasCall
        case .call: true
        }
    }
}

/// Binary operators, loosest binding first in the grammar: `or`, `and`, comparisons, `+ -`, `* /`.
package enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case and, or

    /// True for `< <= > >= == !=`.
    var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: true
        default: false
        }
    }
}

/// The functions of the formula language.
package enum FormulaFunction: String, Sendable, Hashable, CaseIterable {
    case prev, yearAgo = "year_ago", change, min, max, abs, consecutive
    /// The sum and the mean of a value over the months ending with the period's last month,
    /// at monthly grain whatever the period (SPEC §3.3).
    case trailing, trailingMean = "trailing_mean"
    /// How many periods in a row, ending with this one, a condition has held (0 to 24).
    case streak

    /// Allowed argument counts (`min`/`max` take two or more).
    var arity: ClosedRange<Int> {
        switch self {
        case .prev: 1...2
        case .yearAgo, .change, .abs, .streak: 1...1
        case .min, .max: 2...Int.max
        case .consecutive, .trailing, .trailingMean: 2...2
        }
    }

    /// Human description of the arity, for error messages.
    var arityText: String {
        switch self {
        case .prev: "1 or 2 arguments"
        case .yearAgo, .change, .abs, .streak: "1 argument"
        case .min, .max: "2 or more arguments"
        case .consecutive, .trailing, .trailingMean: "2 arguments"
        }
    }
}
