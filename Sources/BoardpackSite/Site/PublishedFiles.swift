import BoardpackSupport
import Foundation

/// The files of the site a build replaces, as its manifest lists them: staging links a file
/// that has not changed instead of writing it again.
///
/// Most of a monthly rebuild is unchanged (SPEC §4: next month's data changes no earlier
/// pack). A new file costs the filesystem an inode, blocks and a copy of its bytes, and the
/// replaced file's blocks are freed when the old site is removed; a link costs one folder
/// entry, and removing the old site then only drops a name. Linked files also keep their
/// modification time, so a copy to the intranet (`rsync`) and web caches see only the pages
/// that changed.
///
/// The manifest is only a hint. A file is linked only when it is reached from the site's
/// folder through real folders (no symbolic link on the way) and is a plain file with no
/// other name, of the owner, group and permissions a new file gets here and of the new
/// size; the link is kept only once the linked file is found to hold exactly the new bytes.
/// Anything else (a page edited by hand, a changed permission, a symbolic link, a second
/// name elsewhere) gets a freshly written file. The published files' bytes are never
/// changed: linking adds a name in the staging folder and the checks only read.
///
/// Until the replaced site is removed, a linked file has both names: an edit made through
/// the old name during a build reaches the new site, and the next build, finding bytes that
/// no longer match the manifest, writes the file afresh.
final class PublishedFiles: Sendable {
    /// The published site's folder, open.
    let root: Int32
    /// SHA-256 hex of each published file, by path, from its manifest.
    let hashes: [String: String]
    /// What a file newly written in the staging folder gets: permission bits, owner, group.
    let mode: mode_t
    let owner: uid_t
    let group: gid_t

    /// What one thread of staging keeps between files.
    struct Scratch {
        /// The bytes of the file being compared.
        var buffer: [UInt8] = []
        /// False once the filesystem has refused a link: write the rest.
        var linking = true
    }

    /// The site published at `root`, or nil when it has no manifest. `staging` is the
    /// staging folder: a file created there and removed at once tells what a new file gets
    /// (the umask, default ACLs and a setgid folder all show in it).
    init?(root: String, staging: String) {
        guard let manifest = FileManager.default.contents(atPath: root + "/" + SiteWriter.manifestName) else { return nil }
        let probe = staging + "/.boardpack-probe"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        var new = stat()
        let probed = fstat(fd, &new) == 0
        close(fd)
        guard unlink(probe) == 0, probed else { return nil }
        let folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        var hashes: [String: String] = [:]
        for entry in SiteWriter.manifestEntries(manifest) { hashes[entry.path] = entry.hash }
        self.root = folder
        self.hashes = hashes
        mode = new.st_mode & 0o7777
        owner = new.st_uid
        group = new.st_gid
    }

    deinit { close(root) }

    /// Links the published file at `path` to the same path under `stagingRoot` when it holds
    /// `bytes` (whose SHA-256 hex is `hash`); false when the caller must write the file.
    /// Throws only when a rejected link cannot be removed again.
    func reuse(_ path: String, hash: String, bytes: [UInt8], into stagingRoot: String, _ scratch: inout Scratch) throws -> Bool {
        guard scratch.linking, hashes[path] == hash else { return false }
        var names = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name = names.removeLast()
        // Each folder is opened without following a symbolic link: the file must be inside the site.
        var folder = dup(root)
        defer { close(folder) }
        for component in names {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return false }
            close(folder)
            folder = next
        }
        var published = stat()
        guard fstatat(folder, name, &published, AT_SYMLINK_NOFOLLOW) == 0, isLikeNew(published, size: bytes.count, links: 1) else {
            return false
        }
        let staged = stagingRoot + "/" + path
        // Flags 0: the name itself is linked, never what a symbolic link points to.
        guard linkat(folder, name, AT_FDCWD, staged, 0) == 0 else {
            if [EXDEV, EPERM, EOPNOTSUPP, ENOSYS, EMLINK].contains(errno) { scratch.linking = false }
            return false
        }
        if holds(staged, published, bytes, &scratch) { return true }
        guard unlink(staged) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return false
    }

    /// Whether `info` is a plain file with `links` names, `size` bytes and the owner, group
    /// and permissions of a new file.
    func isLikeNew(_ info: stat, size: Int, links: Int) -> Bool {
        info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o7777 == mode && info.st_uid == owner && info.st_gid == group
            && info.st_nlink == links && info.st_size == size
    }

    /// Whether the file linked at `staged` is still `published` (now with two names) and holds
    /// exactly `bytes`.
    func holds(_ staged: String, _ published: stat, _ bytes: [UInt8], _ scratch: inout Scratch) -> Bool {
        // Non-blocking: should the name have become a FIFO, opening it must not wait for a writer.
        let fd = open(staged, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_dev == published.st_dev, info.st_ino == published.st_ino else { return false }
        if info.st_nlink < 2 { scratch.linking = false }  // a filesystem that does not count links
        guard isLikeNew(info, size: bytes.count, links: 2) else { return false }
        // One byte more than expected is read, to see the end of the file.
        if scratch.buffer.count < bytes.count + 1 { scratch.buffer = [UInt8](repeating: 0, count: bytes.count + 1) }
        let count = scratch.buffer.withUnsafeMutableBytes { readFully(fd, into: $0) }
        guard count == bytes.count, !bytes.isEmpty else { return count == bytes.count }
        return bytes.withUnsafeBytes { new in
            scratch.buffer.withUnsafeBytes { old in memcmp(new.baseAddress!, old.baseAddress!, bytes.count) == 0 }
        }
    }
}
