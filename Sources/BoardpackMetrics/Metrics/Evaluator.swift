import BoardpackContent

/// Evaluates formulas for one unit, reading no data after a cutoff month (SPEC §3.4, §4).
///
/// Playbook rules reuse it: parse with ``CompiledMetrics/parseExpression(_:at:extraIDs:)`` and
/// call ``evaluate(_:at:slice:)``. Booleans are 1 (true) and 0 (false); n/a is `nil`.
/// KPI formulas run in their compiled form (ids resolved to slots, see ``FormulaProgram``).
package struct Evaluator: Sendable {
    /// The dictionary, the data and their binding, shared by reference: an evaluator is copied
    /// into every formula function call, and one reference is cheap to copy.
    let context: EvaluationContext
    /// The last month any evaluation may read: the end of the pack's period.
    package let through: Month
    /// Unit-level KPI values already computed by this evaluator's earlier calls, when it
    /// keeps them (``UnitMetrics/rememberingEvaluator(for:)``).
    var remembered: RememberedKPIs?

    /// The compiled dictionary.
    package var metrics: CompiledMetrics { context.metrics }
    /// The unit's data.
    package var data: UnitData { context.data }

    /// An evaluator for the pack of `period`: it sees nothing after the period's last month.
    package init(metrics: CompiledMetrics, data: UnitData, pack period: Period) {
        self.init(context: EvaluationContext(metrics: metrics, data: data), pack: period)
    }

    /// ``init(metrics:data:pack:)`` over a context made once per unit (``UnitMetrics`` does).
    init(context: EvaluationContext, pack period: Period) {
        self.context = context
        self.through = period.lastMonth
    }

    /// The value of KPI `id` at `period`, for the unit or one dimension value. A `scope: unit`
    /// KPI takes the unit-level value in a breakdown.
    package func kpi(_ id: String, at period: Period, slice: UnitData.Slice? = nil) -> MeasureValue {
        guard let slot = context.metrics.program.slots[id] else { return .na }
        if slice == nil, let remembered {
            // Taken out while in use: a copy left behind would make every write copy the tables.
            var memo: KPIMemo? = remembered.memo.take() ?? KPIMemo(period: period, slotCount: context.metrics.program.ids.count)
            defer { remembered.memo = memo }
            return kpi(slot, period, nil, &memo)
        }
        var memo: KPIMemo?
        return kpi(slot, period, slice, &memo)
    }

    /// The aggregate of measure `id` at `period`; a `scope: unit` measure ignores the slice.
    package func measure(_ id: String, at period: Period, slice: UnitData.Slice? = nil) -> MeasureValue {
        // A column the dictionary does not define is read as it is (`sum`, never unit-scoped).
        guard let n = context.metrics.program.measureNumbers[id] else {
            return context.data.aggregate(id, over: period, slice: slice, through: through)
        }
        return measure(n, period, context.metrics.program.measureUnitScoped[n] ? nil : slice)
    }

    /// ``measure(_:at:slice:)`` for measure `id`, its number and scope looked up once: the
    /// pack's sections read a measure for every channel, and the lookup by name was a good
    /// part of each read.
    func resolvedMeasure(_ id: String) -> (Period, UnitData.Slice?) -> MeasureValue {
        guard let n = context.metrics.program.measureNumbers[id] else {
            return { period, slice in self.measure(id, at: period, slice: slice) }
        }
        let unitScoped = context.metrics.program.measureUnitScoped[n]
        return { period, slice in self.measure(n, period, unitScoped ? nil : slice) }
    }

    /// The measure numbered `n` in the program (its scope already applied to `slice`).
    func measure(_ n: Int, _ period: Period, _ slice: UnitData.Slice?) -> MeasureValue {
        let number = context.seriesNumbers[n]
        guard number >= 0 else { return .na }
        return context.data.aggregate(number: number, over: period, slice: slice, through: through)
    }

    /// The count a call's second argument gives: its literal, 1 when absent, −1 when it is worked
    /// out per period (`prev(x, 6 / months)`).
    static func count(of args: [Expr]) -> Int {
        guard args.count > 1 else { return 1 }
        // The parser holds a count to 1…240; another function's second argument (`min(x, 1e20)`)
        // is no count, and must not trap.
        if case .number(let n) = args[1].node { return n >= 1 && n <= 240 ? Int(n) : 1 }
        return -1
    }

    /// Evaluates an arbitrary expression (a rule condition) at `period`.
    func evaluate(_ expr: Expr, at period: Period, slice: UnitData.Slice? = nil) -> MeasureValue {
        eval(expr, period, slice, owner: nil)
    }

    /// The KPI in `slot` at `period`, remembered in `memo` when there is one (a unit-scoped KPI
    /// under the unit's key, since it ignores the slice).
    func kpi(_ slot: Int, _ period: Period, _ slice: UnitData.Slice?, _ memo: inout KPIMemo?) -> MeasureValue {
        let slice = context.metrics.program.unitScoped[slot] ? nil : slice
        guard let ordinal = memo?.slice else { return run(context.metrics.program.code[slot], period, slice, &memo) }
        let key = KPIMemo.Key(slot: slot, period: period, slice: slice == nil ? -1 : ordinal)
        if let v = memo?[key] { return v }
        let v = run(context.metrics.program.code[slot], period, slice, &memo)
        memo?[key] = v
        return v
    }

    /// Runs a compiled formula.
    func run(_ code: CompiledFormula, _ period: Period, _ slice: UnitData.Slice?, _ memo: inout KPIMemo?) -> MeasureValue {
        switch code {
        case .number(let v):
            return MeasureValue(value: v)
        case .months:
            return MeasureValue(value: Double(period.monthCount))
        case .lifetime:
            return MeasureValue(value: context.lifetimeMonths)
        case .measure(let n, let unitScoped):
            return measure(n, period, unitScoped ? nil : slice)
        case .kpi(let slot):
            return kpi(slot, period, slice, &memo)
        case .unknown:
            return .na
        case .negate(let e):
            let v = run(e, period, slice, &memo)
            return MeasureValue(value: v.value.map { -$0 }, partial: v.partial)
        case .not(let e):
            let v = run(e, period, slice, &memo)
            return MeasureValue(value: v.value.map { $0 == 0 ? 1 : 0 }, partial: v.partial)
        case .binary(let op, let l, let r):
            let a = run(l, period, slice, &memo)
            let b = run(r, period, slice, &memo)
            return MeasureValue(value: Self.apply(op, a.value, b.value), partial: a.partial || b.partial)
        case .call(let fn, let args, let count):
            return Self.call(fn, argumentCount: args.count, count: count, period) { i, p in run(args[i], p, slice, &memo) }
        }
    }

    /// The value an identifier stands for inside the formula of `owner`.
    func identifier(_ id: String, _ period: Period, _ slice: UnitData.Slice?, owner: String?) -> MeasureValue {
        switch context.metrics.resolve(id, inKPI: owner) {
        case .months: MeasureValue(value: Double(period.monthCount))
        case .lifetime: MeasureValue(value: context.lifetimeMonths)
        case .measure(let m): measure(m, at: period, slice: slice)
        case .kpi(let k): kpi(k, at: period, slice: slice)
        case nil: .na
        }
    }

    /// Evaluates a parsed expression (a rule condition, or part of a KPI's formula for its working).
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
            return Self.call(fn, argumentCount: args.count, count: Self.count(of: args), period) { i, p in
                eval(args[i], p, slice, owner: owner)
            }
        }
    }
}

