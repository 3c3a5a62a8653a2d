import Foundation

/// Read access to the content workspace. Only the loading layer uses it; tests pass an
/// `InMemoryFileSystem` to build sites from literals.
public protocol FileSystem: Sendable {
    /// The bytes of a file.
    func read(_ path: String) throws -> [UInt8]
    /// Names (not paths) of the entries of a folder, sorted by byte order.
    func list(_ directory: String) throws -> [String]
    /// True when `path` is a folder.
    func isDirectory(_ path: String) -> Bool
    /// True when `path` exists.
    func exists(_ path: String) -> Bool
}

/// The real disk.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContentError("cannot read \(path)")
        }
        return [UInt8](data)
    }

    public func list(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// A workspace held in memory: path → contents. Folders exist implicitly.
public struct InMemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) { self.files = bytes }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw ContentError("cannot read \(path)") }
        return bytes
    }

    public func list(_ directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var names = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) {
            if let name = path.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }
}
