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
    /// The same file system, reading only inside `root` (SPEC §7 "Hostile input").
    func confined(to root: String) -> any FileSystem
}

extension FileSystem {
    /// By default the size is that of the contents.
    package func size(_ path: String) -> Int? { (try? read(path))?.count }
    package func confined(to root: String) -> any FileSystem { self }
}

/// The real disk.
///
/// Content is read only from regular files inside the workspace (SPEC §7): once confined to a
/// root, a path whose real location (symbolic links resolved) lies outside it, a FIFO (whose
/// read would wait forever), a device (`/dev/zero` never ends) or a file over `maxFileSize` is
/// an error naming the path, and nothing of it is read.
package struct DiskFileSystem: FileSystem {
    /// The workspace's real path; nil reads anywhere (the theme, tests).
    package var root: String?
    /// The largest file read, in bytes (default 1 GiB, `--max-file-size`).
    package var maxFileSize: Int

    package static let defaultMaxFileSize = 1 << 30

    package init(maxFileSize: Int = DiskFileSystem.defaultMaxFileSize) {
        self.maxFileSize = maxFileSize
    }

    package func confined(to root: String) -> any FileSystem {
        var confined = self
        confined.root = Self.realPath(root) ?? root
        return confined
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads with `open`/`fstat`/`read` straight into the array: `FileManager.contents(atPath:)`
    /// returns `Data`, and converting it to `[UInt8]` copied (and page-faulted) every byte of
    /// a large workspace's 60 MB of CSV files a second time.
    package func read(_ path: String) throws -> [UInt8] {
        if let root {
            guard let real = Self.realPath(path) else { throw ContentError("cannot read \(path)") }
            guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw ContentError("\(path) leads outside the workspace (a symbolic link to \(real)); boardpack reads only files inside it")
            }
        }
        // Non-blocking: opening a FIFO for reading would wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw ContentError("cannot read \(path)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ContentError("cannot read \(path)") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind =
                switch info.st_mode & S_IFMT {
                case S_IFIFO: "a FIFO"
                case S_IFCHR, S_IFBLK: "a device"
                case S_IFSOCK: "a socket"
                case S_IFDIR: "a folder"
                default: "not a regular file"
                }
            throw ContentError("\(path) is \(kind), not a regular file; boardpack reads only regular files")
        }
        guard Int(info.st_size) <= maxFileSize else {
            throw ContentError(
                "\(path) is \(info.st_size) bytes, over the \(maxFileSize)-byte limit (--max-file-size); it was not read")
        }
        // Back to blocking reads for a regular file.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, initialized in
            guard let count = readFully(fd, into: UnsafeMutableRawBufferPointer(buffer)) else { return failed = true }
            initialized = count
        }
        // Whatever follows the size `fstat` saw (a file that grew), up to the limit.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 * 1024) { chunk in
            while !failed && bytes.count <= maxFileSize {
                let n = Foundation.read(fd, chunk.baseAddress!, chunk.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                bytes += UnsafeBufferPointer(rebasing: chunk[..<n])
            }
        }
        if failed { throw ContentError("cannot read \(path)") }
        if bytes.count > maxFileSize { throw ContentError("\(path) grew over the \(maxFileSize)-byte limit while it was read") }
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
