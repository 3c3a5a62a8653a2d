extension CSVFileParser {
    /// Reads a `month` (`YYYY-MM`) or `date` (`YYYY-MM-DD`) cell.
    ///
    /// Consecutive rows usually share a period, so the cell's bytes are compared with the last
    /// valid period cell's before anything is parsed.
    mutating func readPeriod(_ field: CSVField) {
        if let last = lastPeriod,
            field.withContent(in: bytes, { Self.equal($0, UnsafeBufferPointer(rebasing: bytes[last.start..<last.end])) })
        {
            months.append(last.month)
            days.append(last.day)
            return
        }
        let text = field.withContent(in: bytes) { String(decoding: $0, as: UTF8.self) }
        let name = grain.rawValue
        if text.isEmpty {
            cellError("empty `\(name)` value", field, hint: "every row needs a period")
            return
        }
        let expectedLength = grain == .month ? 7 : 10
        let monthText = text.utf8.count == expectedLength ? String(text.prefix(7)) : ""
        guard let month = Month(parsing: monthText) else {
            let format = grain == .month ? "YYYY-MM" : "YYYY-MM-DD"
            cellError("`\(displayText(field))` is not a \(name) (expected \(format))", field, hint: Self.periodHint(text, grain: grain))
            return
        }
        var day: UInt8 = 0
        if grain == .date {
            let tail = Array(text.utf8.dropFirst(7))
            guard tail[0] == UInt8(ascii: "-"), let value = Month.digits(tail[1...]) else {
                cellError("`\(text)` is not a date (expected YYYY-MM-DD)", field)
                return
            }
            guard value >= 1 && value <= month.dayCount else {
                cellError("`\(text)` is not a date: \(month) has \(month.dayCount) days", field)
                return
            }
            day = UInt8(value)
        }
        if let previous = months.last, previous != month { monthChanges.append((months.count, rowStart)) }
        months.append(month)
        days.append(day)
        if !field.hasEscapedQuotes {
            lastPeriod = (field.contentStart, field.contentEnd, month, day)
        }
    }

    /// What a period cell that is not ISO most likely is, and what to do (hints, not guesses:
    /// the file is never read another way).
    static func periodHint(_ text: String, grain: DataFile.Grain) -> String? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        let digits = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if grain == .month, parts.count == 3, digits, parts[0].count == 4, text.contains("-") {
            return "`\(text)` is a date: name the column `date` (a date's rows are summed into its month)"
        }
        if digits, parts.count == 3, parts[2].count == 4 {
            return "write dates as YYYY-MM-DD (`\(parts[2])-…`): day/month/year and month/day/year read alike "
                + "(01/09 is 1 September or 9 January), so boardpack never guesses which"
        }
        if digits, parts.count == 2, parts[1].count == 4 {
            return "write months as YYYY-MM (`\(parts[1])-\(parts[0].count == 1 ? "0" + parts[0] : parts[0])`)"
        }
        return nil
    }

    /// True when `a` and `b` hold the same bytes; compares eight at a time.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard count > 0 else { return true }
        let p = UnsafeRawPointer(a.baseAddress!)
        let q = UnsafeRawPointer(b.baseAddress!)
        var k = 0
        while k + 8 <= count {
            if p.loadUnaligned(fromByteOffset: k, as: UInt64.self) != q.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                return false
            }
            k += 8
        }
        while k < count {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
}
