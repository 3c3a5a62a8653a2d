extension CSVFileParser {
    /// Reads the plain rows from the scanner's offset on, up to the first row that is not plain
    /// or the end of the file, and returns how many it read.
    ///
    /// A row is plain when every field is unquoted and within the size limit, there is exactly
    /// one per column, numbers are written without exponent in at most 19 digits, dimension
    /// values are not empty, and the period is the same text as the last one read or a valid
    /// `YYYY-MM` (`YYYY-MM-DD` for `date` grain). A row that is not plain is left unread, with
    /// nothing stored, for `readRows` to read field by field with every check and diagnostic.
    ///
    /// Exports are almost all plain rows, and this path costs a fraction of the general one:
    /// it splits, converts and stores each field in one pass over its bytes, eight at a time
    /// (see `ByteWord`), without building a `CSVField` or an outcome per cell, and collects
    /// the rows in a `CSVRowChunk` that is appended to the columns with one copy per column.
    /// It accepts only rows the general path would read without a diagnostic, into the same
    /// values (numbers go through the same exact conversion as `NumberGrammar`), so the result
    /// does not depend on which path read a row.
    mutating func readPlainRows() -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let chunk = rowChunk ?? CSVRowChunk(capacity: 256, measureCount: measures.count, dimensionCount: dimensions.count)
        rowChunk = chunk
        let n = bytes.count
        var i = scanner.offset
        var line = scanner.line
        var lineStart = scanner.lineStart
        var k = 0  // rows in the chunk
        var read = 0
        var previousMonth = months.last
        while i < n, let (period, end) = readPlainRow(at: i, into: chunk, slot: k) {
            // The row ends with LF, CRLF or the end of the file.
            let next: Int
            if end == n {
                next = n
            } else if base[end] == UInt8(ascii: "\n") {
                next = end + 1
            } else if base[end] == UInt8(ascii: "\r") && end + 1 < n && base[end + 1] == UInt8(ascii: "\n") {
                next = end + 2
            } else {
                break
            }
            if period.isNew {
                if let previousMonth, previousMonth != period.month { monthChanges.append((months.count + k, i)) }
                lastPeriod = (period.start, period.end, period.month, period.day)
            }
            previousMonth = period.month
            chunk.months[k] = period.month
            chunk.days[k] = period.day
            chunk.lines[k] = Int32(truncatingIfNeeded: line)
            k += 1
            read += 1
            if next > end {  // a line ending: the next row starts on the next line
                line += 1
                lineStart = next
            }
            i = next
            if k == chunk.capacity {
                append(chunk, rows: k)
                k = 0
            }
        }
        append(chunk, rows: k)
        scanner.move(to: i, line: line, lineStart: lineStart)
        return read
    }

    /// Reads the fields of the row at `rowStart` into slot `k` of `chunk`, as far as the line
    /// ending after them; returns the row's period and where its last field ends, or nil when
    /// a field is not plain or the row has another number of fields than the header.
    private mutating func readPlainRow(at rowStart: Int, into chunk: CSVRowChunk, slot k: Int) -> (CSVPlainPeriod, Int)? {
        let base = bytes.baseAddress.unsafelyUnwrapped
        let n = bytes.count
        let delimiter = options.delimiter
        let separator = options.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let capacity = chunk.capacity
        let last = columns.count - 1
        var start = rowStart
        var period: CSVPlainPeriod?
        for c in 0...last {
            let end: Int
            switch columns[c] {
            case .measure(let m):
                let number =
                    start + Self.wordNumberMargin <= n
                    ? Self.plainNumber(words: bytes, from: start, separator: separator, delimiter: delimiter)
                    : Self.plainNumber(bytes, from: start, separator: separator, delimiter: delimiter)
                guard let (value, after) = number else { return nil }
                chunk.measures[m * capacity + k] = value
                end = after
            case .dimension(let d):
                guard let (label, after) = plainLabel(d, from: start) else { return nil }
                chunk.labels[d * capacity + k] = label
                end = after
            case .period:
                guard let (found, after) = plainPeriod(from: start) else { return nil }
                period = found
                end = after
            case .ignored:
                return nil
            }
            // A delimiter between fields; the caller checks the line ending after the last.
            guard c < last else { return period.map { ($0, end) } }
            guard end < n, base[end] == delimiter else { return nil }
            start = end + 1
        }
        return nil
    }

    /// Appends the first `count` rows of `chunk` to the columns.
    private mutating func append(_ chunk: CSVRowChunk, rows count: Int) {
        guard count > 0 else { return }
        let capacity = chunk.capacity
        for m in measureValues.indices {
            measureValues[m].append(contentsOf: UnsafeBufferPointer(start: chunk.measures + m * capacity, count: count))
        }
        for d in dimensionValues.indices {
            dimensionValues[d].append(contentsOf: UnsafeBufferPointer(start: chunk.labels + d * capacity, count: count))
        }
        months.append(contentsOf: UnsafeBufferPointer(start: chunk.months, count: count))
        days.append(contentsOf: UnsafeBufferPointer(start: chunk.days, count: count))
        lines.append(contentsOf: UnsafeBufferPointer(start: chunk.lines, count: count))
    }

    /// Reads an unquoted, non-empty dimension value at `start` and interns it; returns its
    /// index and the offset just past it, or nil when the field is not plain.
    ///
    /// The label the table expects (see `CSVLabelTable.expected`) is tried first: when the
    /// cell starts with its bytes and ends right after them, the cell's end is known without
    /// looking for it.
    @inline(__always)
    private mutating func plainLabel(_ d: Int, from start: Int) -> (Int32, Int)? {
        if start + 8 <= bytes.count, let expected = labelTables[d].expected {
            let word = ByteWord.load(bytes.baseAddress.unsafelyUnwrapped, at: start)
            // (A label with a delimiter or quote, from a quoted cell, is never the expected one.)
            if ByteWord.prefix(word, expected.length) == expected.word, isFieldEnd(start + expected.length),
                stopMask(expected.word) == 0
            {
                labelTables[d].take(expected)
                return (expected.index, start + expected.length)
            }
        }
        return unexpectedLabel(d, from: start)
    }

    /// `plainLabel` for a cell that is not the expected label: finds its end and interns it.
    @inline(never)
    private mutating func unexpectedLabel(_ d: Int, from start: Int) -> (Int32, Int)? {
        let base = bytes.baseAddress.unsafelyUnwrapped
        let n = bytes.count
        if start + 8 <= n {
            // Most labels are short: their end is in the first word, which is also their key.
            let word = ByteWord.load(base, at: start)
            let stops = stopMask(word)
            if stops != 0 {
                let length = ByteWord.firstMarked(stops)
                guard length > 0, base[start + length] != UInt8(ascii: "\"") else { return nil }
                let label = labelTables[d].intern(
                    word: ByteWord.prefix(word, length), bytes: UnsafeBufferPointer(start: base + start, count: length))
                return (label, start + length)
            }
        }
        let end = unquotedFieldEnd(from: start)
        guard end > start, end - start <= Self.maxFieldLength, end == n || base[end] != UInt8(ascii: "\"") else { return nil }
        return (labelTables[d].intern(UnsafeBufferPointer(start: base + start, count: end - start)), end)
    }

    /// Reads an unquoted period cell at `start`: the last period read when the cell is the
    /// same text (rows share periods), else a new one parsed by its fixed positions. Nil when
    /// the field is not plain; nothing is recorded until the whole row is known to be plain.
    @inline(__always)
    private func plainPeriod(from start: Int) -> (CSVPlainPeriod, Int)? {
        if let last = lastPeriod {
            let length = last.end - last.start
            let base = bytes.baseAddress.unsafelyUnwrapped
            if start + length <= bytes.count, isFieldEnd(start + length),
                Self.equal(
                    UnsafeBufferPointer(start: base + start, count: length), UnsafeBufferPointer(start: base + last.start, count: length))
            {
                return (CSVPlainPeriod(month: last.month, day: last.day, isNew: false, start: last.start, end: last.end), start + length)
            }
        }
        return newPeriod(from: start)
    }

    /// `plainPeriod` for a cell that is not the last period read.
    @inline(never)
    private func newPeriod(from start: Int) -> (CSVPlainPeriod, Int)? {
        let base = bytes.baseAddress.unsafelyUnwrapped
        let end = unquotedFieldEnd(from: start)
        guard end == bytes.count || base[end] != UInt8(ascii: "\"") else { return nil }
        guard let (month, day) = Self.parsePeriod(UnsafeBufferPointer(start: base + start, count: end - start), grain: grain) else {
            return nil
        }
        return (CSVPlainPeriod(month: month, day: day, isNew: true, start: start, end: end), end)
    }

    /// True when a field may end at offset `i`: a delimiter, a line ending or the end of the file.
    @inline(__always)
    private func isFieldEnd(_ i: Int) -> Bool {
        guard i < bytes.count else { return true }
        let b = bytes[i]
        return b == options.delimiter || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    /// `YYYY-MM` for `month` grain, `YYYY-MM-DD` (a day of that month) for `date` grain: what
    /// `readPeriod` accepts, read by position.
    static func parsePeriod(_ text: UnsafeBufferPointer<UInt8>, grain: DataFile.Grain) -> (Month, UInt8)? {
        guard text.count == (grain == .month ? 7 : 10), text[4] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for k in from..<from + count {
                let d = text[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        guard let year = digits(0, 4), let m = digits(5, 2), m >= 1 && m <= 12 else { return nil }
        let month = Month(year: year, month: m)
        guard grain == .date else { return (month, 0) }
        guard text[7] == UInt8(ascii: "-"), let day = digits(8, 2), day >= 1 && day <= month.dayCount else { return nil }
        return (month, UInt8(day))
    }

    /// The offset of the first delimiter, line ending or quote at or after `start` (the end of
    /// an unquoted field, or the quote that makes it not plain), or the end of the file.
    @inline(__always)
    private func unquotedFieldEnd(from start: Int) -> Int {
        let base = bytes.baseAddress!
        let n = bytes.count
        var i = start
        while i + 8 <= n {
            let stops = stopMask(ByteWord.load(base, at: i))
            if stops != 0 { return i + ByteWord.firstMarked(stops) }
            i += 8
        }
        let delimiter = options.delimiter
        while i < n {
            let b = base[i]
            if b == delimiter || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\"") { return i }
            i += 1
        }
        return n
    }

    /// The bytes of `word` that end an unquoted field's run: delimiter, LF, CR and quote.
    @inline(__always)
    private func stopMask(_ word: UInt64) -> UInt64 {
        ByteWord.equalMask(word, options.delimiter) | ByteWord.equalMask(word, UInt8(ascii: "\n"))
            | ByteWord.equalMask(word, UInt8(ascii: "\r")) | ByteWord.equalMask(word, UInt8(ascii: "\""))
    }

    /// Bytes `plainNumber(words:)` reads from a field's start: one word.
    static let wordNumberMargin = 8

    /// `plainNumber` for the common short numbers, from one word: up to seven digits, or up
    /// to six around the separator, and the byte that ends them. Other numbers (negative,
    /// longer, empty cells) go to `plainNumber`. Needs `wordNumberMargin` bytes from `start`.
    ///
    /// The first byte that is not a digit ends the integer part; when it is the separator,
    /// the next one ends the fraction, and the digits on both sides, closed up, are the
    /// mantissa. That is the same mantissa `plainNumber` computes, divided once by the same
    /// power of ten: the same value.
    @inline(__always)
    static func plainNumber(
        words bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8, delimiter: UInt8
    ) -> (Double, Int)? {
        let word = ByteWord.load(bytes.baseAddress.unsafelyUnwrapped, at: start)
        let nonDigits = ByteWord.nonDigitMask(word)
        let integerDigits = ByteWord.firstMarked(nonDigits)
        guard integerDigits > 0 && integerDigits < 8 else {
            return plainNumber(bytes, from: start, separator: separator, delimiter: delimiter)
        }
        var next = ByteWord.byte(word, integerDigits)
        let mantissa: UInt64
        var fractionDigits = 0
        // The delimiter wins over a decimal comma: with both `,`, a comma ends the field.
        if next == separator && separator != delimiter {
            let end = ByteWord.firstMarked(nonDigits & (nonDigits &- 1))
            fractionDigits = end - integerDigits - 1
            guard end < 8 && fractionDigits > 0 else {
                return plainNumber(bytes, from: start, separator: separator, delimiter: delimiter)
            }
            // The fraction's bytes move down over the separator.
            let integerBytes: UInt64 = (1 &<< UInt64(integerDigits << 3)) &- 1
            mantissa = ByteWord.digitsValue((word & integerBytes) | ((word &>> 8) & ~integerBytes), count: end - 1)
            next = ByteWord.byte(word, end)
        } else {
            mantissa = ByteWord.digitsValue(word, count: integerDigits)
        }
        guard next == delimiter || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") else { return nil }
        // At most 7 digits: the mantissa is exact as a Double.
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= Self.powerOfTen(fractionDigits) }
        return (value, start + integerDigits + (fractionDigits > 0 ? fractionDigits + 1 : 0))
    }

    /// `NumberGrammar.powerOfTen`, out of line: its switch would make `plainNumber(words:)`
    /// too large for the optimiser to inline into the row loop, which costs more than a call
    /// for the numbers that have a fraction.
    @inline(never)
    private static func powerOfTen(_ k: Int) -> Double { NumberGrammar.powerOfTen(k) }

    /// Reads a number that ends at a delimiter, a line ending or the end of the file:
    /// `-? digits (separator digits)?`, at most 19 digits, converted with the fast path of
    /// `NumberGrammar.parse` (same arithmetic, same result). An empty field is NaN, as in
    /// `readCell`. Returns the value and the offset of the byte after it, or nil for anything
    /// else (an exponent, more digits, a value needing the slow conversion, or text outside
    /// the grammar), which `NumberGrammar.parse` then reads or reports.
    @inline(never)
    static func plainNumber(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8, delimiter: UInt8
    ) -> (Double, Int)? {
        let n = bytes.count
        var i = start
        if i == n || bytes[i] == delimiter || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
            return (.nan, i)
        }
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0"))
            i += 1
        }
        guard i > integerStart else { return nil }
        var scale = 0
        // The delimiter wins over a decimal comma: with both `,`, a comma ends the field.
        if i < n && bytes[i] == separator && separator != delimiter {
            i += 1
            let fractionStart = i
            while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0"))
                i += 1
            }
            guard i > fractionStart else { return nil }
            scale = fractionStart - i
        }
        // At most 19 digits: the mantissa is exact (it stays below 10^19 < 2^64).
        guard i - integerStart - (scale == 0 ? 0 : 1) <= 19, mantissa <= 1 << 53, scale >= -22 else { return nil }
        guard i == n || bytes[i] == delimiter || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") else {
            return nil
        }
        var value = Double(mantissa)
        if scale < 0 { value /= NumberGrammar.powerOfTen(-scale) }
        if negative { value = -value }
        return (value, i)
    }
}

