import BoardpackContent

extension PackFormatter {
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    // Italian month names are lowercase in running text and in dates.
    private static let italianMonths = [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ]
    private static let italianShortMonths = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ]

    /// The month's name: `October` / `ottobre`. `month` is 1...12.
    package func monthName(_ month: Int) -> String {
        let index = min(max(month, 1), 12) - 1
        return locale.isItalian ? Self.italianMonths[index] : Self.englishMonths[index]
    }

    /// The month's short name for axes: `Oct` / `ott` (September is `Sep`).
    func shortMonthName(_ month: Int) -> String {
        let index = min(max(month, 1), 12) - 1
        return locale.isItalian ? Self.italianShortMonths[index] : String(Self.englishMonths[index].prefix(3))
    }

    /// `October 2026` / `ottobre 2026`.
    func monthYear(_ month: Month) -> String { "\(monthName(month.month)) \(month.year)" }

    /// `Oct 2026` / `ott 2026`, for axes and data tables.
    func shortMonthYear(_ month: Month) -> String { "\(shortMonthName(month.month)) \(month.year)" }

    /// A quarter in full: `Q3 2026` (en) / `3° trimestre 2026` (it), the form used in
    /// Italian reports and press; the English form is already short.
    package func quarter(_ quarter: Int, year: Int) -> String {
        locale.isItalian ? "\(quarter)° trimestre \(year)" : "Q\(quarter) \(year)"
    }

    /// A quarter for axes: `Q3 2026` / `T3 2026` (T for trimestre, as in Italian financial tables).
    func shortQuarter(_ quarter: Int, year: Int) -> String {
        locale.isItalian ? "T\(quarter) \(year)" : "Q\(quarter) \(year)"
    }

    /// A calendar date: `5 November 2026` (en-GB), `November 5, 2026` (en-US),
    /// `5 novembre 2026` (it-IT; the first of the month is `1º`, as Italian writes it).
    package func date(year: Int, month: Int, day: Int) -> String {
        switch locale {
        case .enGB: return "\(day) \(monthName(month)) \(year)"
        case .enUS: return "\(monthName(month)) \(day), \(year)"
        case .itIT: return "\(day == 1 ? "1º" : String(day)) \(monthName(month)) \(year)"
        }
    }
}

extension PackFormatter {
    /// A pack's period in full ("October 2026", "3° trimestre 2026") or short for axes
    /// ("Oct 2026", "T3 2026").
    package func period(_ period: Period, short: Bool = false) -> String {
        switch period {
        case let .month(m): short ? shortMonthYear(m) : monthYear(m)
        case let .quarter(year, q): short ? shortQuarter(q, year: year) : quarter(q, year: year)
        }
    }
}
