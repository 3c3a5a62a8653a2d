import BoardpackContent
import BoardpackFormat

/// The pack's commentary (SPEC §5.4): for each headline KPI, then each other red KPI, at most
/// one plain sentence, the most telling of a streak of three or more periods moving the wrong
/// way, a move past the period threshold, or a move past the year-on-year threshold. Each says
/// whether the move is good or bad for the KPI; red first, then amber, then the rest; six at most.
package enum Commentary {
    /// A relative move this large is worth a sentence (10 %).
    static let relativeThreshold = 0.10
    /// For ratios, a move of this many percentage points (2 pp, as a fraction: 0.02).
    static let pointsThreshold = 0.02
    /// Against a year ago: 20 %, or 5 percentage points for ratios.
    static let yearRelativeThreshold = 0.20
    static let yearPointsThreshold = 0.05
    /// A streak of this many periods moving the wrong way is worth a sentence.
    static let streakThreshold = 3
    /// At most this many sentences.
    static let maxSentences = 6

    /// A move between two values, and whether it passes the period threshold.
    package struct Move: Sendable {
        var isRatio: Bool
        package var value: Double
        package var previous: Double

        package init(isRatio: Bool, value: Double, previous: Double) {
            self.isRatio = isRatio
            self.value = value
            self.previous = previous
        }

        /// True when the move passes the threshold: ±2 pp for ratios, ±10 % otherwise
        /// (a relative move needs a positive previous value, as `change` does).
        var isNotable: Bool { passes(points: Commentary.pointsThreshold, relative: Commentary.relativeThreshold) }

        /// True when the move passes the year-on-year threshold (±5 pp, or ±20 %).
        var isNotableOnAYear: Bool { passes(points: Commentary.yearPointsThreshold, relative: Commentary.yearRelativeThreshold) }

        private func passes(points: Double, relative: Double) -> Bool {
            if isRatio { return abs(value - previous) >= points - 1e-12 }
            guard previous > 0 else { return false }
            return abs(value / previous - 1) >= relative - 1e-12
        }
    }

    /// What the commentary needs about one KPI.
    package struct Subject: Sendable {
        package var label: String
        var isRatio: Bool
        var better: KPIDefinition.Direction
        /// The KPI's one status in the pack, which orders the sentences.
        var status: KPIStatus
        /// The KPI's values over the periods ending with the pack's, oldest first (the last
        /// is the pack's own value).
        var series: [Double?]
        var yearAgo: Double?
        /// Writes a value as the pack shows it (with the digits its status needs).
        var format: @Sendable (Double) -> String

        package init(
            label: String, isRatio: Bool, better: KPIDefinition.Direction, status: KPIStatus, series: [Double?],
            yearAgo: Double?, format: @escaping @Sendable (Double) -> String
        ) {
            self.label = label
            self.isRatio = isRatio
            self.better = better
            self.status = status
            self.series = series
            self.yearAgo = yearAgo
            self.format = format
        }

        /// How many periods in a row, ending with the pack's, the value moved the wrong way.
        var wrongWayStreak: Int {
            var count = 0
            var i = series.count - 1
            while i > 0, let now = series[i], let before = series[i - 1], better == .higher ? now < before : now > before {
                count += 1
                i -= 1
            }
            return count
        }
    }

    /// The names of the periods a sentence mentions: "September", "Q2 2026", "October 2025".
    package struct PeriodNames: Sendable {
        var previous: String
        var yearAgo: String
        /// A count of periods in the pack's unit: "12 months", "3 quarters".
        var count: @Sendable (Int) -> String

        package init(previous: String, yearAgo: String, count: @escaping @Sendable (Int) -> String) {
            self.previous = previous
            self.yearAgo = yearAgo
            self.count = count
        }
    }

    /// The commentary for `subjects` (headline KPIs first, in the headline's order).
    package static func sentences(_ subjects: [Subject], names: PeriodNames, locale: PackLocale) -> [String] {
        let said = subjects.enumerated().compactMap { index, subject in
            sentence(subject, names: names, locale: locale).map { (subject.status, index, $0) }
        }
        func rank(_ s: KPIStatus) -> Int { s == .red ? 0 : s == .amber ? 1 : 2 }
        return said.sorted { (rank($0.0), $0.1) < (rank($1.0), $1.1) }.prefix(maxSentences).map(\.2)
    }

    /// The most telling sentence about one KPI, or nil when nothing passes a threshold.
    static func sentence(_ s: Subject, names: PeriodNames, locale: PackLocale) -> String? {
        guard let value = s.series.last ?? nil else { return nil }
        let now = s.format(value)
        var values: [String: String] = ["label": s.label, "now": now, "to_now": Words.to(now, locale)]
        func verdict(_ rose: Bool) -> String {
            locale.label((rose == (s.better == .higher)) ? "commentary_improved" : "commentary_worsened")
        }
        let streak = s.wrongWayStreak
        if streak >= streakThreshold {
            let rose = s.better == .lower
            values["verdict"] = verdict(rose)
            values["streak"] = names.count(streak)
            values["yoy"] = ""
            if let y = s.yearAgo {
                let before = s.format(y)
                if s.isRatio {
                    values["yoy"] = locale.label("commentary_yoy_was", ["before": before])
                } else if y > 0, value != y {
                    setAmount(value / y - 1, &values, locale)
                    values["yoy"] = locale.label(value > y ? "commentary_yoy_above" : "commentary_yoy_below", values)
                }
            }
            return locale.label("commentary_streak_\(rose ? "rose" : "fell")", values)
        }
        let count = s.series.count
        if count >= 2, let previous = s.series[count - 2], Move(isRatio: s.isRatio, value: value, previous: previous).isNotable {
            return move(from: previous, to: value, period: names.previous, key: "commentary_move", s, &values, locale, verdict)
        }
        if let y = s.yearAgo, Move(isRatio: s.isRatio, value: value, previous: y).isNotableOnAYear {
            return move(from: y, to: value, period: names.yearAgo, key: "commentary_yoy", s, &values, locale, verdict)
        }
        return nil
    }

    /// The size of a relative move, as English and Italian put it ("del 20,3%", "l'8,1%").
    private static func setAmount(_ relative: Double, _ values: inout [String: String], _ locale: PackLocale) {
        let text = PackFormatter(locale: locale).percent(abs(relative))
        values["by_amount"] = Words.of(text, locale)
        values["the_amount"] = Words.article(text, locale)
    }

    /// "CAC worsened: it rose 20.3% to €49.40 (September: €41.06)."; a ratio's move is said
    /// from one value to the other, never as a difference in points.
    private static func move(
        from before: Double, to value: Double, period: String, key: String, _ s: Subject, _ values: inout [String: String],
        _ locale: PackLocale, _ verdict: (Bool) -> String
    ) -> String {
        let rose = value > before
        let beforeText = s.format(before)
        values["verdict"] = verdict(rose)
        values["previous"] = period
        values["before"] = beforeText
        values["from_before"] = Words.from(beforeText, locale)
        if !s.isRatio { setAmount(value / before - 1, &values, locale) }
        return locale.label("\(key)_\(rose ? "rose" : "fell")_\(s.isRatio ? "points" : "percent")", values)
    }

    /// The small words before a number, placed whole by the label tables: Italian puts an
    /// article before a percentage ("al 19,4%", not before "36,82 €"), elided before a number
    /// read with a vowel ("dall'8,2%", "l'11,0%").
    enum Words {
        /// "from 19.4%" / "dal 19,4%", "dall'8,2%", "da 41,06 €".
        static func from(_ number: String, _ locale: PackLocale) -> String {
            guard locale.isItalian else { return "from " + number }
            guard number.hasSuffix("%") else { return "da " + number }
            return (elides(number) ? "dall'" : "dal ") + number
        }

        /// "to 19.4%" / "al 19,4%", "all'8,2%", "a 49,40 €".
        static func to(_ number: String, _ locale: PackLocale) -> String {
            guard locale.isItalian else { return "to " + number }
            guard number.hasSuffix("%") else { return "a " + number }
            return (elides(number) ? "all'" : "al ") + number
        }

        /// "del 20,3%", "dell'8,0%".
        static func of(_ number: String, _ locale: PackLocale) -> String {
            locale.isItalian ? (elides(number) ? "dell'" : "del ") + number : number
        }

        /// "il 43,1%", "l'8,1%".
        static func article(_ number: String, _ locale: PackLocale) -> String {
            locale.isItalian ? (elides(number) ? "l'" : "il ") + number : number
        }

        /// True when an Italian number is read starting with a vowel: otto…, undici, uno.
        static func elides(_ number: String) -> Bool {
            let chars = Array(number)
            guard let first = chars.first, first.isNumber else { return false }
            if first == "8" { return true }
            let whole = chars.prefix { $0.isNumber }
            // 11 and 11.000 (undici, undicimila); 1 and 1,5 (uno) but not 1.000 (mille).
            if whole.elementsEqual(["1", "1"]) { return true }
            if whole.elementsEqual(["1"]) { return chars.dropFirst().first != "." }
            return false
        }
    }
}
