/// A KPI formula with every identifier resolved once, at compile time: a measure carries its
/// number and scope, a KPI its slot in ``FormulaProgram``, so evaluating hashes no names.
indirect enum CompiledFormula: Sendable {
    case number(Double)
    case months
    /// `clv_lifetime_months`: the unit's setting (SPEC §3.2).
    case lifetime
    /// The measure's number in ``FormulaProgram/measureIDs``.
    case measure(Int, unitScoped: Bool)
    case kpi(Int)
    /// An id nothing defines (only in a dictionary that failed validation): n/a.
    case unknown
    case negate(CompiledFormula)
    case not(CompiledFormula)
    case binary(BinaryOperator, CompiledFormula, CompiledFormula)
    /// `count` is the literal second argument of `prev`, `consecutive` and `trailing…` (1 when
    /// absent, −1 when `prev`'s is worked out per period).
    case call(FormulaFunction, [CompiledFormula], count: Int)
}

/// Every KPI of a dictionary as a numbered slot with its compiled formula, and every measure
/// with a number.
struct FormulaProgram: Sendable {
    /// KPI id per slot.
    let ids: [String]
    /// Slot per KPI id.
    let slots: [String: Int]
    /// Whether the KPI of each slot is `scope: unit`.
    let unitScoped: [Bool]
    /// The compiled formula per slot; `.unknown` for a KPI whose formula did not parse.
    let code: [CompiledFormula]
    /// The dictionary's measure ids, sorted: measure numbers index it.
    let measureIDs: [String]
    /// Measure number per measure id.
    let measureNumbers: [String: Int]
    /// Whether the measure of each number is `scope: unit`.
    let measureUnitScoped: [Bool]

    /// Compiles every parsed formula of `dictionary`, resolving ids as
    /// ``CompiledMetrics/resolve(_:inKPI:)`` does.
    init(dictionary: MetricDictionary, expressions: [String: Expr], resolve: (String, String?) -> CompiledMetrics.Reference?) {
        let ids = dictionary.kpis.keys.sorted()
        let slots = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let measureIDs = dictionary.measures.keys.sorted()
        let measureNumbers = Dictionary(uniqueKeysWithValues: measureIDs.enumerated().map { ($1, $0) })
        func compile(_ expr: Expr, owner: String) -> CompiledFormula {
            switch expr.node {
            case .number(let v): return .number(v)
            case .identifier(let id):
                switch resolve(id, owner) {
                case .months: return .months
                case .lifetime: return .lifetime
                case .measure(let m):
                    guard let n = measureNumbers[m] else { return .unknown }
                    return .measure(n, unitScoped: dictionary.measures[m]?.unitScoped ?? false)
                case .kpi(let k): return slots[k].map { .kpi($0) } ?? .unknown
                case nil: return .unknown
                }
            case .negate(let e): return .negate(compile(e, owner: owner))
            case .not(let e): return .not(compile(e, owner: owner))
            case .binary(let op, let l, let r): return .binary(op, compile(l, owner: owner), compile(r, owner: owner))
            case .call(let fn, let args):
                return .call(fn, args.map { compile($0, owner: owner) }, count: Evaluator.count(of: args))
            }
        }
        self.ids = ids
        self.slots = slots
        self.unitScoped = ids.map { dictionary.kpis[$0]?.unitScoped ?? false }
        self.code = ids.map { id in expressions[id].map { compile($0, owner: id) } ?? .unknown }
        self.measureIDs = measureIDs
        self.measureNumbers = measureNumbers
        self.measureUnitScoped = measureIDs.map { dictionary.measures[$0]?.unitScoped ?? false }
    }
}
