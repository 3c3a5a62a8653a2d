/// A generated site held in memory: relative path → bytes. Building produces one; writing
/// puts it on disk. Tests assert on it directly.
public struct Site: Sendable, Equatable {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]] = [:]) { self.files = files }

    /// Adds or replaces a text file.
    public mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

    /// A file's text, for tests and checks.
    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Paths in byte order: the order files are written and listed in the manifest.
    public var sortedPaths: [String] { files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}
