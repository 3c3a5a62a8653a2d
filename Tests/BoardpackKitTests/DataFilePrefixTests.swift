import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct DataFilePrefixTests {
    @Test func eachMonthPrefixHashesTheLinesUpToIt() throws {
        let text = "month,spend\n2026-01,1\n2026-01,2\n2026-02,3\n"
        let schema = DataFileSchema(allowedDimensions: [], knownMeasures: ["spend"])
        let (file, diagnostics) = DataFileReader.read(bytes: Array(text.utf8), path: "a.csv", options: CSVOptions(), schema: schema)
        #expect(diagnostics.isEmpty)
        let prefixes = try #require(file?.prefixes)
        // January: header + two rows = 3 lines, the hash of exactly those bytes.
        #expect(
            prefixes[0]
                == DataFile.Prefix(
                    through: Month(year: 2026, month: 1), rows: 2, lines: 3,
                    sha256: SHA256Hex.of(Array("month,spend\n2026-01,1\n2026-01,2\n".utf8))))
        // February ends the file: the whole file's hash.
        #expect(
            prefixes[1] == DataFile.Prefix(through: Month(year: 2026, month: 2), rows: 3, lines: 4, sha256: SHA256Hex.of(Array(text.utf8))))
        #expect(file?.provenance(through: Month(year: 2026, month: 1)).rows == 2)
    }

    @Test func rowsOutOfOrderCiteTheWholeFile() throws {
        let text = "month,spend\n2026-02,1\n2026-01,2\n"
        let schema = DataFileSchema(allowedDimensions: [], knownMeasures: ["spend"])
        let file = try #require(DataFileReader.read(bytes: Array(text.utf8), path: "a.csv", options: CSVOptions(), schema: schema).0)
        #expect(file.prefixes.isEmpty)
        #expect(file.provenance(through: Month(year: 2026, month: 1)).sha256 == SHA256Hex.of(Array(text.utf8)))
    }
}
