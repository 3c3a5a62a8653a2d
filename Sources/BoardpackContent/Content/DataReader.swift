import BoardpackSupport

/// One way of reading a kind of data file into the rows the metrics aggregate: the seam where
/// a new input format plugs in (Saga's `Reader(supportedExtensions:convert:)`). A reader takes
/// a file's bytes and its settings and gives back the file's rows, stored column by column
/// with each row's position in the file, and every problem it found, positioned. Nothing
/// after loading knows which reader read a file.
package struct DataReader: Sendable {
    /// The settings a reader reads a file with: from `unit.yml`, for this file.
    package struct Settings: Sendable {
        /// Delimiter and decimal separator.
        package var csv: CSVOptions
        /// The dimension and measure names the file may use.
        package var schema: DataFileSchema
        /// The `sources:` entry about the file, when there is one (a workbook's sheet, header
        /// row and columns).
        package var source: SourceConfig? = nil
    }

    /// The file name extensions it reads, lower-case, without the dot.
    var extensions: [String]
    /// Reads one file: its bytes, its path as diagnostics show it, and its settings in; the
    /// file (nil when it has errors) and every diagnostic out.
    package var read: @Sendable (_ bytes: [UInt8], _ path: String, _ settings: Settings) -> (DataFile?, [Diagnostic])

    /// boardpack's own CSV (SPEC §2.3).
    package static let csv = DataReader(extensions: ["csv"]) { bytes, path, settings in
        DataFileReader.read(bytes: bytes, path: path, options: settings.csv, schema: settings.schema)
    }

    /// Excel workbooks (SPEC §2.5): the sheet's table converted to boardpack CSV and checked
    /// as such, positions given as cells. An `.xls` file is read only to say it cannot be.
    package static let xlsx = DataReader(extensions: ["xlsx", "xls"]) { bytes, path, settings in
        DataFileReader.read(
            converted: Workbook.converted(bytes, path: path, source: settings.source), original: bytes, path: path, schema: settings.schema)
    }

    /// Every reader, in the order they are asked.
    package static let all = [csv, xlsx]

    /// The reader for a file named `name`, by its extension; nil when no reader takes it.
    package static func reader(for name: String) -> DataReader? {
        guard let ext = fileExtension(of: name) else { return nil }
        return all.first { $0.extensions.contains(ext) }
    }

    /// A file name's extension, lower-case (`product.CSV` is a CSV file, SPEC §7).
    static func fileExtension(of name: String) -> String? {
        name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() }
    }
}
