/// Evaluates formulas for one unit, reading no data after a cutoff month (SPEC §3.4, §4).
///
/// Playbook rules reuse it: parse with ``CompiledMetrics/parseExpression(_:at:extraIDs:)`` and
/// call ``evaluate(_:at:slice:)``. Booleans are 1 (true) and 0 (false); n/a is `nil`.
public struct Evaluator: Sendable {
    public let metrics: CompiledMetrics
    public let data: UnitData
    /// The last month any evaluation may read: the end of the pack's period.
    public let through: Month

    /// Unit-level KPI values already computed for ``pinnedPeriod``: breakdowns reuse them for
    /// `scope: unit` KPIs instead of recomputing them for every dimension value.
    var pinned: [String: MeasureValue] = [:]
    var pinnedPeriod: Period?

    /// An evaluator for the pack of `period`: it sees nothing after the period's last month.
    public init(metrics: CompiledMetrics, data: UnitData, pack period: Period) {
        self.metrics = metrics
        self.data = data
        self.through = period.lastMonth
    }

    /// A copy that reuses the given unit-level KPI values at `period`.
    func pinning(_ values: [String: MeasureValue], at period: Period) -> Evaluator {
        var copy = self
        copy.pinned = values
        copy.pinnedPeriod = period
        return copy
    }

    /// The value of KPI `id` at `period`, for the unit or one dimension value. A `scope: unit`
    /// KPI takes the unit-level value in a breakdown.
    public func kpi(_ id: String, at period: Period, slice: UnitData.Slice? = nil) -> MeasureValue {
        guard let def = metrics.dictionary.kpis[id], let expr = metrics.expressions[id] else { return .na }
        if def.unitScoped, slice != nil, period == pinnedPeriod, let v = pinned[id] { return v }
        let slice = def.unitScoped ? nil : slice
        return eval(expr, period, slice, owner: id)
    }

    /// The aggregate of measure `id` at `period`; a `scope: unit` measure ignores the slice.
    public func measure(_ id: String, at period: Period, slice: UnitData.Slice? = nil) -> MeasureValue {
        let unitScoped = metrics.dictionary.measures[id]?.unitScoped ?? false
        return data.aggregate(id, over: period, slice: unitScoped ? nil : slice, through: through)
    }

    /// Evaluates an arbitrary expression (a rule condition) at `period`.
    public func evaluate(_ expr: Expr, at period: Period, slice: UnitData.Slice? = nil) -> MeasureValue {
        eval(expr, period, slice, owner: nil)
    }

    /// The value an identifier stands for inside the formula of `owner`.
    func identifier(_ id: String, _ period: Period, _ slice: UnitData.Slice?, owner: String?) -> MeasureValue {
        switch metrics.resolve(id, inKPI: owner) {
        case .months: MeasureValue(value: Double(period.monthCount))
        case .measure(let m): measure(m, at: period, slice: slice)
        case .kpi(let k): kpi(k, at: period, slice: slice)
        case nil: .na
        }
    }

    func eval(_ expr: Expr, _ period: Period, _ slice: UnitData.Slice?, owner: String?) -> MeasureValue {
        switch expr.node {
        case .number(let v):
            return MeasureValue(value: v)
        case .identifier(let id):
            return identifier(id, period, slice, owner: owner)
        case .negate(let e):
            let v = eval(e, period, slice, owner: owner)
            return MeasureValue(value: v.value.map { -$0 }, partial: v.partial)
        case .not(let e):
            let v = eval(e, period, slice, owner: owner)
            return MeasureValue(value: v.value.map { $0 == 0 ? 1 : 0 }, partial: v.partial)
        case .binary(let op, let l, let r):
            let a = eval(l, period, slice, owner: owner)
            let b = eval(r, period, slice, owner: owner)
            return MeasureValue(value: Self.apply(op, a.value, b.value), partial: a.partial || b.partial)
        case .call(let fn, let args):
            return call(fn, args, period, slice, owner: owner)
        }
    }

    /// Binary arithmetic and logic with n/a semantics: any n/a operand, division by zero or a
    /// non-finite result gives n/a.
    static func apply(_ op: BinaryOperator, _ a: Double?, _ b: Double?) -> Double? {
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
