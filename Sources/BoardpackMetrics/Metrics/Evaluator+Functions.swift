import BoardpackContent

extension Evaluator {
    /// The longest streak `streak(c)` counts (SPEC §3.3): two years of months.
    static let streakLimit = 24

    /// Function calls. `prev`/`year_ago` shift the period (n/a before the data, and never past
    /// the cutoff since shifts go back); `change(x)` is `x / prev(x) - 1`, n/a when `prev(x) ≤ 0`;
    /// `consecutive(c, n)` is 1 when `c` held in this and the n−1 previous periods, 0 when it
    /// failed in any of them, n/a otherwise; `trailing`/`trailing_mean` and `streak` as SPEC §3.3
    /// says. `count` is the literal second argument of `prev`, `consecutive` and `trailing…`
    /// (−1 when `prev`'s is worked out per period); `value(i, p)` evaluates argument `i` at `p`.
    static func call(
        _ fn: FormulaFunction, argumentCount: Int, count: Int, _ period: Period,
        _ value: (Int, Period) -> MeasureValue
    ) -> MeasureValue {
        switch fn {
        case .prev:
            guard count > 0 else {
                // A count worked out per period (`6 / months`): n/a unless a whole number of periods.
                let n = value(1, period)
                guard let k = n.value, k >= 1, k == k.rounded(), k <= 240 else { return MeasureValue(value: nil, partial: n.partial) }
                return value(0, period.advanced(by: -Int(k)))
            }
            return value(0, period.advanced(by: -count))
        case .trailing, .trailingMean:
            // At monthly grain: the `count` months ending with the period's last month, over the
            // months where the value is available; partial when fewer than `count` are.
            var sum = 0.0, available = 0, partial = false
            var month = period.lastMonth
            for _ in 0..<count {
                let v = value(0, .month(month))
                if let x = v.value {
                    sum += x
                    available += 1
                    partial = partial || v.partial
                }
                month = month.advanced(by: -1)
            }
            guard available > 0 else { return .na }
            let result = fn == .trailing ? sum : sum / Double(available)
            return MeasureValue(value: result.isFinite ? result : nil, partial: partial || available < count)
        case .streak:
            var held = 0, partial = false
            while held < streakLimit {
                let v = value(0, period.advanced(by: -held))
                guard let x = v.value else {
                    if held == 0 { return MeasureValue(value: nil, partial: v.partial) }
                    break
                }
                partial = partial || v.partial
                if x == 0 { break }
                held += 1
            }
            return MeasureValue(value: Double(held), partial: partial)
        case .yearAgo:
            return value(0, period.yearAgo)
        case .change:
            let now = value(0, period)
            let before = value(0, period.previous)
            guard let v = now.value, let p = before.value, p > 0 else {
                return MeasureValue(value: nil, partial: now.partial || before.partial)
            }
            return MeasureValue(value: v / p - 1, partial: now.partial || before.partial)
        case .abs:
            let v = value(0, period)
            return MeasureValue(value: v.value.map { Swift.abs($0) }, partial: v.partial)
        case .min, .max:
            let values = (0..<argumentCount).map { value($0, period) }
            let partial = values.contains { $0.partial }
            let numbers = values.compactMap(\.value)
            guard numbers.count == values.count else { return MeasureValue(value: nil, partial: partial) }
            return MeasureValue(value: fn == .min ? numbers.min() : numbers.max(), partial: partial)
        case .consecutive:
            var partial = false
            var unknown = false
            for k in 0..<count {
                let v = value(0, period.advanced(by: -k))
                partial = partial || v.partial
                guard let x = v.value else {
                    unknown = true
                    continue
                }
                if x == 0 { return MeasureValue(value: 0, partial: partial) }
            }
            return MeasureValue(value: unknown ? nil : 1, partial: partial)
        }
    }

    /// Binary arithmetic and logic with n/a semantics: any n/a operand, division by zero or a
    /// non-finite result gives n/a.
    package static func apply(_ op: BinaryOperator, _ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        let r: Double
        switch op {
        case .add: r = a + b
        case .subtract: r = a - b
        case .multiply: r = a * b
        case .divide:
            guard b != 0 else { return nil }
            r = a / b
        case .less: r = a < b ? 1 : 0
        case .lessEqual: r = a <= b ? 1 : 0
        case .greater: r = a > b ? 1 : 0
        case .greaterEqual: r = a >= b ? 1 : 0
        case .equal: r = a == b ? 1 : 0
        case .notEqual: r = a != b ? 1 : 0
        case .and: r = a != 0 && b != 0 ? 1 : 0
        case .or: r = a != 0 || b != 0 ? 1 : 0
        }
        return r.isFinite ? r : nil
    }
}
