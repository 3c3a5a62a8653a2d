import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct FormulaValidationTests {
    private func validate(_ kpis: [String: KPIOverride]) -> [Diagnostic] {
        let (dictionary, merge) = MetricDictionary.builtIn.merging(MetricOverride(kpis: kpis))
        #expect(merge.isEmpty, "\(merge)")
        return CompiledMetrics.validate(dictionary).1
    }

    private func kpi(_ formula: String, line: Int, column: Int) -> KPIOverride {
        KPIOverride(
            formula: formula, unit: .ratio, better: .higher, level: .performance,
            formulaLocation: SourceLocation(file: "content/metrics.yml", line: line, column: column))
    }

    @Test func cycleIsReportedWithPathAndColumn() {
        // a = leads / b (line 3, formula at column 15); b = a * 2 (line 4, column 15).
        let d = validate(["a": kpi("leads / b", line: 3, column: 15), "b": kpi("a * 2", line: 4, column: 15)])
        #expect(d.count == 1)
        // `b` sits at offset 8 in "leads / b": column 15 + 8 = 23.
        #expect(d.first?.location == SourceLocation(file: "content/metrics.yml", line: 3, column: 23))
        #expect(d.first?.message == "the formula of `a` refers to itself: `a` → `b` → `a`")
    }

    @Test func overridingBuiltInIntoCycle() {
        // marketing_cost = cac * 2 closes marketing_cost → cac → marketing_cost.
        let d = validate(["marketing_cost": kpi("cac * 2", line: 2, column: 21)])
        #expect(d.map(\.message) == ["the formula of `marketing_cost` refers to itself: `marketing_cost` → `cac` → `marketing_cost`"])
        #expect(d.first?.location?.column == 21)
    }

    @Test func unknownIdWithSuggestionAndColumn() {
        let d = validate(["demo_rate": kpi("spend / new_custmers", line: 5, column: 14)])
        // `new_custmers` starts at offset 8: column 14 + 8 = 22.
        #expect(
            d == [
                .error(
                    "unknown id `new_custmers` in the formula of `demo_rate`",
                    at: SourceLocation(file: "content/metrics.yml", line: 5, column: 22),
                    hint: "did you mean `new_customers`?")
            ])
    }

    @Test func syntaxAndArityErrors() {
        let d = validate([
            "x": kpi("spend / ", line: 7, column: 10), "y": kpi("year_ago(spend, 2)", line: 8, column: 10),
        ])
        #expect(
            d.map(\.message).sorted() == [
                "`year_ago` takes 1 argument, got 2 in the formula of `y`",
                "expected a value, found the end of the formula in the formula of `x`",
            ])
        // "spend / " ends at offset 8: column 10 + 8 = 18.
        #expect(d.contains { $0.location == SourceLocation(file: "content/metrics.yml", line: 7, column: 18) })
    }

    @Test func newKPINeedsFields() {
        let (_, d) = MetricDictionary.builtIn.merging(MetricOverride(kpis: ["z": KPIOverride(formula: "spend")]))
        #expect(d.map(\.message) == ["new KPI `z` needs `unit`, `better`, `level`"])
    }

    @Test func overridesReplaceFieldsAndAddMeasures() throws {
        let o = MetricOverride(
            measures: ["demos": MeasureOverride(aggregation: .sum), "sales_cycle_days": MeasureOverride(weight: "leads")],
            kpis: ["cac": KPIOverride(label: LocalizedText(en: "Blended CAC"), formula: "(spend + overhead) / new_customers")])
        let (dictionary, d) = MetricDictionary.builtIn.merging(o)
        #expect(d.isEmpty)
        #expect(dictionary.kpis["cac"]?.label.en == "Blended CAC")
        #expect(dictionary.kpis["cac"]?.unit == .currency)
        #expect(dictionary.measures["demos"]?.aggregation == .sum)
        #expect(dictionary.measures["sales_cycle_days"]?.aggregation == .mean(weight: "leads"))
        #expect(dictionary.kpiOrder.first == "marketing_cost")
        _ = try CompiledMetrics(dictionary)
    }

    @Test func ruleExpressionsResolveIds() throws {
        let metrics = try CompiledMetrics(.builtIn)
        let base = SourceLocation(file: "content/playbooks/retail.yml", line: 9, column: 11)
        guard case .failure(let e) = metrics.parseExpression("clv_to_cak < 1", at: base) else {
            Issue.record("accepted an unknown id")
            return
        }
        #expect(e.diagnostics.first?.location?.column == 11)
        #expect(e.diagnostics.first?.hint == "did you mean `clv_to_cac`?")
    }
}
