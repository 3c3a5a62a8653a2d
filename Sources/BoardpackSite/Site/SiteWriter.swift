import BoardpackSupport
import Crypto
import Foundation

/// Writes a `Site` to its output folder safely (SPEC §7 "Safe writing").
///
/// The whole site is staged in a sibling folder and swapped in atomically, so a failed or
/// killed build leaves the previous output whole. The output folder carries a manifest; a
/// non-empty folder without one is never replaced.
package struct SiteWriter: Sendable {
    /// Name of the manifest file at the root of every output folder.
    static let manifestName = ".boardpack-manifest"
    static let stagingMarker = ".boardpack-staging-"

    /// Who a site is for, recorded in its manifest: a build for another edition must not
    /// quietly replace it (SPEC §6.1).
    package struct Edition: Sendable, Equatable, CustomStringConvertible {
        package var audience: String
        package var drafts: Bool

        package init(audience: String, drafts: Bool) {
            self.audience = audience
            self.drafts = drafts
        }

        package var description: String { "audience \(audience), \(drafts ? "drafts included" : "no drafts")" }
    }

    package var outputPath: String
    /// The edition being written; nil writes no record (tests of the swap itself).
    package var edition: Edition?
    /// Replace a site made for another edition, or a folder holding files boardpack did not write.
    package var force: Bool
    /// A subset build (`--unit`, `--period`): it keeps the other packs as they are, so it may
    /// only write into a site of its own edition, even with `force`.
    package var keepsOthers: Bool

    package init(outputPath: String, edition: Edition? = nil, force: Bool = false, keepsOthers: Bool = false) {
        self.outputPath = outputPath
        self.edition = edition
        self.force = force
        self.keepsOthers = keepsOthers
    }

    /// Stages, swaps in and cleans up. Throws a `Diagnostic` a user can act on, or a
    /// `UsageError` (exit 2) when the output folder is one boardpack must not replace.
    ///
    /// Builds into one folder take turns (`OutputLock`): a build removes leftover staging
    /// folders only while it holds the lock, so it never removes another build's.
    package func write(_ site: Site) throws {
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try OutputLock(folder: parent.path, outputName: outputPath)
        defer { lock.release() }
        try refuseLink(output)
        // Leftovers first: a killed build may have moved the published site aside.
        removeLeftovers(in: parent, name: name, output: output)
        try checkOwnership(output)

        let staging = parent.appendingPathComponent(".\(name)\(Self.stagingMarker)\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            // Not withIntermediateDirectories: the staging folder must be new (files are created in it with O_EXCL).
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            let published = PublishedFiles(root: output.path, staging: staging.path)
            try Self.stage(site, into: staging.path, edition: edition, reusing: published)
            if fm.fileExists(atPath: output.path) {
                if AtomicSwap.exchange(staging.path, output.path) {
                    guard Self.carryHiddenEntries(from: staging.path, to: output.path) else { throw Self.keptOld(staging.path) }
                    try Self.removeTree(staging.path)
                } else {
                    // No RENAME_EXCHANGE (old kernel or filesystem): the shortest possible window.
                    let old = parent.appendingPathComponent(".\(name)\(Self.stagingMarker)old-\(getpid())")
                    try fm.moveItem(at: output, to: old)
                    try fm.moveItem(at: staging, to: output)
                    guard Self.carryHiddenEntries(from: old.path, to: output.path) else { throw Self.keptOld(old.path) }
                    try Self.removeTree(old.path)
                }
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch let kept as Diagnostic {
            throw kept
        } catch {
            try? fm.removeItem(at: staging)
            throw Diagnostic.error("cannot write the site to \(outputPath): \(error.localizedDescription)")
        }
    }

    /// The new site is in place, but a hidden entry of the old one (a `.git`) could not be
    /// moved into it: the old site is kept where it is, and the build says so.
    static func keptOld(_ path: String) -> Diagnostic {
        .error(
            "the new site is written, but a hidden file or folder of the previous one could not be moved into it; the previous site is kept at \(path)",
            hint: "move its hidden entries (such as .git) into the output folder yourself, then build again")
    }

    /// The site currently in the output folder, as listed by its manifest (empty when there is
    /// none): what a subset build keeps.
    package func existingSite() -> Site {
        let root = URL(fileURLWithPath: outputPath)
        guard let manifest = FileManager.default.contents(atPath: root.appendingPathComponent(Self.manifestName).path) else {
            return Site()
        }
        var site = Site()
        let realRoot = root.resolvingSymlinksInPath().path
        for (path, _) in Self.manifestEntries(manifest) {
            // Only a regular file reached through real folders is carried over: a listed page
            // replaced by a link must not bring what it points to into the new site.
            let file = root.appendingPathComponent(path)
            var info = stat()
            guard lstat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                file.resolvingSymlinksInPath().path == realRoot + "/" + path
            else { continue }
            if let data = FileManager.default.contents(atPath: file.path) { site.files[path] = [UInt8](data) }
        }
        return site
    }

    /// The (path, SHA-256 hex) lines of a manifest, in its order.
    static func manifestEntries(_ manifest: Data) -> [(path: String, hash: String)] {
        String(decoding: manifest, as: UTF8.self).split(separator: "\n").dropFirst().compactMap { line in
            guard let space = line.range(of: "  ") else { return nil }
            let path = String(line[space.upperBound...])
            // The site never holds hidden top-level entries, nor `..`: a manifest that lists one
            // was not written by boardpack.
            guard !path.hasPrefix("."), !path.split(separator: "/").contains("..") else { return nil }
            return (path, String(line[..<space.lowerBound]))
        }
    }

    /// The edition a manifest records (nil for a manifest written before editions were).
    static func manifestEdition(_ manifest: Data) -> Edition? {
        var audience: String?
        var drafts: Bool?
        for line in String(decoding: manifest, as: UTF8.self).split(separator: "\n").dropFirst() {
            if line.hasPrefix("audience ") { audience = String(line.dropFirst("audience ".count)) }
            if line.hasPrefix("drafts ") { drafts = line.dropFirst("drafts ".count) == "yes" }
            if line.contains("  ") { break }
        }
        guard let audience, let drafts else { return nil }
        return Edition(audience: audience, drafts: drafts)
    }

    /// Refuses an output that is a symbolic link, a non-empty folder that boardpack did not
    /// write, a site of another edition, or a site holding files its manifest does not list
    /// (the last two unless `force`). Entries whose names start with `.` at the site's top
    /// level (a `.git`) are not boardpack's: they are carried into the new site.
    func checkOwnership(_ output: URL) throws {
        // (`write` has refused a symbolic link already.)
        var info = stat()
        guard lstat(output.path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic.error("\(outputPath) exists and is not a folder; boardpack will not replace it")
        }
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        guard let manifest = fm.contents(atPath: output.appendingPathComponent(Self.manifestName).path) else {
            if entries.contains(where: { !$0.hasPrefix(".") }) {
                throw Diagnostic.error(
                    "\(outputPath) is not empty and has no \(Self.manifestName): boardpack will not replace a folder it did not write",
                    hint: "choose another --output, or empty the folder first")
            }
            return
        }
        if keepsOthers, let edition, Self.manifestEdition(manifest) != edition {
            // The packs it keeps were made for another audience or drafts setting (or nobody
            // recorded which): relabelling them would be a leak.
            let recorded = Self.manifestEdition(manifest).map { "the site for \($0)" } ?? "a site whose audience was not recorded"
            throw UsageError(
                "\(outputPath)/ holds \(recorded); a --unit or --period build keeps its other packs, so it must be for the same audience and drafts setting. Build the whole site (add --force to replace it) or use another --output"
            )
        }
        guard !force else { return }
        if let edition, let recorded = Self.manifestEdition(manifest), recorded != edition {
            throw UsageError(
                "\(outputPath)/ holds the site for \(recorded); this build is for \(edition). Build into another --output, or add --force to replace it"
            )
        }
        let listed = Set(Self.manifestEntries(manifest).map(\.path))
        if let stranger = Self.firstUnlisted(in: output.path, listed: listed) {
            throw UsageError(
                "\(outputPath)/\(stranger) was not written by boardpack (its manifest does not list it); the build would delete it. Move it out of \(outputPath)/, or add --force to delete it"
            )
        }
    }

    /// An output that is a symbolic link is refused (exit 2): the swap would move the link and
    /// the clean-up would empty what it points to.
    func refuseLink(_ output: URL) throws {
        var info = stat()
        if lstat(output.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw UsageError(
                "--output \(outputPath) is a symbolic link; boardpack replaces its output folder whole and will not follow a link (give the folder it points to)"
            )
        }
    }

    /// The first file or folder (in name order) under `root` that is neither listed in the
    /// manifest nor on the way to a listed file, skipping hidden top-level entries. A listed
    /// path is boardpack's whatever it has become (a page replaced by a link or a FIFO).
    static func firstUnlisted(in root: String, listed: Set<String>) -> String? {
        var folders = Set<String>()
        for path in listed {
            var index = path.startIndex
            while let slash = path[index...].firstIndex(of: "/") {
                folders.insert(String(path[..<slash]))
                index = path.index(after: slash)
            }
        }
        func walk(_ relative: String) -> String? {
            let full = relative.isEmpty ? root : root + "/" + relative
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).sorted()
            for entry in entries {
                if relative.isEmpty && entry.hasPrefix(".") { continue }
                let path = relative.isEmpty ? entry : relative + "/" + entry
                var info = stat()
                guard lstat(full + "/" + entry, &info) == 0 else { continue }
                if folders.contains(path) {
                    // A real folder is looked into; anything else in its place (a link) is
                    // replaced as it stands, never followed.
                    if info.st_mode & S_IFMT == S_IFDIR, let found = walk(path) { return found }
                } else if !listed.contains(path) {
                    return path
                }
            }
            return nil
        }
        return walk("")
    }

    /// Moves the hidden top-level entries of a replaced site (a `.git`, a `.htaccess`) into
    /// the new one, which has none but its manifest. A build killed before this leaves them in
    /// its staging folder, and the next build carries them over before removing it.
    /// False when one could not be moved: the folder holding it must then be kept.
    @discardableResult
    static func carryHiddenEntries(from old: String, to new: String) -> Bool {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: old) else { return !fm.fileExists(atPath: old) }
        var carried = true
        for entry in entries where entry.hasPrefix(".") && !entry.hasPrefix(".boardpack") {
            if fm.fileExists(atPath: new + "/" + entry) || rename(old + "/" + entry, new + "/" + entry) != 0 { carried = false }
        }
        return carried
    }

    /// Staging folders left by a killed build are ours to remove (they carry our marker); the
    /// hidden entries of a site it had swapped out go back to the output first.
    func removeLeftovers(in parent: URL, name: String, output: URL) {
        let fm = FileManager.default
        let prefix = ".\(name)\(Self.stagingMarker)"
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
        // A build killed between the two renames of the fallback swap left no output: the site
        // it moved aside, whole, goes back first.
        if !fm.fileExists(atPath: output.path),
            let old = leftovers.first(where: { $0.hasPrefix(prefix + "old-") })
        {
            try? fm.moveItem(at: parent.appendingPathComponent(old), to: output)
        }
        for entry in leftovers where fm.fileExists(atPath: parent.appendingPathComponent(entry).path) {
            let leftover = parent.appendingPathComponent(entry)
            // Removed only once nothing of the user's is left in it.
            guard fm.fileExists(atPath: output.path), Self.carryHiddenEntries(from: leftover.path, to: output.path) else { continue }
            try? fm.removeItem(at: leftover)
        }
    }

    /// Writes every file and the manifest into the empty folder `root`.
    ///
    /// Files are grouped by their top folder (a unit's packs, or the root's own files) and
    /// the groups are written on every core, each creating its own folders first: creating a
    /// folder costs the filesystem more than writing a page (it looks for a free inode), and
    /// the 340 folders of a large site took longer than its 77 MB of files when created one
    /// by one before the writes. Files are hashed as they are written, with plain `write(2)`
    /// and no per-file `fsync`: safety against a killed build comes from the staging folder
    /// and the atomic swap, not from flushing each file.
    ///
    /// A file whose bytes are those already published at its path is not written again but
    /// linked to the published file (see `PublishedFiles`).
    static func stage(_ site: Site, into root: String, edition: Edition? = nil, reusing published: PublishedFiles? = nil) throws {
        let paths = site.sortedPaths
        let groups = groupedByTopFolder(paths)
        let hashes = ResultSlots<Result<String, any Error>>(count: paths.count)
        // Largest groups first, so that the last ones to start are short.
        let sizes = groups.map { $0.reduce(0) { $0 + site.files[paths[$1]]!.count } }
        let schedule = groups.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        DispatchQueue.concurrentPerform(iterations: groups.count) { k in
            var created = Set<Substring>()
            var scratch = PublishedFiles.Scratch()
            for i in groups[schedule[k]] {
                let path = paths[i]
                hashes.set(
                    i,
                    Result {
                        try createFolders(of: path[...], under: root, &created)
                        let bytes = site.files[path]!
                        let hash = SHA256Hex.of(bytes)
                        if try published?.reuse(path, hash: hash, bytes: bytes, into: root, &scratch) != true {
                            try writeFile(root + "/" + path, bytes)
                        }
                        return hash
                    })
            }
        }
        var manifest = "boardpack site manifest 1\n"
        if let edition { manifest += "audience \(edition.audience)\ndrafts \(edition.drafts ? "yes" : "no")\n" }
        for (path, hash) in zip(paths, hashes.values) { manifest += "\(try hash.get())  \(path)\n" }
        try writeFile(root + "/" + manifestName, Array(manifest.utf8))
    }

    /// Indices of `paths` by top folder (files at the root are a group of their own), in
    /// order of first appearance.
    static func groupedByTopFolder(_ paths: [String]) -> [[Int]] {
        var groups: [[Int]] = []
        var groupOf: [Substring: Int] = [:]
        for (i, path) in paths.enumerated() {
            let top = path.firstIndex(of: "/").map { path[..<$0] } ?? ""
            if let g = groupOf[top] {
                groups[g].append(i)
            } else {
                groupOf[top] = groups.count
                groups.append([i])
            }
        }
        return groups
    }

    /// Creates the folders `path` lies in under `root`, outermost first, skipping those in
    /// `created` (the ones this group made).
    static func createFolders(of path: Substring, under root: String, _ created: inout Set<Substring>) throws {
        var end = path.startIndex
        while let slash = path[end...].firstIndex(of: "/") {
            let folder = path[..<slash]
            if created.insert(folder).inserted {
                // 0o777 less the umask, as FileManager.createDirectory does.
                if mkdir(root + "/" + folder, 0o777) != 0 && errno != EEXIST {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
            end = path.index(after: slash)
        }
    }

    /// Removes the folder at `path` and everything in it, its top entries on every core (a
    /// replaced site's removal is the last step of a build, and all filesystem time).
    static func removeTree(_ path: String) throws {
        let fm = FileManager.default
        let entries = try fm.contentsOfDirectory(atPath: path)
        let results = ResultSlots<Result<Void, any Error>>(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            results.set(i, Result { try fm.removeItem(atPath: path + "/" + entries[i]) })
        }
        for result in results.values { try result.get() }
        try fm.removeItem(atPath: path)
    }

    /// Creates `path`, which must not exist (staging is new: a name already there could be a
    /// link to a published file), and writes `bytes` to it.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
