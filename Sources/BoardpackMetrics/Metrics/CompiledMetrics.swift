import BoardpackSupport

/// A validated dictionary: every formula parsed, every id resolved, no cycles (SPEC §3.3).
package struct CompiledMetrics: Sendable {
    /// What an identifier in a formula stands for.
    package enum Reference: Sendable, Hashable {
        case measure(String)
        case kpi(String)
        case months
        /// `clv_lifetime_months`.
        case lifetime
    }

    /// The dictionary this was compiled from.
    package let dictionary: MetricDictionary
    /// Parsed formula per KPI id.
    let expressions: [String: Expr]
    /// What each id means outside its own formula (one lookup on the evaluation path).
    private let references: [String: Reference]
    /// The KPI formulas with their ids resolved to slots, for the evaluator.
    let program: FormulaProgram

    /// Compiles `dictionary`, throwing every problem found (bad syntax, wrong arity, unknown id
    /// with a suggestion, cycles with their path, unknown mean weights).
    package init(_ dictionary: MetricDictionary) throws(DiagnosticsError) {
        let (compiled, diagnostics) = Self.validate(dictionary)
        guard let compiled else { throw DiagnosticsError(diagnostics) }
        self = compiled
    }

    private init(dictionary: MetricDictionary, expressions: [String: Expr]) {
        self.dictionary = dictionary
        self.expressions = expressions
        var references: [String: Reference] = [MetricDictionary.monthsID: .months, MetricDictionary.lifetimeID: .lifetime]
        for id in dictionary.measures.keys { references[id] = .measure(id) }
        for id in dictionary.kpis.keys { references[id] = .kpi(id) }
        self.references = references
        program = FormulaProgram(dictionary: dictionary, expressions: expressions) { id, owner in
            if id == owner, !MetricDictionary.builtInValues.contains(id) {
                return dictionary.measures[id] != nil ? .measure(id) : .kpi(id)
            }
            return references[id]
        }
    }

    /// Validates `dictionary`: the compiled form when there are no errors, and every diagnostic.
    package static func validate(_ dictionary: MetricDictionary) -> (CompiledMetrics?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var expressions: [String: Expr] = [:]
        let known = dictionary.knownIDs
        for kpi in dictionary.orderedKPIs {
            do {
                let expr = try FormulaParser.parse(kpi.formula)
                expressions[kpi.id] = expr
                for (id, offset) in expr.identifiers where !known.contains(id) {
                    let hint = NameSuggestion.nearest(to: id, among: known).map { "did you mean `\($0)`?" }
                    diagnostics.append(
                        .error(
                            "unknown id `\(id)` in the formula of `\(kpi.id)`",
                            at: kpi.formulaLocation.offset(by: offset), hint: hint))
                }
            } catch {
                var d = error.diagnostic(base: kpi.formulaLocation)
                d.message += " in the formula of `\(kpi.id)`"
                diagnostics.append(d)
            }
        }
        for m in dictionary.measures.values.sorted(by: { $0.id < $1.id }) {
            if case .mean(let w?) = m.aggregation, dictionary.measures[w] == nil {
                diagnostics.append(.error("the weight `\(w)` of measure `\(m.id)` is not a measure"))
            }
        }
        let partial = CompiledMetrics(dictionary: dictionary, expressions: expressions)
        diagnostics += partial.cycleDiagnostics()
        return (diagnostics.hasErrors ? nil : partial, diagnostics)
    }

    /// What `id` means inside the formula of KPI `owner` (`nil` for a rule or ad-hoc expression).
    /// A KPI naming itself means the measure of the same id (`sales_cycle_days`).
    func resolve(_ id: String, inKPI owner: String? = nil) -> Reference? {
        if id == owner, !MetricDictionary.builtInValues.contains(id) {
            return dictionary.measures[id] != nil ? .measure(id) : .kpi(id)
        }
        return references[id]
    }

    /// Parses an expression that is not a KPI formula (a playbook rule's `when`), checking its ids.
    /// `extraIDs` are names the caller resolves itself.
    func parseExpression(
        _ text: String, at base: SourceLocation, extraIDs: Set<String> = []
    ) -> Result<
        Expr, DiagnosticsError
    > {
        let expr: Expr
        do { expr = try FormulaParser.parse(text) } catch { return .failure(DiagnosticsError([error.diagnostic(base: base)])) }
        let known = dictionary.knownIDs.union(extraIDs)
        let unknown = expr.identifiers.filter { !known.contains($0.id) }.map { ref in
            Diagnostic.error(
                "unknown id `\(ref.id)`", at: base.offset(by: ref.offset),
                hint: NameSuggestion.nearest(to: ref.id, among: known).map { "did you mean `\($0)`?" })
        }
        return unknown.isEmpty ? .success(expr) : .failure(DiagnosticsError(unknown))
    }

    /// KPI ids the formula of `kpi` refers to directly, with the offset of each reference.
    func kpiReferences(of kpi: String) -> [(id: String, offset: Int)] {
        guard let expr = expressions[kpi] else { return [] }
        return expr.identifiers.filter { resolve($0.id, inKPI: kpi) == .kpi($0.id) }
    }

    /// Measure ids the KPI reads, directly or through other KPIs, sorted.
    package func measures(readBy kpi: String) -> [String] {
        var seen: Set<String> = []
        var measures: Set<String> = []
        func visit(_ k: String) {
            guard seen.insert(k).inserted, let expr = expressions[k] else { return }
            for (id, _) in expr.identifiers {
                switch resolve(id, inKPI: k) {
                case .measure(let m): measures.insert(m)
                case .kpi(let other): visit(other)
                default: break
                }
            }
        }
        visit(kpi)
        return measures.sorted()
    }
}
