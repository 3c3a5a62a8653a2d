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
    /// A move exactly on a threshold passes it, whatever the binary rounding of the difference
    /// (0.25 − 0.23 is 0.0199999…): the rules on moves use the same margin.
    static let epsilon = 1e-12

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
            if isRatio { return abs(value - previous) >= points - Commentary.epsilon }
            guard previous > 0 else { return false }
            return abs(value / previous - 1) >= relative - Commentary.epsilon
        }
    }

    /// What the commentary needs about one KPI.
    package struct Subject: Sendable {
        package var label: String
        var isRatio: Bool
        var better: KPIDefinition.Direction
        /// The KPI's band target, when it has one: a move is good when it comes closer to the
        /// band, whatever its direction.
        var band: (min: Double, max: Double)?
        /// The KPI's one status in the pack, which orders the sentences.
        var status: KPIStatus
        /// The KPI's values over the periods ending with the pack's, oldest first (the last
        /// is the pack's own value).
        var series: [Double?]
        var yearAgo: Double?
        /// Writes the values one sentence quotes as the pack shows them, with one number of
        /// digits for all of them: the most any of them needs beside its status.
        var format: @Sendable ([Double]) -> [String]

        package init(
            label: String, isRatio: Bool, better: KPIDefinition.Direction, band: (min: Double, max: Double)? = nil,
            status: KPIStatus, series: [Double?], yearAgo: Double?, format: @escaping @Sendable ([Double]) -> [String]
        ) {
            self.label = label
            self.isRatio = isRatio
            self.better = better
            self.band = band
            self.status = status
            self.series = series
            self.yearAgo = yearAgo
            self.format = format
        }

        /// Whether a move from `before` to `now` is good for the KPI (true), bad (false), or
        /// neither (no move, or a move inside its band).
        func improves(_ now: Double, from before: Double) -> Bool? {
            if let band {
                func distance(_ x: Double) -> Double { max(0, band.min - x, x - band.max) }
                let (d, e) = (distance(now), distance(before))
                return d < e ? true : d > e ? false : nil
            }
            guard now != before else { return nil }
            return (now > before) == (better == .higher)
        }

        /// How many periods in a row, ending with the pack's, the value moved the wrong way.
        var wrongWayStreak: Int {
            var count = 0
            var i = series.count - 1
            while i > 0, let now = series[i], let before = series[i - 1], improves(now, from: before) == false {
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
        var values: [String: String] = ["label": s.label]
        func quote(_ now: Double, _ before: Double?) {
            let texts = s.format([now] + (before.map { [$0] } ?? []))
            values["now"] = texts[0]
            values["to_now"] = Words.to(texts[0], locale)
            if texts.count > 1 {
                values["before"] = texts[1]
                values["from_before"] = Words.from(texts[1], locale)
            }
        }
        func verdict(_ good: Bool) -> String { locale.label(good ? "commentary_improved" : "commentary_worsened") }
        let count = s.series.count
        let previous = count >= 2 ? s.series[count - 2] : nil
        let streak = s.wrongWayStreak
        if streak >= streakThreshold, let previous {
            let rose = value > previous
            values["verdict"] = verdict(false)
            values["streak"] = names.count(streak)
            values["yoy"] = ""
            quote(value, s.yearAgo)
            if let y = s.yearAgo, let before = values["before"] {
                if s.isRatio {
                    values["yoy"] = locale.label("commentary_yoy_was", ["before": before])
                } else if y > 0, value != y {
                    setAmount(value / y - 1, &values, locale)
                    values["yoy"] = locale.label(value > y ? "commentary_yoy_above" : "commentary_yoy_below", values)
                }
            }
            return locale.label("commentary_streak_\(rose ? "rose" : "fell")", values)
        }
        if let previous, Move(isRatio: s.isRatio, value: value, previous: previous).isNotable,
            let good = s.improves(value, from: previous)
        {
            quote(value, previous)
            return move(from: previous, to: value, good: good, period: names.previous, key: "commentary_move", s, &values, locale)
        }
        if let y = s.yearAgo, Move(isRatio: s.isRatio, value: value, previous: y).isNotableOnAYear, let good = s.improves(value, from: y) {
            quote(value, y)
            return move(from: y, to: value, good: good, period: names.yearAgo, key: "commentary_yoy", s, &values, locale)
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
        from before: Double, to value: Double, good: Bool, period: String, key: String, _ s: Subject,
        _ values: inout [String: String], _ locale: PackLocale
    ) -> String {
        let rose = value > before
        values["verdict"] = locale.label(good ? "commentary_improved" : "commentary_worsened")
        values["previous"] = period
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
