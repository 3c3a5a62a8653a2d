import Foundation

/// Read access to the content workspace. Only the loading layer uses it; tests pass an
/// `InMemoryFileSystem` to build sites from literals.
package protocol FileSystem: Sendable {
    /// The bytes of a file.
    func read(_ path: String) throws -> [UInt8]
    /// Names (not paths) of the entries of a folder, sorted by byte order.
    func list(_ directory: String) throws -> [String]
    /// True when `path` is a folder.
    func isDirectory(_ path: String) -> Bool
    /// True when `path` exists.
    func exists(_ path: String) -> Bool
    /// The size of a file in bytes (to read big files first), nil when it cannot be read.
    func size(_ path: String) -> Int?
}

extension FileSystem {
    /// By default the size is that of the contents.
    package func size(_ path: String) -> Int? { (try? read(path))?.count }
}

/// The real disk.
package struct DiskFileSystem: FileSystem {
    package init() {}

    /// Reads with `open`/`fstat`/`read` straight into the array: `FileManager.contents(atPath:)`
    /// returns `Data`, and converting it to `[UInt8]` copied (and page-faulted) every byte of
    /// a large workspace's 60 MB of CSV files a second time.
    package func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ContentError("cannot read \(path)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ContentError("cannot read \(path)") }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, initialized in
            guard let count = readFully(fd, into: UnsafeMutableRawBufferPointer(buffer)) else { return failed = true }
            initialized = count
        }
        // Whatever follows the size `fstat` saw (a file that grew, or one without a size).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 * 1024) { chunk in
            while !failed {
                let n = Foundation.read(fd, chunk.baseAddress!, chunk.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                bytes += UnsafeBufferPointer(rebasing: chunk[..<n])
            }
        }
        if failed { throw ContentError("cannot read \(path)") }
        return bytes
    }

    package func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    package func list(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    package func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    package func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// A workspace held in memory: path → contents. Folders exist implicitly.
package struct InMemoryFileSystem: FileSystem {
    package var files: [String: [UInt8]]

    package init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    package init(bytes: [String: [UInt8]]) { self.files = bytes }

    package func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw ContentError("cannot read \(path)") }
        return bytes
    }

    package func list(_ directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var names = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) {
            if let name = path.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    package func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    package func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }
}

/// Reads from `fd` until `buffer` is full or the file ends, retrying after a signal; the
/// number of bytes read, or nil on an error.
package func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
    guard let base = buffer.baseAddress else { return 0 }
    var offset = 0
    while offset < buffer.count {
        let n = read(fd, base + offset, buffer.count - offset)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { return nil }
        if n == 0 { break }
        offset += n
    }
    return offset
}
