extension Evaluator {
    /// Function calls. `prev`/`year_ago` shift the period (n/a before the data, and never past
    /// the cutoff since shifts go back); `change(x)` is `x / prev(x) - 1`, n/a when `prev(x) ≤ 0`;
    /// `consecutive(c, n)` is 1 when `c` held in this and the n−1 previous periods, 0 when it
    /// failed in any of them, n/a otherwise.
    func call(
        _ fn: FormulaFunction, _ args: [Expr], _ period: Period, _ slice: UnitData.Slice?, owner: String?
    ) -> MeasureValue {
        func at(_ p: Period, _ e: Expr = args[0]) -> MeasureValue { eval(e, p, slice, owner: owner) }
        func count(_ i: Int) -> Int {
            if args.count > i, case .number(let n) = args[i].node { return Int(n) }
            return 1
        }
        switch fn {
        case .prev:
            return at(period.advanced(by: -count(1)))
        case .yearAgo:
            return at(period.yearAgo)
        case .change:
            let now = at(period)
            let before = at(period.previous)
            guard let v = now.value, let p = before.value, p > 0 else {
                return MeasureValue(value: nil, partial: now.partial || before.partial)
            }
            return MeasureValue(value: v / p - 1, partial: now.partial || before.partial)
        case .abs:
            let v = at(period)
            return MeasureValue(value: v.value.map { Swift.abs($0) }, partial: v.partial)
        case .min, .max:
            let values = args.map { at(period, $0) }
            let partial = values.contains { $0.partial }
            let numbers = values.compactMap(\.value)
            guard numbers.count == values.count else { return MeasureValue(value: nil, partial: partial) }
            return MeasureValue(value: fn == .min ? numbers.min() : numbers.max(), partial: partial)
        case .consecutive:
            let n = count(1)
            var partial = false
            var unknown = false
            for k in 0..<n {
                let v = at(period.advanced(by: -k))
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
}
