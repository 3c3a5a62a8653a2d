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
/// The manifest is only a hint. A link is kept only once the linked file itself has been
/// checked: a plain file (not a symbolic link), owned by this user, with the mode a new file
/// gets, linked nowhere else, holding exactly the new bytes. A page edited by hand, a
/// changed permission or a link to elsewhere gets a freshly written file. The published
/// site is never modified: linking adds a name in the staging folder and the checks only read.
struct PublishedFiles: Sendable {
    /// The published site's folder.
    let root: String
    /// SHA-256 hex of each published file, by path, from its manifest.
    let hashes: [String: String]
    /// The permission bits `SiteWriter.writeFile` gives a new file here.
    let fileMode: mode_t
    let owner: uid_t

    /// The site published at `root`, or nil when it has no manifest. `staging` is the
    /// staging folder, just created: its mode tells the umask.
    init?(root: String, staging: String) {
        guard let manifest = FileManager.default.contents(atPath: root + "/" + SiteWriter.manifestName) else { return nil }
        var folder = stat()
        guard stat(staging, &folder) == 0 else { return nil }
        var hashes: [String: String] = [:]
        for entry in SiteWriter.manifestEntries(manifest) { hashes[entry.path] = entry.hash }
        self.root = root
        self.hashes = hashes
        // A new file gets 0o644 less the umask, and the staging folder got 0o777 less the
        // umask, so the file's bits are 0o644 & the folder's. (umask(2) would tell it only by
        // changing it for every thread of the process for a moment.)
        self.fileMode = 0o644 & folder.st_mode & 0o777
        self.owner = geteuid()
    }

    /// Links the published file at `path` to the same path under `stagingRoot` when it holds
    /// `bytes` (whose SHA-256 hex is `hash`); false when the caller must write the file.
    /// `scratch` is a buffer the caller keeps between calls.
    func reuse(_ path: String, hash: String, bytes: [UInt8], into stagingRoot: String, scratch: inout [UInt8]) -> Bool {
        guard hashes[path] == hash else { return false }
        let staged = stagingRoot + "/" + path
        // link(2) does not follow a symbolic link: the check below then refuses it.
        guard link(root + "/" + path, staged) == 0 else { return false }
        if holds(staged, bytes, &scratch) { return true }
        unlink(staged)
        return false
    }

    /// Whether the file at `path` is a plain file of ours, with the mode of a new file, named
    /// only here and in the published site, and holding exactly `bytes`.
    func holds(_ path: String, _ bytes: [UInt8], _ scratch: inout [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o7777 == fileMode,
            info.st_uid == owner, info.st_nlink == 2, info.st_size == bytes.count
        else { return false }
        if scratch.count < bytes.count { scratch = [UInt8](repeating: 0, count: bytes.count) }
        let complete = scratch.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < bytes.count {
                let got = read(fd, buffer.baseAddress! + offset, bytes.count - offset)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return false }
                offset += got
            }
            return true
        }
        guard complete, !bytes.isEmpty else { return complete }
        return bytes.withUnsafeBytes { new in
            scratch.withUnsafeBytes { old in memcmp(new.baseAddress!, old.baseAddress!, bytes.count) == 0 }
        }
    }
}
