import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// The plain-row path (`CSVFileParser.readPlainRows`) is only a shortcut: every file reads to
/// the same values and the same diagnostics with it and without it.
@Suite struct CSVPlainRowTests {
    /// Reads `bytes` both ways and checks that nothing differs.
    func expectSameBothWays(_ bytes: [UInt8], options: CSVOptions, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = DataFileReader.read(bytes: bytes, path: "d.csv", options: options, schema: CSVTestSupport.schema, plainRows: true)
        let slow = DataFileReader.read(bytes: bytes, path: "d.csv", options: options, schema: CSVTestSupport.schema, plainRows: false)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(CSVTestSupport.render(fast.1) == CSVTestSupport.render(slow.1), "\(text)", sourceLocation: sourceLocation)
        #expect((fast.0 == nil) == (slow.0 == nil), "\(text)", sourceLocation: sourceLocation)
        guard let a = fast.0, let b = slow.0 else { return }
        #expect(a.months == b.months && a.days == b.days && a.lines == b.lines, "\(text)", sourceLocation: sourceLocation)
        #expect(a.dimensionValues == b.dimensionValues && a.dimensionLabels == b.dimensionLabels, "\(text)", sourceLocation: sourceLocation)
        // Bit patterns: NaN marks an empty cell, and -0 must stay -0.
        #expect(
            a.measureValues.map { $0.map(\.bitPattern) } == b.measureValues.map { $0.map(\.bitPattern) }, "\(text)",
            sourceLocation: sourceLocation)
        #expect(a.sha256 == b.sha256 && a.prefixes == b.prefixes, "\(text)", sourceLocation: sourceLocation)
    }

    @Test func numbersReadTheSameBothWays() {
        let cells = [
            "0", "-0", "7", "12", "007", "12.5", "-3.25", "0.1", "199.09", "1234567", "12345678", "123456789.5",
            "1.2345678", "9007199254740993", "12345678901234567890", "0.00000000000000000000001", "1e3", "1E-2", "1.",
            ".5", "+1", "-", "--1", "1..2", " 1", "1 ", "nan", "1,5", "12a", "", "\"12\"", "\"\"",
        ]
        for options in [CSVOptions(), CSVOptions(delimiter: UInt8(ascii: ";"), decimalComma: true)] {
            let d = options.delimiter == UInt8(ascii: ";") ? ";" : ","
            for cell in cells {
                let value = options.decimalComma ? cell.replacingOccurrences(of: ".", with: ",") : cell
                for tail in ["\n", "", "\r\n"] {
                    let text = "month\(d)spend\(d)leads\n2026-01\(d)1\(d)2\n2026-01\(d)\(value)\(d)\(value)\(tail)"
                    expectSameBothWays(Array(text.utf8), options: options)
                }
            }
        }
    }

    @Test func randomFilesReadTheSameBothWays() {
        var random = SplitMix(state: 7)
        // Valid cells first; now and then (one draw in ten) one from the whole list.
        let periods = ["2026-01-05", "2026-01-06", "2026-02-01", "\"2026-01-07\"", "2026-01-32", "2026-1-05", ""]
        let months = ["2026-01", "2026-02", "2025-12", "\"2026-03\"", "2026-13", ""]
        let labels = ["web", "store-1", "a-much-longer-label", "é", "\"quoted\"", "\"a,b\"", "", "a\"b"]
        let numbers = ["1", "12.5", "-3", "", "0.25", "1e2", "12345678901", "\"4\"", "-0", "x", "1.", "+1"]
        func pick(_ values: [String], valid: Int) -> String {
            Int.random(in: 0..<10, using: &random) == 0
                ? values.randomElement(using: &random)! : values[Int.random(in: 0..<valid, using: &random)]
        }
        var valid = 0
        for iteration in 0..<400 {
            let options = iteration % 3 == 2 ? CSVOptions(delimiter: UInt8(ascii: ";"), decimalComma: true) : CSVOptions()
            let d = options.delimiter == UInt8(ascii: ";") ? ";" : ","
            let dated = iteration % 2 == 0
            let newline = iteration % 5 == 4 ? "\r\n" : "\n"
            var text =
                (iteration % 7 == 6 ? "\u{FEFF}" : "") + ["\(dated ? "date" : "month")", "channel", "spend", "leads"].joined(separator: d)
            for _ in 0..<Int.random(in: 1..<30, using: &random) {
                let period = dated ? pick(periods, valid: 4) : pick(months, valid: 4)
                var fields = [period, pick(labels, valid: 6)]
                for _ in 0..<2 {
                    var n = pick(numbers, valid: 9)
                    if options.decimalComma { n = n.replacingOccurrences(of: ".", with: ",") }
                    fields.append(n)
                }
                // Now and then a ragged row or a blank line.
                switch Int.random(in: 0..<60, using: &random) {
                case 0: fields.removeLast()
                case 1: fields.append("9")
                case 2: text += newline
                default: break
                }
                text += newline + fields.joined(separator: d)
            }
            if iteration % 4 != 0 { text += newline }
            expectSameBothWays(Array(text.utf8), options: options)
            if CSVTestSupport.read(bytes: Array(text.utf8), options: options).0 != nil { valid += 1 }
        }
        #expect(valid > 40, "enough valid files to compare their values")
    }

    /// The month prefixes as they were computed before the parser reported month changes: a
    /// separate pass for line starts, then the bytes hashed up to each month's last line.
    func referencePrefixes(of file: DataFile, bytes: [UInt8]) -> [DataFile.Prefix] {
        let months = file.months
        guard !months.isEmpty, zip(months, months.dropFirst()).allSatisfy({ $0 <= $1 }) else { return [] }
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        var result: [DataFile.Prefix] = []
        for i in months.indices where i == months.count - 1 || months[i] != months[i + 1] {
            let isLast = i == months.count - 1
            let endLine = isLast ? lineStarts.count : Int(file.lines[i + 1]) - 1
            let end = isLast ? bytes.count : lineStarts[endLine]
            let lines = isLast ? (bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count) : endLine
            result.append(DataFile.Prefix(through: months[i], rows: i + 1, lines: lines, sha256: SHA256Hex.of(bytes[0..<end])))
        }
        return result
    }

    @Test func prefixesMatchALineByLineReading() throws {
        let texts = [
            "month,spend\n2026-01,1\n2026-01,2\n2026-02,3\n",
            "month,spend\n2026-01,1\n2026-02,2\n2026-03,3",
            "month,spend\r\n2026-01,1\r\n2026-02,2\r\n",
            "\u{FEFF}month,spend\n2026-01,1\n2026-02,2\n\n\n",
            "date,channel,spend\n2026-01-30,\"two\nlines\",1\n2026-01-31,web,2\n2026-02-01,\"x\",3\n",
            "month,spend\n2026-02,1\n2026-01,2\n",
            "month,spend\n2026-01,1\n",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let file = try #require(CSVTestSupport.read(bytes: bytes).0, "\(text)")
            #expect(file.prefixes == referencePrefixes(of: file, bytes: bytes), "\(text)")
            #expect(file.sha256 == SHA256Hex.of(bytes))
        }
    }

    /// Rows of `cells` between plain rows, so that the word-at-a-time readers (which need a
    /// few bytes after a field) read them, and once more as the file's last row.
    func expectSameBothWays(middleRows cells: [[String]], header: String, options: CSVOptions, plain: [String]) {
        let d = options.delimiter == UInt8(ascii: ";") ? ";" : ","
        for ending in ["\n", "\r\n"] {
            for cellsRow in cells {
                let row = cellsRow.joined(separator: d)
                let padding = plain.joined(separator: d)
                var text = header + ending + padding + ending + row + ending + padding + ending + padding
                expectSameBothWays(Array(text.utf8), options: options)
                text = header + ending + padding + ending + row
                expectSameBothWays(Array(text.utf8), options: options)
            }
        }
    }

    @Test func awkwardCellsReadTheSameBothWays() {
        let numbers = [
            "0", "-0", "7", "-7", "12", "007", "12.5", "-3.25", "0.1", "199.09", "1234567", "12345678", "123456.7",
            "12345.67", "1234.567", "1.234567", "1234567.8", "0.0000001", "9007199254740993", "12345678901234567890",
            "1e3", "1E-2", "1.5e3", "1.", ".5", "+1", "-", "--1", "1..2", "1.2.3", " 1", "1 ", "nan", "inf", "1,5", "1,234",
            "1,234.5", "1 234", "1'234", "12a", "", "\"12\"", "\"\"", "1e400", "-1e400", "0x10", "١٢", "12é", "1\"2",
        ]
        let labels = [
            "web", "store-1", "store-10", "store-1x", "st", "a-much-longer-label", "exactly8", "é", "ü-store", "\"quoted\"",
            "\"a,b\"", "\"a;b\"", "", "a\"b", "\"web\"", "we b", " web",
        ]
        let periods = [
            "2026-01-05", "2026-01-06", "2026-02-01", "2024-02-29", "2025-02-29", "2026-04-31", "2026-13-01",
            "2026-00-10", "2026-1-05", "2026-01-5", "2026-01-050", "\"2026-01-07\"", "2026/01/05", "", "x026-01-05",
        ]
        for options in [CSVOptions(), CSVOptions(delimiter: UInt8(ascii: ";"), decimalComma: true)] {
            let comma = options.decimalComma
            let header = ["date", "channel", "spend", "leads"].joined(separator: comma ? ";" : ",")
            let plain = ["2026-01-05", "web", comma ? "1,5" : "1.5", "2"]
            var rows: [[String]] = []
            for n in numbers {
                let value = comma ? n.replacingOccurrences(of: ".", with: ",") : n
                rows.append(["2026-01-05", "web", value, "3"])
                rows.append(["2026-01-05", "store-1", "4", value])
            }
            for label in labels { rows.append(["2026-01-05", label, "1", "2"]) }
            for period in periods { rows.append([period, "web", "1", "2"]) }
            // Ragged rows: a field short, a field over.
            rows.append(["2026-01-05", "web", "1"])
            rows.append(["2026-01-05", "web", "1", "2", "3"])
            expectSameBothWays(middleRows: rows, header: header, options: options, plain: plain)
        }
    }

    @Test func labelsThatLookExpected() {
        // The table expects the label that followed the last one: cells that start like it but
        // are longer, shorter, quoted or otherwise different must still read as themselves.
        let texts = [
            "month,channel,spend\n2026-01,ab,1\n2026-01,cd,2\n2026-01,ab,3\n2026-01,cde,4\n2026-01,ab,5\n2026-01,c,6\n2026-01,ab,7\n2026-01,cd,8\n",
            "month,channel,spend\n2026-01,\"a,b\",1\n2026-01,x,2\n2026-01,\"a,b\",3\n2026-01,x,4\n2026-01,a,b,5\n2026-01,x,6\n2026-01,a,7\n",
            "month,channel,spend\n2026-01,web,1\n2026-01,web,2\n2026-01,web\"x,3\n2026-01,web,4\n2026-01,web\r,5\n",
            "month,channel,spend\r\n2026-01,web,1\r\n2026-01,app,2\r\n2026-01,web,3\r\n2026-01,app\r\n2026-01,web,5\r\n",
            "month,store,channel,spend\n2026-01,s1,web,1\n2026-01,s1,app,2\n2026-02,s2,web,3\n2026-02,s2,app,4\n2026-03,s1,web,5\n",
            "month,channel,spend\n2026-01,a-label-of-twenty-ch,1\n2026-01,short,2\n2026-01,a-label-of-twenty-ch,3\n2026-01,short,4\n",
        ]
        for text in texts { expectSameBothWays(Array(text.utf8), options: CSVOptions()) }
    }

    @Test func periodsChangeInsidePlainRuns() throws {
        // New periods are read on the plain path too; month changes (and so the provenance
        // prefixes) must come out as on the general path.
        var text = "date,channel,spend\n"
        for day in 1...31 {
            for channel in ["web", "app", "store"] { text += "2026-01-\(day < 10 ? "0" : "")\(day),\(channel),\(day)\n" }
        }
        for day in 1...3 { text += "2026-02-0\(day),web,1\n" }
        text += "2026-03-01,web,1"
        expectSameBothWays(Array(text.utf8), options: CSVOptions())
        let file = try #require(CSVTestSupport.read(text).0)
        #expect(file.prefixes.map(\.rows) == [93, 96, 97])
        #expect(file.prefixes == referencePrefixes(of: file, bytes: Array(text.utf8)))
    }

    @Test func longRowsAndBOMReadTheSameBothWays() {
        let long = String(repeating: "x", count: 70_000)
        let texts = [
            "\u{FEFF}month,channel,spend\n2026-01,web,1\n2026-01,app,2\n",
            "month,channel,spend\n2026-01,\(long),1\n2026-01,web,2\n2026-01,web,3\n",
            "month,channel,spend\n2026-01,\(String(repeating: "y", count: 300)),1\n2026-01,web,2\n2026-01,web,3\n",
            "month,channel,spend,leads,revenue,new_customers,qualified_leads\n"
                + String(repeating: "2026-01,web,1.25,2,3.5,4,5\n", count: 600) + "2026-01,web,1.25,2,3.5,4,5",
        ]
        for text in texts { expectSameBothWays(Array(text.utf8), options: CSVOptions()) }
    }

    @Test func wordNumberReaderMatchesTheScalarReader() {
        // Every byte string, followed by enough bytes for a word: `plainNumber(words:)` must
        // give exactly what `plainNumber` gives (value bits and end), or fall back to it.
        var random = SplitMix(state: 11)
        let alphabet = Array("0123456789.,;-+eE \"\n\r".utf8) + [0xC3, 0xA9, 0x80, 0xFF, 0x2F, 0x3A]
        for (separator, delimiter) in [
            (UInt8(ascii: "."), UInt8(ascii: ",")), (UInt8(ascii: ","), UInt8(ascii: ";")), (UInt8(ascii: ","), UInt8(ascii: ",")),
        ] {
            for _ in 0..<20_000 {
                let length = Int.random(in: 0..<14, using: &random)
                var bytes = (0..<length).map { _ -> UInt8 in
                    // Mostly digits, so that numbers of every length come up.
                    Int.random(in: 0..<3, using: &random) == 0
                        ? alphabet.randomElement(using: &random)! : UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &random)
                }
                bytes += [delimiter] + Array("12345678".utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    let fast = CSVFileParser.plainNumber(words: buffer, from: 0, separator: separator, delimiter: delimiter)
                    let slow = CSVFileParser.plainNumber(buffer, from: 0, separator: separator, delimiter: delimiter)
                    #expect(fast?.0.bitPattern == slow?.0.bitPattern && fast?.1 == slow?.1, "\(bytes)")
                    // What the plain path accepts, the grammar reads to the same value.
                    if let (value, end) = fast, end > 0 {
                        let outcome = NumberGrammar.parse(
                            UnsafeBufferPointer(rebasing: buffer[0..<end]), decimalComma: separator == UInt8(ascii: ","))
                        #expect(outcome == .number(value), "\(bytes)")
                    }
                }
            }
        }
    }

    @Test func byteWordMasksMatchBytes() {
        var random = SplitMix(state: 5)
        for _ in 0..<20_000 {
            // Words biased to digits and separators, with any byte now and then.
            let bytes = (0..<8).map { _ -> UInt8 in
                Int.random(in: 0..<4, using: &random) == 0
                    ? UInt8.random(in: 0...255, using: &random) : Array("0123456789,;.\n\r\"".utf8).randomElement(using: &random)!
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let firstNonDigit = bytes.firstIndex { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? 8
            #expect(ByteWord.firstMarked(ByteWord.nonDigitMask(word)) == firstNonDigit)
            let nonDigits = bytes.indices.filter { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
            #expect(ByteWord.count(ByteWord.nonDigitMask(word)) == nonDigits.count)
            for byte in Array(",;\n\r\"".utf8) {
                #expect(ByteWord.firstMarked(ByteWord.equalMask(word, byte)) == (bytes.firstIndex(of: byte) ?? 8))
                #expect(ByteWord.count(ByteWord.equalMask(word, byte)) == bytes.filter { $0 == byte }.count)
            }
            if firstNonDigit > 0 {
                let digits = bytes[0..<firstNonDigit].reduce(UInt64(0)) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
                #expect(ByteWord.digitsValue(word, count: firstNonDigit) == digits)
            }
        }
    }
}
