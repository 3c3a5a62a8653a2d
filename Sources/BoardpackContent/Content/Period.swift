/// The period a pack covers: a calendar month or a calendar quarter (SPEC §4).
package enum Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    case month(Month)
    /// `quarter` is 1...4.
    case quarter(year: Int, quarter: Int)

    /// The quarter containing `month`.
    package static func quarter(containing month: Month) -> Period {
        .quarter(year: month.year, quarter: month.quarter)
    }

    /// Parses `YYYY-MM` or `YYYY-Qn` strictly.
    package init?(parsing text: some StringProtocol) {
        if let m = Month(parsing: text) {
            self = .month(m)
            return
        }
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "Q"),
            let y = Month.digits(b[0..<4]), let q = Month.digits(b[6..<7]), (1...4).contains(q)
        else { return nil }
        self = .quarter(year: y, quarter: q)
    }

    /// `YYYY-MM` or `YYYY-Qn`.
    package var description: String {
        switch self {
        case .month(let m): m.description
        case .quarter(let y, let q): "\(Month(year: y, month: 1).description.prefix(4))-Q\(q)"
        }
    }

    /// `month` or `quarter`, as written in `metrics.json`.
    package var kind: String {
        if case .month = self { "month" } else { "quarter" }
    }

    /// The first month covered.
    package var firstMonth: Month {
        switch self {
        case .month(let m): m
        case .quarter(let y, let q): Month(year: y, month: q * 3 - 2)
        }
    }

    /// The last month covered.
    package var lastMonth: Month { firstMonth.advanced(by: monthCount - 1) }

    /// 1 for a month, 3 for a quarter (the formula value `months`).
    package var monthCount: Int {
        if case .month = self { 1 } else { 3 }
    }

    /// The months covered, in order.
    package var months: [Month] { (0..<monthCount).map { firstMonth.advanced(by: $0) } }

    /// The period `n` periods later (negative: earlier), of the same kind.
    package func advanced(by n: Int) -> Period {
        switch self {
        case .month(let m): return .month(m.advanced(by: n))
        case .quarter:
            let m = firstMonth.advanced(by: 3 * n)
            return .quarter(year: m.year, quarter: m.quarter)
        }
    }

    /// The previous period of the same kind.
    package var previous: Period { advanced(by: -1) }

    /// The same period a year earlier.
    package var yearAgo: Period { advanced(by: monthCount == 1 ? -12 : -4) }

    /// Ordered by last month, months before the quarter that ends with them.
    package static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.lastMonth, lhs.monthCount) < (rhs.lastMonth, rhs.monthCount)
    }
}
