import Testing

@testable import BoardpackKit

/// The plain-row path (`CSVFileParser.readPlainRow`) is only a shortcut: every file reads to
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
}
