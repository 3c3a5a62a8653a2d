import BoardpackContent

extension UnitMetrics {
    /// The working of KPI `id` at `period` (for the unit, or one dimension value), reading no
    /// data after the period. `nil` for an unknown KPI. The substituted formula keeps its values
    /// apart from its text, for whoever writes it to write them in its own way.
    /// `evaluator`, when given, is one for `period` that the caller reuses for many workings.
    package func working(_ id: String, at period: Period, slice: UnitData.Slice? = nil, evaluator: Evaluator? = nil) -> KPIWorking? {
        guard let def = metrics.dictionary.kpis[id], let expr = metrics.expressions[id] else { return nil }
        let evaluator = evaluator ?? self.evaluator(for: period)
        let slice = def.unitScoped ? nil : slice
        // The closures below share the unit's context (one reference) rather than copying `self`.
        let context = self.context
        let inline: (String, String?) -> Expr? = { ref, owner in
            guard case .kpi(let k) = context.metrics.resolve(ref, inKPI: owner) else { return nil }
            // In a breakdown a unit-scoped KPI is one number: show it as an input, not expanded.
            if slice != nil, let slot = context.metrics.program.slots[k], context.metrics.program.unitScoped[slot] {
                return nil
            }
            return context.metrics.expressions[k]
        }
        let expanded = ExprPrinter(leaf: { _, _ in nil }, inline: inline).print(expr, owner: id)
        var inputs: [KPIWorking.Input] = []
        var values: [KPIWorking.Value] = []
        let plain = ExprPrinter(leaf: { _, _ in nil }, inline: { _, _ in nil })
        // Each value is printed as a marker, then the text between markers kept: a page
        // writes the values in its locale later (``KPIWorking/substituted(valueText:)``).
        let template = ExprPrinter(
            leaf: { e, owner in
                let v = evaluator.eval(e, period, slice, owner: owner)
                let name = plain.print(e, owner: owner)
                if !inputs.contains(where: { $0.name == name }) {
                    inputs.append(KPIWorking.Input(name: name, value: v.value, partial: v.partial))
                }
                values.append(KPIWorking.Value(id: Self.readID(e) ?? name, value: v.value))
                return String(KPIWorking.valueMarker)
            }, inline: inline
        ).print(expr, owner: id)
        var working = KPIWorking(
            kpi: id, formula: def.formula, expanded: expanded, inputs: inputs,
            result: evaluator.kpi(id, at: period, slice: slice),
            provenance: KPIWorking.Provenance(context: context, kpi: id, period: period, slice: slice))
        working.texts = template.splittingBytes(String(KPIWorking.valueMarker))
        working.values = values
        return working
    }
}

extension UnitMetrics {
    /// The identifier an input reads: `x` for `x`, `prev(x)`, `year_ago(x)`.
    static func readID(_ e: Expr) -> String? {
        switch e.node {
        case .identifier(let id): id
        case .call(_, let args): args.first.flatMap(readID)
        case .negate(let inner), .not(let inner): readID(inner)
        default: nil
        }
    }
}

extension UnitData {
    /// Files and lines whose rows reported `measure` in `period` (optionally for one dimension value).
    package func sources(of measure: String, in period: Period, slice: Slice? = nil) -> [KPIWorking.Source] {
        let offsets = period.months.compactMap(offset)
        return sources(of: measure).compactMap { src in
            let file = files[src.file]
            let values = file.measureValues[src.column]
            var filter: (d: Int, label: Int32)?
            if let slice {
                guard let d = file.dimensions.firstIndex(of: slice.dimension),
                    let l = file.dimensionLabels[d].firstIndex(of: slice.value)
                else { return nil }
                filter = (d, Int32(l))
            }
            var lines: [Int] = []
            for o in offsets {
                for row in rowsByMonth[src.file][o] where !values[Int(row)].isNaN {
                    if let filter, file.dimensionValues[filter.d][Int(row)] != filter.label { continue }
                    lines.append(Int(file.lines[Int(row)]))
                }
            }
            return lines.isEmpty ? nil : KPIWorking.Source(path: file.path, lines: lines.sorted())
        }
    }
}
