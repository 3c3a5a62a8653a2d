/// An export's text as UTF-8 bytes split into lines, and the cells of a line as byte ranges:
/// the adapters read a million-row export without making a `String` of every cell (the
/// numbers and ISO dates are read from the bytes; a cell becomes text only when it is a
/// dimension value, a message or something the fast paths do not read).
struct ExportText {
    /// The text, UTF-8 (a UTF-16 export transcoded, a byte order mark dropped).
    let bytes: [UInt8]
    /// Each line's bytes, without its `\n`, `\r\n` or `\r`.
    let lines: [Range<Int>]

    /// UTF-8 (a BOM skipped) or UTF-16 with its byte order mark; nil when the bytes are
    /// neither.
    init?(_ raw: [UInt8]) {
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            guard let utf8 = Self.utf8(fromUTF16: raw) else { return nil }
            bytes = utf8
        } else {
            let body = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw
            guard String(validating: body, as: UTF8.self) != nil else { return nil }
            bytes = body
        }
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        let count = bytes.count
        bytes.withUnsafeBufferPointer { b in
            while i < count {
                if b[i] == 0x0A || b[i] == 0x0D {
                    lines.append(start..<i)
                    if b[i] == 0x0D, i + 1 < count, b[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
        lines.append(start..<count)
        self.lines = lines
    }

    /// UTF-16 with its byte order mark as UTF-8, by hand: the standard library's `transcode`
    /// calls a closure per byte, a third of the time of reading a million-row export.
    static func utf8(fromUTF16 raw: [UInt8]) -> [UInt8]? {
        guard raw.count % 2 == 0 else { return nil }
        let (high, low) = raw[0] == 0xFE ? (0, 1) : (1, 0)
        let units = raw.count / 2 - 1
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: units * 3) { buffer, written in
            raw.withUnsafeBufferPointer { b in
                var o = 0
                var i = 2
                let end = raw.count
                while i < end {
                    let u = UInt32(b[i + high]) << 8 | UInt32(b[i + low])
                    i += 2
                    if u < 0x80 {
                        buffer[o] = UInt8(u)
                        o += 1
                        continue
                    }
                    var scalar = u
                    if (0xD800..<0xDC00).contains(u) {
                        guard i < end else {
                            failed = true
                            break
                        }
                        let v = UInt32(b[i + high]) << 8 | UInt32(b[i + low])
                        guard (0xDC00..<0xE000).contains(v) else {
                            failed = true
                            break
                        }
                        i += 2
                        scalar = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(u) {
                        failed = true
                        break
                    }
                    for byte in UTF8.encode(Unicode.Scalar(scalar)!)! {
                        buffer[o] = byte
                        o += 1
                    }
                }
                written = o
            }
        }
        return failed ? nil : out
    }

    /// The cells of one line: each one's bytes (outer quotes and surrounding spaces left out),
    /// where its field starts, and whether it holds a doubled quote.
    struct Cells {
        var ranges: [Range<Int>] = []
        var starts: [Int] = []
        var escaped: [Bool] = []
        var count: Int { ranges.count }
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Splits `line` on `delimiter` into `cells` (reused from row to row), RFC 4180 quotes
    /// handled.
    func split(_ line: Range<Int>, by delimiter: UInt8, into cells: inout Cells) {
        cells.ranges.removeAll(keepingCapacity: true)
        cells.starts.removeAll(keepingCapacity: true)
        cells.escaped.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { b in
            var i = line.lowerBound
            let end = line.upperBound
            while true {
                let fieldStart = i
                while i < end && b[i] == 0x20 { i += 1 }
                var range: Range<Int>
                var escaped = false
                if i < end && b[i] == 0x22 {
                    let open = i + 1
                    i = open
                    while i < end {
                        if b[i] == 0x22 {
                            if i + 1 < end && b[i + 1] == 0x22 {
                                escaped = true
                                i += 2
                                continue
                            }
                            break
                        }
                        i += 1
                    }
                    range = open..<min(i, end)
                    while i < end && b[i] != delimiter { i += 1 }
                } else {
                    let first = i
                    while i < end && b[i] != delimiter { i += 1 }
                    var last = i
                    while last > first && b[last - 1] == 0x20 { last -= 1 }
                    range = first..<last
                }
                cells.ranges.append(range)
                cells.starts.append(fieldStart)
                cells.escaped.append(escaped)
                if i >= end { break }
                i += 1  // the delimiter
            }
        }
    }

    /// Cell `i` as text (a doubled quote read as one).
    func text(of i: Int, in cells: Cells) -> String {
        let text = string(cells.ranges[i])
        return cells.escaped[i] ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// The 1-based column, in characters, where cell `i`'s field starts in `line`.
    func column(of i: Int, in cells: Cells, line: Range<Int>) -> Int {
        bytes[line.lowerBound..<cells.starts[i]].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// True when a cell starts a total row (`Total: Account`, `Gesamt`, `Grand Totals`).
    func isTotal(_ range: Range<Int>) -> Bool {
        guard let first = range.first.map({ bytes[$0] | 0x20 }), first == 0x74 || first == 0x67 || first == 0x73 else { return false }
        let text = string(range.prefix(12)).lowercased()
        return ExportAdapter.totalPrefixes.contains { text.hasPrefix($0) }
    }

    /// True when `line` is a report's footer (see `ExportAdapter.isFooter`).
    func isFooter(_ line: Range<Int>) -> Bool {
        guard let first = bytes[line].first(where: { $0 != 0x22 && $0 != 0x20 }).map({ $0 | 0x20 }), first == 0x63 || first == 0x67
        else { return false }
        return ExportAdapter.isFooter(Substring(string(line.prefix(40))))
    }

    /// The month of an ISO date (`2026-10-01`, a time after it allowed) or month (`2026-10`),
    /// read from the bytes; nil for anything else, which the text path then reads.
    func isoMonth(_ range: Range<Int>, kind: ExportAdapter.PeriodKind) -> Month? {
        let n = range.count
        guard kind != .compactDate, n >= 7, bytes[range.lowerBound + 4] == 0x2D else { return nil }
        if kind == .month && n != 7 { return nil }
        if kind == .date && (n < 10 || bytes[range.lowerBound + 7] != 0x2D) { return nil }
        var year = 0
        for k in 0..<4 {
            let d = bytes[range.lowerBound + k] &- 0x30
            guard d < 10 else { return nil }
            year = year * 10 + Int(d)
        }
        let m1 = bytes[range.lowerBound + 5] &- 0x30, m2 = bytes[range.lowerBound + 6] &- 0x30
        guard m1 < 10, m2 < 10 else { return nil }
        let month = Int(m1) * 10 + Int(m2)
        guard (1...12).contains(month), year > 999 else { return nil }
        let result = Month(year: year, month: month)
        if kind == .date {
            // A day that exists, then nothing or a time (`2026-10-15 14:03`, `2026-10-15T14:03`).
            let d1 = bytes[range.lowerBound + 8] &- 0x30, d2 = bytes[range.lowerBound + 9] &- 0x30
            guard d1 < 10, d2 < 10, (1...result.dayCount).contains(Int(d1) * 10 + Int(d2)) else { return nil }
            if n > 10 && bytes[range.lowerBound + 10] != 0x20 && bytes[range.lowerBound + 10] != 0x54 { return nil }
        }
        return result
    }

    /// A plain number as `thousands` and `decimal` write it (`-1,234.56`), read from the
    /// bytes; nil for anything else (a currency sign, a percent), which the text path reads.
    /// The digits become an integer divided by a power of ten, which is the correctly
    /// rounded double of the decimal, as `Double("1234.56")` is.
    func number(_ range: Range<Int>, thousands sep: UInt8?, decimal dot: UInt8) -> Double? {
        var i = range.lowerBound
        let end = range.upperBound
        var negative = false
        if i < end && bytes[i] == 0x2D {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var group = -1  // digits since the last thousands separator; -1 before any
        var scale = 0
        var inFraction = false
        var leading = 0
        while i < end {
            let c = bytes[i]
            if c &- 0x30 < 10 {
                // Fifteen digits at most: below 2^53, the integer is exact.
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(c &- 0x30)
                digits += 1
                if inFraction { scale += 1 } else if group >= 0 { group += 1 } else { leading += 1 }
            } else if c == sep, !inFraction {
                // Thousands come in threes: `1,234`, never `12,5`.
                guard (group == -1 && (1...3).contains(leading)) || group == 3 else { return nil }
                group = 0
            } else if c == dot, !inFraction {
                inFraction = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, group == -1 || group == 3, scale <= 15 else { return nil }
        let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
        let value = Double(mantissa) / powers[scale]
        return negative ? -value : value
    }
}
