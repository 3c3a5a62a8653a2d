import Crypto
import Foundation

/// Writes a `Site` to its output folder safely (SPEC §7 "Safe writing").
///
/// The whole site is staged in a sibling folder and swapped in atomically, so a failed or
/// killed build leaves the previous output whole. The output folder carries a manifest; a
/// non-empty folder without one is never replaced.
public struct SiteWriter: Sendable {
    /// Name of the manifest file at the root of every output folder.
    public static let manifestName = ".boardpack-manifest"
    static let stagingMarker = ".boardpack-staging-"

    public var outputPath: String

    public init(outputPath: String) { self.outputPath = outputPath }

    /// Stages, swaps in and cleans up. Throws a `Diagnostic` a user can act on.
    public func write(_ site: Site) throws {
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try checkOwnership(output)
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent, name: name)

        let staging = parent.appendingPathComponent(".\(name)\(Self.stagingMarker)\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in site.sortedPaths {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(site.files[path]!).write(to: url)
            }
            try Data(Self.manifest(for: site).utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            if fm.fileExists(atPath: output.path) {
                if AtomicSwap.exchange(staging.path, output.path) {
                    try fm.removeItem(at: staging)
                } else {
                    // No RENAME_EXCHANGE (old kernel or filesystem): the shortest possible window.
                    let old = parent.appendingPathComponent(".\(name)\(Self.stagingMarker)old-\(getpid())")
                    try fm.moveItem(at: output, to: old)
                    try fm.moveItem(at: staging, to: output)
                    try fm.removeItem(at: old)
                }
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw Diagnostic.error("cannot write the site to \(outputPath): \(error.localizedDescription)")
        }
    }

    /// Refuses to replace a non-empty folder that boardpack did not write.
    func checkOwnership(_ output: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw Diagnostic.error("\(outputPath) exists and is not a folder; boardpack will not replace it")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.manifestName) {
            throw Diagnostic.error(
                "\(outputPath) is not empty and has no \(Self.manifestName): boardpack will not replace a folder it did not write",
                hint: "choose another --output, or empty the folder first")
        }
    }

    /// Staging folders left by a killed build are ours to remove (they carry our marker).
    func removeLeftovers(in parent: URL, name: String) {
        let fm = FileManager.default
        let prefix = ".\(name)\(Self.stagingMarker)"
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// The manifest: every file with its SHA-256, in byte order. Deterministic by construction.
    static func manifest(for site: Site) -> String {
        var text = "boardpack site manifest 1\n"
        for path in site.sortedPaths {
            text += "\(SHA256Hex.of(site.files[path]!))  \(path)\n"
        }
        return text
    }
}

/// Lower-case hex SHA-256, used for provenance, the manifest and CSP hashes.
public enum SHA256Hex {
    public static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Base64 SHA-256, as a Content-Security-Policy source expects.
    public static func base64(_ bytes: [UInt8]) -> String {
        Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
