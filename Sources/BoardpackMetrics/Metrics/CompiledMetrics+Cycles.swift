import BoardpackSupport

extension CompiledMetrics {
    /// One error per cycle among KPI formulas, at the reference that closes it, with the path.
    func cycleDiagnostics() -> [Diagnostic] {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        var reported: Set<[String]> = []
        var diagnostics: [Diagnostic] = []

        func visit(_ kpi: String) {
            state[kpi] = 1
            stack.append(kpi)
            for (ref, _) in kpiReferences(of: kpi) {
                switch state[ref] {
                case 1:
                    let start = stack.lastIndex(of: ref)!
                    let cycle = Array(stack[start...])
                    let key = cycle.sorted()
                    guard reported.insert(key).inserted else { continue }
                    diagnostics.append(cycleError(cycle))
                case nil: visit(ref)
                default: break
                }
            }
            stack.removeLast()
            state[kpi] = 2
        }
        for kpi in dictionary.kpiOrder where state[kpi] == nil { visit(kpi) }
        return diagnostics
    }

    /// The error for `cycle` (`[a, b]` means a → b → a), placed at a's reference to b.
    private func cycleError(_ cycle: [String]) -> Diagnostic {
        let first = cycle[0]
        let next = cycle.count > 1 ? cycle[1] : first
        let offset = kpiReferences(of: first).first { $0.id == next }?.offset ?? 0
        let path = (cycle + [first]).map { "`\($0)`" }.joined(separator: " → ")
        let location = dictionary.kpis[first]!.formulaLocation.offset(by: offset)
        return .error("the formula of `\(first)` refers to itself: \(path)", at: location)
    }
}
