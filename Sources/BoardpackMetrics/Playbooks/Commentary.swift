import BoardpackContent
import BoardpackFormat

/// One plain sentence per headline KPI that moved past the threshold (SPEC §5.4), e.g.
/// "CAC rose 20.3% to €49.40 (September: €41.06)."
package enum Commentary {
    /// A relative move this large is worth a sentence (10 %).
    static let relativeThreshold = 0.10
    /// For ratios, a move of this many percentage points (2 pp, as a fraction: 0.02).
    static let pointsThreshold = 0.02

    /// What a sentence needs about one KPI.
    package struct Move: Sendable {
        package var label: String
        var isRatio: Bool
        package var value: Double
        package var previous: Double
        package var format: ValueFormat

        package init(label: String, isRatio: Bool, value: Double, previous: Double, format: ValueFormat) {
            self.label = label
            self.isRatio = isRatio
            self.value = value
            self.previous = previous
            self.format = format
        }

        /// True when the move passes the threshold: ±2 pp for ratios, ±10 % otherwise
        /// (a relative move needs a positive previous value, as `change` does).
        var isNotable: Bool {
            if isRatio { return abs(value - previous) >= Commentary.pointsThreshold - 1e-12 }
            guard previous > 0 else { return false }
            return abs(value / previous - 1) >= Commentary.relativeThreshold - 1e-12
        }
    }

    /// The sentence for a notable move; `previousLabel` names the previous period
    /// ("September", "Q2 2026").
    static func sentence(_ move: Move, previousLabel: String, locale: PackLocale) -> String {
        let f = PackFormatter(locale: locale)
        let rose = move.value > move.previous
        let amount: String
        if move.isRatio {
            amount = f.percentagePoints(abs(move.value - move.previous)).replacingOccurrences(of: "+", with: "")
        } else {
            amount = f.percent(abs(move.value / move.previous - 1))
        }
        let now = move.format.format(move.value, locale: locale)
        let before = move.format.format(move.previous, locale: locale)
        let key = "commentary_\(rose ? "rose" : "fell")_\(move.isRatio ? "points" : "percent")"
        return locale.label(key, ["label": move.label, "amount": amount, "now": now, "previous": previousLabel, "before": before])
    }
}
