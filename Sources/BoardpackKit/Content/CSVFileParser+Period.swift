extension CSVFileParser {
    /// Reads a `month` (`YYYY-MM`) or `date` (`YYYY-MM-DD`) cell.
    ///
    /// Consecutive rows usually share a period, so the cell's bytes are packed into two words
    /// and compared with the previous row's before anything is parsed.
    mutating func readPeriod(_ field: CSVField) {
        let packed = field.withContent(in: bytes) { Self.pack($0) }
        if let packed, let last = lastPeriod, last.low == packed.low, last.high == packed.high,
            last.length == packed.length
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
        if let packed {
            lastPeriod = (packed.low, packed.high, packed.length, month, day)
        }
    }

    /// The bytes of a short cell packed into two words, or nil past 16 bytes.
    static func pack(_ content: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64, length: Int)? {
        guard content.count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (i, byte) in content.enumerated() {
            if i < 8 { low |= UInt64(byte) << UInt64(i * 8) } else { high |= UInt64(byte) << UInt64((i - 8) * 8) }
        }
        return (low, high, content.count)
    }
}
