/// A pack's period: a calendar month or a calendar quarter.
public enum Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    case month(Month)
    case quarter(year: Int, quarter: Int)

    /// Parses `YYYY-MM` or `YYYY-Qn`.
    public init?(parsing text: some StringProtocol) {
        if let month = Month(parsing: text) {
            self = .month(month)
            return
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q"),
            let year = Month.digits(bytes[0..<4]), let q = Month.digits(bytes[6..<7]), (1...4).contains(q)
        else { return nil }
        self = .quarter(year: year, quarter: q)
    }

    /// The months the period covers, in order.
    public var months: [Month] {
        switch self {
        case let .month(m): [m]
        case let .quarter(year, q): (0..<3).map { Month(year: year, month: (q - 1) * 3 + 1 + $0) }
        }
    }

    /// The period's last month: the month in which targets are looked up.
    public var lastMonth: Month { months[months.count - 1] }

    /// `YYYY-MM` or `YYYY-Qn`.
    public var description: String {
        switch self {
        case let .month(m): m.description
        case let .quarter(year, q): "\(year)-Q\(q)"
        }
    }

    /// `month` or `quarter`, as in `metrics.json`.
    public var kind: String {
        switch self {
        case .month: "month"
        case .quarter: "quarter"
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.lastMonth, a.kind) < (b.lastMonth, b.kind)
    }
}
