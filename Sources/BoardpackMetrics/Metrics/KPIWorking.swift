import BoardpackContent

/// "The working" of a KPI in a pack (SPEC §6 appendix, `boardpack explain`): the formula, the
/// formula with KPI ids expanded, the same with this period's numbers, the result, and the data
/// behind each measure. Numbers are raw; the caller formats them for the locale.
package struct KPIWorking: Sendable {
    /// One value the substituted formula uses: a measure, `months` or a function call
    /// (`prev(active_customers)`), as written in the expanded formula.
    package struct Input: Sendable, Hashable {
        package var name: String
        package var value: Double?
        package var partial: Bool
    }

    /// The rows of one file that reported a measure in the period.
    package struct Source: Sendable, Hashable {
        package var path: String
        /// 1-based line numbers of the reporting rows, ascending.
        package var lines: [Int]
    }

    package var kpi: String
    /// The formula as written: `marketing_cost / new_customers`.
    package var formula: String
    /// KPI ids replaced by their formulas: `(spend + overhead) / new_customers`.
    package var expanded: String
    /// Measures, `months` and function calls replaced by this period's values (shortest
    /// round-trip numbers, `n/a` for n/a): `(48200 + 12000) / 1462`.
    package var substituted: String { substituted { _, v in v.map(JSONText.format) ?? "n/a" } }
    /// The inputs in order of first appearance in `expanded`.
    package var inputs: [Input]
    /// A value the substituted formula shows, with the id it reads (`qualified_leads` for
    /// `prev(qualified_leads)`), which decides how it is written.
    package struct Value: Sendable, Hashable {
        package var id: String
        package var value: Double?
    }
    /// The values of the substituted formula, in order.
    package var values: [Value] = []
    /// The substituted formula's text around its values: one more piece than `values`.
    package var texts: [String] = []
    /// What the printer writes for each value before the pieces are cut apart (a private-use
    /// character, which no formula can hold: the lexer accepts ASCII only).
    static let valueMarker: Character = "\u{E001}"

    /// The substituted formula with each value written by `valueText(id, value)`.
    package func substituted(valueText: (String, Double?) -> String) -> String {
        var text = texts.first ?? ""
        for (value, after) in zip(values, texts.dropFirst()) {
            text += valueText(value.id, value.value)
            text += after
        }
        return text
    }
    package var result: MeasureValue
    /// Measure id → files and lines that reported it in the period (measures read via `prev`
    /// or `year_ago` list the rows of the period itself only). Read from the data when asked:
    /// a pack's appendix shows only ``line(valueText:format:)``, `boardpack explain` the sources too.
    package var sources: [String: [Source]] { provenance.sources() }
    /// What ``sources`` reads.
    let provenance: Provenance

    /// The KPI, period and slice whose data rows ``sources`` lists.
    struct Provenance: Sendable {
        /// The unit's dictionary and data.
        let context: EvaluationContext
        let kpi: String
        let period: Period
        /// `nil` for the unit (and for a `scope: unit` KPI).
        let slice: UnitData.Slice?

        /// Every measure the KPI reads, directly or through other KPIs, with its reporting rows
        /// (the unit's rows for a `scope: unit` measure).
        func sources() -> [String: [Source]] {
            var sources: [String: [Source]] = [:]
            for m in context.metrics.measures(readBy: kpi) {
                let unitScoped = context.metrics.dictionary.measures[m]?.unitScoped ?? false
                sources[m] = context.data.sources(of: m, in: period, slice: unitScoped ? nil : slice)
            }
            return sources
        }
    }

    /// The one-line form: `cac = marketing_cost / new_customers = (spend + overhead) / new_customers = (48200 + 12000) / 1462 = 41.18`,
    /// skipping repeated steps; `format` renders the result.
    package func line(format: (Double?) -> String) -> String {
        line(substituted: substituted, format: format)
    }

    /// ``line(format:)`` with the substituted formula's values written by `valueText`.
    package func line(valueText: (String, Double?) -> String, format: (Double?) -> String) -> String {
        line(substituted: substituted(valueText: valueText), format: format)
    }

    private func line(substituted: String, format: (Double?) -> String) -> String {
        var steps = [kpi, formula]
        for s in [expanded, substituted] where s != steps.last { steps.append(s) }
        steps.append(format(result.value))
        return steps.joined(separator: " = ")
    }
}
