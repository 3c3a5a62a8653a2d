/// A calendar month, the grain of every KPI figure.
///
/// Stored as a single index (`year * 12 + month - 1`) so months compare, subtract and hash
/// as integers on the hot aggregation path.
package struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `year * 12 + (month - 1)`.
    package var index: Int

    package init(index: Int) { self.index = index }

    package init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.index = year * 12 + month - 1
    }

    package var year: Int { index / 12 }
    /// 1...12
    package var month: Int { index % 12 + 1 }

    /// The calendar quarter, 1...4.
    package var quarter: Int { (month - 1) / 3 + 1 }

    /// The month `n` months later (negative for earlier).
    package func advanced(by n: Int) -> Month { Month(index: index + n) }

    /// `YYYY-MM`.
    package var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    /// Parses `YYYY-MM` strictly (four-digit year, two-digit month 01–12).
    package init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        guard let y = Month.digits(bytes[0..<4]), let m = Month.digits(bytes[5..<7]), (1...12).contains(m) else {
            return nil
        }
        self.init(year: y, month: m)
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    package static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

    /// Number of days in this month (Gregorian calendar).
    package var dayCount: Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
