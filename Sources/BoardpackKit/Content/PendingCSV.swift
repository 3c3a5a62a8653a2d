// TEMPORARY stand-in until the CSV reader branch is merged; deleted at merge.
public struct CSVOptions: Sendable { public var delimiter: UInt8 = 44; public var decimalComma = false; public init() {} }
public struct DataFileSchema: Sendable {
    public var allowedDimensions: Set<String>
    public var knownMeasures: Set<String>
    public init(allowedDimensions: Set<String>, knownMeasures: Set<String>) {
        self.allowedDimensions = allowedDimensions
        self.knownMeasures = knownMeasures
    }
}
public enum DataFileReader {
    public static func read(bytes: [UInt8], path: String, options: CSVOptions, schema: DataFileSchema) -> (DataFile?, [Diagnostic]) { (nil, []) }
}
