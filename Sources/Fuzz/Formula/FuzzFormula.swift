import BoardpackMetrics
import BoardpackSupport
import FuzzSupport

/// libFuzzer target: a formula (SPEC §3.3) through `FormulaParser.parse`; one that parses is
/// then compiled with the built-in dictionary (ids resolved, cycles found), as a KPI of its
/// own or, for an input of odd length, in place of `cac`, which other KPIs name (so cycles
/// are reachable).
enum FuzzFormula {
    static let builtIn = MetricsSetup.dictionary(from: nil).0
    static let base = SourceLocation(file: "content/metrics.yml", line: 3, column: 14)

    static func run(_ input: [UInt8]) {
        let text = FuzzCheck.text(input[...])
        let scalars = text.unicodeScalars.count
        let expr: Expr
        do {
            expr = try FormulaParser.parse(text)
        } catch {
            FuzzCheck.require(error.offset >= 0 && error.offset <= scalars, "error offset \(error.offset) inside the formula")
            _ = error.diagnostic(base: base)
            return
        }
        check(expr, scalars: scalars)
        compile(text, replacing: input.count % 2 == 1 ? "cac" : nil)
    }

    /// Every node's span lies inside the text, its children's inside its own.
    static func check(_ expr: Expr, scalars: Int) {
        FuzzCheck.require(
            expr.offset >= 0 && expr.length >= 0 && expr.offset + expr.length <= scalars,
            "node span \(expr.offset)+\(expr.length) inside the formula (\(scalars))")
        var children: [Expr] = []
        switch expr.node {
        case .number, .identifier: break
        case .negate(let e), .not(let e): children = [e]
        case .binary(_, let l, let r): children = [l, r]
        case .call(_, let args): children = args
        }
        for child in children {
            FuzzCheck.require(
                child.offset >= expr.offset && child.offset + child.length <= expr.offset + expr.length, "child span inside parent")
            check(child, scalars: scalars)
        }
    }

    /// Compiles the built-in dictionary with `formula` as a KPI.
    static func compile(_ formula: String, replacing id: String?) {
        let kpi = KPIDefinition(
            id: id ?? "fuzz_kpi", label: LocalizedText(en: id ?? "fuzz_kpi"), formula: formula, formulaLocation: base,
            unit: .ratio, better: .higher, level: .performance)
        let kpis = builtIn.kpis.values.filter { $0.id != kpi.id }.sorted { $0.id < $1.id } + [kpi]
        let dictionary = MetricDictionary(measures: builtIn.measures.values.sorted { $0.id < $1.id }, kpis: kpis)
        let (compiled, diagnostics) = CompiledMetrics.validate(dictionary)
        FuzzCheck.require((compiled == nil) == diagnostics.hasErrors, "compiled exactly when there is no error")
        for d in diagnostics { _ = d.description }
        if let compiled { _ = compiled.measures(readBy: kpi.id) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzFormula.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    @main enum Replay {
        static func main() { FuzzReplay.main("fuzz-formula", FuzzFormula.run) }
    }
#endif
