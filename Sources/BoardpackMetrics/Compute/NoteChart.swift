import BoardpackContent
import BoardpackMarkdown
import BoardpackSupport

/// A ```` ```chart ```` block's YAML body, validated (SPEC §2.4).
package struct NoteChart: Decodable, Sendable {
    package enum Kind: String, Decodable, CaseIterable, Sendable { case line, bar, stacked, funnel, bullet, scatter, heatmap }

    package var type: Kind
    package var kpis: [String]
    package var periods: Int
    package var breakdown: String?
    package var target: Bool

    enum CodingKeys: String, CodingKey, CaseIterable { case type, kpis, periods, breakdown, target }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        try problems.throwIfAny()
        let typeText = try c.decode(String.self, forKey: .type)
        guard let type = Kind(rawValue: typeText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown chart type `\(typeText)` (expected \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.type = type
        kpis = try c.decodeIfPresent([String].self, forKey: .kpis) ?? []
        periods = try c.decodeIfPresent(Int.self, forKey: .periods) ?? 12
        if !(1...36).contains(periods) {
            throw DecodingError.dataCorruptedError(forKey: .periods, in: c, debugDescription: "`periods` must be between 1 and 36")
        }
        breakdown = try c.decodeIfPresent(String.self, forKey: .breakdown)
        target = try c.decodeIfPresent(Bool.self, forKey: .target) ?? true
    }

    /// Decodes and checks a block; the body starts on the line after the fence.
    package static func parse(
        _ block: ChartBlock, path: String, knownKPIs: Set<String>, knownMeasures: Set<String> = []
    ) -> Result<NoteChart, Diagnostic> {
        switch YAMLFile.decode(NoteChart.self, from: block.source, path: path, lineOffset: block.line) {
        case let .failure(d): return .failure(d)
        case let .success(chart):
            let at = SourceLocation(file: path, line: block.line, column: 1)
            if chart.kpis.isEmpty {
                return .failure(.error("a `\(chart.type.rawValue)` chart needs `kpis: [...]`", at: at))
            }
            if [.stacked, .scatter, .heatmap].contains(chart.type) && chart.breakdown == nil {
                return .failure(.error("a `\(chart.type.rawValue)` chart needs `breakdown: <dimension>` (e.g. channel)", at: at))
            }
            if chart.type == .scatter && chart.kpis.count != 2 {
                return .failure(.error("a scatter chart needs exactly two KPIs: x and y", at: at))
            }
            // A funnel's stages are measures (leads, new_customers…) as well as KPIs.
            let known = chart.type == .funnel ? knownKPIs.union(knownMeasures) : knownKPIs
            for id in chart.kpis where !known.contains(id) {
                let line = YAMLFile.location(of: ["kpis"], in: block.source, path: path, lineOffset: block.line) ?? at
                let hint = NameSuggestion.nearest(to: id, among: known).map { "did you mean `\($0)`?" }
                return .failure(.error("unknown KPI `\(id)` in chart block", at: line, hint: hint))
            }
            return .success(chart)
        }
    }

}