/// The period of a plain row, as `readPlainRows` found it.
struct CSVPlainPeriod {
    var month: Month
    var day: UInt8
    /// True when it differs from the last period read (and becomes it once the row is read).
    var isNew: Bool
    /// Where its text is in the file.
    var start: Int
    var end: Int
}

/// Room for a run of plain rows, column by column, before they are appended to the parser's
/// columns. Appending each cell to arrays nested in the parser costs a uniqueness check per
/// array per cell; a chunk is appended with one copy per column.
final class CSVRowChunk {
    /// Rows it holds.
    let capacity: Int
    /// Measure `m` of row `k` at `m * capacity + k`.
    let measures: UnsafeMutablePointer<Double>
    /// The label index of dimension `d` of row `k` at `d * capacity + k`.
    let labels: UnsafeMutablePointer<Int32>
    /// Per row: its period's month, its day (0 for `month` grain), its line.
    let months: UnsafeMutablePointer<Month>
    let days: UnsafeMutablePointer<UInt8>
    let lines: UnsafeMutablePointer<Int32>

    init(capacity: Int, measureCount: Int, dimensionCount: Int) {
        self.capacity = capacity
        measures = .allocate(capacity: capacity * max(measureCount, 1))
        labels = .allocate(capacity: capacity * max(dimensionCount, 1))
        months = .allocate(capacity: capacity)
        days = .allocate(capacity: capacity)
        lines = .allocate(capacity: capacity)
    }

    deinit {
        measures.deallocate()
        labels.deallocate()
        months.deallocate()
        days.deallocate()
        lines.deallocate()
    }
}
