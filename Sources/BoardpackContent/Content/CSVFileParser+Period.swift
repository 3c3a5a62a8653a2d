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
            cellError("`\(displayText(field))` is not a \(name) (expected \(format))", field)
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
