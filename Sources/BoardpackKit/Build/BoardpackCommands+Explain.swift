import BoardpackContent
import BoardpackFormat
import BoardpackMetrics
import BoardpackSupport

/// `boardpack explain KPI --unit ID --period P`: the definition, the formula, the formula with
/// this period's numbers in it, the result, and the files and rows it came from.
extension BoardpackCommands {
    /// The explanation as text, or the diagnostics that prevent it.
    package static func explain(
        kpi id: String, unit unitID: String, period: Period, contentPath: String, fileSystem: any FileSystem = DiskFileSystem()
    ) throws -> String {
        let model = try unitModel(unitID, contentPath: contentPath, fileSystem: fileSystem)
        let metrics = model.metrics
        guard let kpi = metrics.metrics.dictionary.kpis[id] else {
            let hint = NameSuggestion.nearest(to: id, among: Set(metrics.metrics.dictionary.kpis.keys)).map { "did you mean `\($0)`?" }
            throw DiagnosticsError([.error("unknown KPI `\(id)`", hint: hint)], isUsage: true)
        }
        guard metrics.data.hasData(in: period.lastMonth) else {
            throw DiagnosticsError([.error("unit `\(unitID)` has no data for \(period)")], isUsage: true)
        }
        guard let working = metrics.working(id, at: period) else {
            throw DiagnosticsError([.error("cannot work out `\(id)` for \(period)")])
        }
        let format = ValueFormat(unit: kpi.unit.rawValue, currency: model.unit.config.currency)
        let locale = PackLocale.enGB
        var out = "\(kpi.label.en) (\(id)) — \(model.unit.config.name), \(period)\n"
        out += "definition: \(kpi.definition.en)\n"
        out +=
            "unit: \(kpi.unit.rawValue), better: \(kpi.better.rawValue), level: \(kpi.level.rawValue)\(kpi.unitScoped ? ", scope: unit" : "")\n"
        out += "formula:     \(id) = \(working.formula)\n"
        if working.expanded != working.formula { out += "expanded:    \(id) = \(working.expanded)\n" }
        out += "substituted: \(id) = \(working.substituted)\n"
        out += "result:      \(id) = \(working.result.value.map(Self.readable) ?? "n/a")"
        out += " (\(format.format(working.result.value, locale: locale)))\(working.result.partial ? ", partial" : "")\n"
        out += "inputs:\n"
        for input in working.inputs {
            out += "  \(input.name) = \(input.value.map(Self.readable) ?? "n/a")\(input.partial ? " (partial)" : "")\n"
        }
        out += "sources:\n"
        for measure in working.sources.keys.sorted() {
            for source in working.sources[measure] ?? [] {
                // A workbook's rows are rows of its sheet.
                let word = source.path.lowercased().hasSuffix(".xlsx") ? "row" : "line"
                out += "  \(measure): \(source.path) \(source.lines.count == 1 ? word : word + "s") \(lineRanges(source.lines))\n"
            }
        }
        return out
    }

    /// `3-5, 9` for `[3, 4, 5, 9]`.
    static func lineRanges(_ lines: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var last: Int?
        for line in lines.sorted() + [Int.max] {
            if let l = last, line == l + 1 {
                last = line
                continue
            }
            if let s = start, let l = last { parts.append(s == l ? "\(s)" : "\(s)-\(l)") }
            start = line
            last = line
        }
        return parts.joined(separator: ", ")
    }

    /// A number as a person reads it in the working: twelve significant digits, so that the
    /// binary noise of adding decimals (85.39999999999999) reads 85.4.
    static func readable(_ value: Double) -> String {
        JSONText.format(Double(String(format: "%.12g", value)) ?? value)
    }

    /// Loads the workspace and prepares one unit's metrics (no rendering).
    static func unitModel(_ unitID: String, contentPath: String, fileSystem: any FileSystem) throws -> UnitModel {
        let (workspace, diagnostics) = load(contentPath: contentPath, onlyUnits: [unitID], fileSystem: fileSystem)
        guard let workspace else { throw DiagnosticsError(diagnostics.sortedForReport()) }
        guard !workspace.units.isEmpty else {
            throw DiagnosticsError([.error("no unit `\(unitID)` in \(contentPath)/units")], isUsage: true)
        }
        let prepare = Preparation()
        let (compiled, playbooks) = try prepare.validate(workspace)
        let (models, _, _) = try prepare.compute(workspace, compiled, playbooks)
        return models[0]
    }
}
