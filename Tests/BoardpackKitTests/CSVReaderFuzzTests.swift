import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Random inputs over CSV's awkward bytes: the reader never traps, and always either returns
/// a file or says why not, with positions inside the input.
@Suite struct CSVReaderFuzzTests {

    @Test func randomInputsNeverTrap() {
        let alphabet: [[UInt8]] = [
            [0x2C], [0x3B], [0x22], [0x0A], [0x0D], [0x0D, 0x0A], Array("month".utf8), Array("date".utf8),
            Array("spend".utf8), Array("channel".utf8), Array("2026-01".utf8), Array("2024-02-29".utf8),
            Array("1.5".utf8), Array("-2e3".utf8), Array("é".utf8), [0xFF], [0x00], [0xEF, 0xBB, 0xBF], [0x20],
        ]
        var random = SplitMix(state: 42)
        let options = [CSVOptions(), CSVOptions(delimiter: UInt8(ascii: ";"), decimalComma: true)]
        for iteration in 0..<3000 {
            var bytes: [UInt8] = []
            if iteration % 2 == 0 { bytes += Array("month,channel,spend\n".utf8) }
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                bytes += alphabet.randomElement(using: &random)!
            }
            let (file, diagnostics) = CSVTestSupport.read(bytes: bytes, options: options[iteration % 2])
            #expect((file == nil) == !diagnostics.isEmpty)
            let lineCount = bytes.filter { $0 == 0x0A }.count + 1
            for d in diagnostics {
                #expect((d.location?.line ?? 0) <= lineCount)
            }
            if let file {
                #expect(file.lines.count == file.rowCount)
                #expect(file.measureValues.allSatisfy { $0.count == file.rowCount })
                #expect(file.dimensionValues.allSatisfy { $0.count == file.rowCount })
            }
        }
    }
}
