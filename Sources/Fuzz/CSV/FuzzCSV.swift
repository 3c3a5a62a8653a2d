import BoardpackContent
import BoardpackMetrics
import BoardpackSupport
import FuzzSupport

/// libFuzzer target: a KPI data file (`data/*.csv`) through `DataFileReader`, the CSV
/// `DataReader`. The first byte picks the unit's settings: `;` reads the rest with a `;`
/// delimiter and decimal comma (`csv_delimiter: ";"`, `csv_decimal: comma`), any other byte
/// with the defaults (`,` and a decimal point). Seeds start with `;` or `,` for that reason.
enum FuzzCSV {
    /// A retail-like unit's columns: every built-in measure, dimensions `store` and `campaign`.
    static let schema = DataFileSchema(
        allowedDimensions: ["store", "campaign"], knownMeasures: Set(MetricsSetup.dictionary(from: nil).0.measures.keys))

    static let path = "content/units/fuzz/data/fuzz.csv"

    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let options = selector == UInt8(ascii: ";") ? CSVOptions(delimiter: UInt8(ascii: ";"), decimalComma: true) : CSVOptions()
        let bytes = Array(input.dropFirst())
        let (file, diagnostics) = DataFileReader.read(bytes: bytes, path: path, options: options, schema: schema)
        FuzzCheck.diagnostics(diagnostics, path: path, source: FuzzCheck.text(bytes[...]))
        FuzzCheck.require((file == nil) == diagnostics.hasErrors, "a file is returned exactly when there is no error")
        guard let file else { return }
        check(file, lineCount: bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) })
    }

    /// The columnar file is consistent: one entry per row in every column, label indexes in
    /// range, rows on increasing lines inside the file, provenance within the file.
    static func check(_ file: DataFile, lineCount: Int) {
        let rows = file.rowCount
        FuzzCheck.require(rows > 0, "a file without rows is an error")
        FuzzCheck.require(file.days.count == rows && file.lines.count == rows, "row columns have one entry per row")
        FuzzCheck.require(file.dimensionValues.count == file.dimensions.count, "one value column per dimension")
        FuzzCheck.require(file.dimensionLabels.count == file.dimensions.count, "one label table per dimension")
        FuzzCheck.require(file.measureValues.count == file.measures.count, "one value column per measure")
        for (d, values) in file.dimensionValues.enumerated() {
            FuzzCheck.require(values.count == rows, "dimension column \(d) has one value per row")
            let labels = file.dimensionLabels[d].count
            FuzzCheck.require(values.allSatisfy { $0 >= 0 && Int($0) < labels }, "dimension \(d) label index in range")
        }
        for values in file.measureValues { FuzzCheck.require(values.count == rows, "measure column has one value per row") }
        for r in 0..<rows {
            FuzzCheck.require(file.lines[r] >= 2 && Int(file.lines[r]) <= lineCount, "row \(r) on a line of the file")
            FuzzCheck.require(r == 0 || file.lines[r] > file.lines[r - 1], "rows on increasing lines")
            FuzzCheck.require(file.grain == .month ? file.days[r] == 0 : (1...31).contains(file.days[r]), "row \(r) day")
            _ = file.location(ofRow: r)
        }
        for m in 0..<file.measures.count { _ = file.location(ofMeasure: m) }
        FuzzCheck.require(file.sha256.utf8.count == 64, "the file's SHA-256 is set")
        for month in Set(file.months) {
            let seen = file.provenance(through: month)
            FuzzCheck.require(seen.rows >= 0 && seen.rows <= rows, "provenance rows within the file")
            FuzzCheck.require((seen.lines ?? 0) <= lineCount, "provenance lines within the file")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCSV.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    @main enum Replay {
        static func main() { FuzzReplay.main("fuzz-csv", FuzzCSV.run) }
    }
#endif
