import BoardpackContent
import BoardpackSupport

/// A reconciliation warning about a unit's data (SPEC §3.6), with the month it concerns so a
/// pack can list only the findings up to its period.
package struct DataQualityFinding: Sendable, Hashable {
    /// What was checked.
    package enum Check: String, Sendable, Hashable {
        case funnel, negative, missingMonth = "missing_month", outlier, budget
    }

    package var check: Check
    /// The month concerned (`nil` when not tied to one).
    package var month: Month?
    /// A warning with file and line (line 0 when it concerns a whole period's total).
    package var diagnostic: Diagnostic
}

/// The data-quality checks of SPEC §3.6.
package enum DataQuality {
    /// The funnel, narrowest last: each pair must not widen.
    static let funnelPairs: [(wide: String, narrow: String)] = [
        ("impressions", "clicks"), ("leads", "qualified_leads"), ("qualified_leads", "opportunities"),
        ("opportunities", "new_customers"),
    ]

    /// Runs every check over all months of the data; findings sorted by file, line and message.
    /// `tolerance` is the unit's, for spend against the marketing budget.
    package static func check(_ data: UnitData, dictionary: MetricDictionary, tolerance: Double) -> [DataQualityFinding] {
        var findings: [DataQualityFinding] = []
        findings += rowChecks(data, dictionary: dictionary)
        findings += periodFunnel(data)
        findings += missingMonths(data)
        findings += outliers(data)
        findings += budget(data, tolerance: tolerance)
        return findings.sorted { a, b in
            let (la, lb) = (a.diagnostic.location ?? SourceLocation(file: ""), b.diagnostic.location ?? SourceLocation(file: ""))
            return la != lb ? la < lb : a.diagnostic.message < b.diagnostic.message
        }
    }

    /// Per row: the funnel within one row, and negative counts or money.
    static func rowChecks(_ data: UnitData, dictionary: MetricDictionary) -> [DataQualityFinding] {
        var out: [DataQualityFinding] = []
        for file in data.files {
            let column = Dictionary(file.measures.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for (m, name) in file.measures.enumerated() where dictionary.measures[name]?.kind.mustBeNonNegative ?? false {
                let values = file.measureValues[m]
                for r in 0..<file.rowCount where values[r] < 0 {
                    out.append(finding(.negative, file, r, m, "negative `\(name)` (\(JSONText.format(values[r])))"))
                }
            }
            for (wide, narrow) in funnelPairs {
                guard let w = column[wide], let n = column[narrow] else { continue }
                let (wv, nv) = (file.measureValues[w], file.measureValues[n])
                for r in 0..<file.rowCount where nv[r] > wv[r] {
                    let text = "funnel widens: `\(narrow)` (\(JSONText.format(nv[r]))) exceeds `\(wide)` (\(JSONText.format(wv[r])))"
                    out.append(finding(.funnel, file, r, n, text))
                }
            }
        }
        return out
    }

    static func finding(
        _ check: DataQualityFinding.Check, _ file: DataFile, _ row: Int, _ measure: Int, _ message: String
    ) -> DataQualityFinding {
        let at = file.location(ofRow: row)  // the row: the message names the column
        return DataQualityFinding(check: check, month: file.months[row], diagnostic: .warning(message, at: at))
    }

    /// Where a period-level finding about `measure` points: its first file.
    static func location(_ data: UnitData, _ measure: String) -> SourceLocation? {
        data.sources(of: measure).first.map { SourceLocation(file: data.files[$0.file].path) }
    }
}