/// What every evaluator of one unit shares: the compiled dictionary, the unit's data, and the
/// program's measures bound to the data.
final class EvaluationContext: Sendable {
    let metrics: CompiledMetrics
    let data: UnitData
    /// Per measure number of the program, the measure's number in `data` (−1 when the unit does
    /// not report it).
    let seriesNumbers: [Int]

    /// `clv_lifetime_months`: the longest customer lifetime CLV counts (SPEC §3.2).
    let lifetimeMonths: Double

    /// Binds `metrics` to `data`.
    init(metrics: CompiledMetrics, data: UnitData, lifetimeMonths: Double = UnitProfile.defaultLifetimeMonths) {
        self.metrics = metrics
        self.data = data
        self.lifetimeMonths = lifetimeMonths
        seriesNumbers = metrics.program.measureIDs.map { data.measureNumbers[$0] ?? -1 }
    }
}

/// The memo an evaluator keeps across calls: the working of every KPI of a pack evaluates the
/// KPIs it refers to, and without it a chain of KPIs each defined by the previous one made the
/// pack quadratic in the chain's length (400 KPIs took 11 s). One thread uses it.
final class RememberedKPIs: @unchecked Sendable {
    var memo: KPIMemo?
}

/// KPI values already computed within one pack's evaluation, by KPI slot, period and slice:
/// a breakdown evaluates every KPI for every dimension value, and KPIs share sub-KPIs.
/// Each period read (the pack's own, the previous one, a year ago, …: a handful) has a flat
/// table, so remembering hashes nothing.
struct KPIMemo {
    /// One remembered value's key; `slice` is the caller's ordinal of the slice, −1 for the unit.
    struct Key: Hashable {
        var slot: Int
        var period: Period
        var slice: Int
    }

    /// Slots per slice in a table.
    let slotCount: Int
    /// The periods with a table, in order of first use.
    private var periods: [Period]
    /// Values at `periods[i]` in `tables[i]`: row `slice + 1`, column `slot` (grown on demand).
    private var tables: [[MeasureValue?]]
    /// Ordinal of the slice now being evaluated (−1 for the whole unit). The caller gives each
    /// distinct slice its own ordinal, counting up from 0, before evaluating with it.
    var slice = -1

    /// An empty memo for the pack of `period` over a program of `slotCount` KPIs.
    init(period: Period, slotCount: Int) {
        self.slotCount = slotCount
        periods = [period]
        tables = [Array(repeating: nil, count: slotCount)]
    }

    /// The remembered value of `key`, if any.
    subscript(key: Key) -> MeasureValue? {
        get {
            guard let t = periods.firstIndex(of: key.period) else { return nil }
            let i = (key.slice + 1) * slotCount + key.slot
            return i < tables[t].count ? tables[t][i] : nil
        }
        set {
            let t: Int
            if let known = periods.firstIndex(of: key.period) {
                t = known
            } else {
                t = periods.count
                periods.append(key.period)
                tables.append([])
            }
            let i = (key.slice + 1) * slotCount + key.slot
            if tables[t].count <= i {
                tables[t] += repeatElement(nil, count: (key.slice + 2) * slotCount - tables[t].count)
            }
            tables[t][i] = newValue
        }
    }
}
