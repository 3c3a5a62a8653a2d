extension CSVFileParser {
    /// Reads the row at the scanner's offset when it is plain: every field unquoted and within
    /// the size limit, exactly one per column, numbers written without exponent in at most 19
    /// digits, dimension values not empty, and the period the same text as the last one read
    /// by `readPeriod`. Returns false, having consumed nothing and stored nothing, for any
    /// other row, which `readRows` then reads field by field with every check and diagnostic.
    ///
    /// Exports are almost all plain rows, and this path costs a third of the general one: it
    /// splits, converts and stores each field in one pass over its bytes, without building a
    /// `CSVField` or an outcome per cell. It accepts only rows the general path would read
    /// without a diagnostic, into the same values (numbers go through the same exact
    /// conversion as `NumberGrammar`), so the result does not depend on which path read a row.
    mutating func readPlainRow(line: Int) -> Bool {
        let n = bytes.count
        let delimiter = options.delimiter
        let separator = options.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let quote = UInt8(ascii: "\"")
        let expected = columns.count
        var i = scanner.offset
        var stored = 0  // columns whose value is stored, to take them back on a non-plain row
        var plain = true
        fields: for c in 0..<expected {
            let start = i
            switch columns[c] {
            case .measure(let m):
                guard let (value, end) = Self.plainNumber(bytes, from: i, separator: separator, delimiter: delimiter) else {
                    plain = false
                    break fields
                }
                measureValues[m].append(value)
                i = end
            case .dimension(let d):
                while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr, bytes[i] != quote { i += 1 }
                guard i > start, i - start <= Self.maxFieldLength, i == n || bytes[i] != quote else {
                    plain = false
                    break fields
                }
                dimensionValues[d].append(labelTables[d].intern(UnsafeBufferPointer(rebasing: bytes[start..<i])))
            case .period:
                while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr, bytes[i] != quote { i += 1 }
                guard i == n || bytes[i] != quote, let last = lastPeriod,
                    Self.equal(UnsafeBufferPointer(rebasing: bytes[start..<i]), UnsafeBufferPointer(rebasing: bytes[last.start..<last.end]))
                else {
                    plain = false
                    break fields
                }
                months.append(last.month)
                days.append(last.day)
            case .ignored:
                plain = false
                break fields
            }
            stored += 1
            // A delimiter between fields; a line ending or the end of the file after the last.
            let isLast = c == expected - 1
            if i < n && bytes[i] == delimiter {
                guard !isLast else {
                    plain = false
                    break fields
                }
                i += 1
            } else if !isLast || (i < n && bytes[i] != lf && !(bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf)) {
                plain = false
                break fields
            }
        }
        guard plain else {
            unstore(stored)
            return false
        }
        lines.append(Int32(truncatingIfNeeded: line))
        if i < n {
            scanner.moveToNextLine(at: i + (bytes[i] == cr ? 2 : 1))
        } else {
            scanner.moveToEnd()
        }
        return true
    }

    /// Takes back the values of the first `count` columns of a row found not to be plain.
    /// (Labels it added stay interned: the general path interns the same ones, in the same
    /// order, when it reads the row again.)
    private mutating func unstore(_ count: Int) {
        for c in 0..<count {
            switch columns[c] {
            case .measure(let m): measureValues[m].removeLast()
            case .dimension(let d): dimensionValues[d].removeLast()
            case .period:
                months.removeLast()
                days.removeLast()
            case .ignored: break
            }
        }
    }

    /// Reads a number that ends at a delimiter, a line ending or the end of the file:
    /// `-? digits (separator digits)?`, at most 19 digits, converted with the fast path of
    /// `NumberGrammar.parse` (same arithmetic, same result). An empty field is NaN, as in
    /// `readCell`. Returns the value and the offset of the byte after it, or nil for anything
    /// else (an exponent, more digits, a value needing the slow conversion, or text outside
    /// the grammar), which `NumberGrammar.parse` then reads or reports.
    @inline(__always)
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
