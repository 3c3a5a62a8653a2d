/// A generated site held in memory: relative path → bytes. Building produces one; writing
/// puts it on disk. Tests assert on it directly.
package struct Site: Sendable, Equatable {
    package var files: [String: [UInt8]]

    package init(files: [String: [UInt8]] = [:]) { self.files = files }

    /// Adds or replaces a text file.
    package mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

    /// A file's text, for tests and checks.
    package func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Paths in byte order: the order files are written and listed in the manifest.
    var sortedPaths: [String] { files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}
