import BoardpackContent
import BoardpackFormat
import BoardpackMetrics
import BoardpackSupport
import Foundation

/// `boardpack diff --unit ID FROM TO`: what changed between two packs, for a reviewer.
extension BoardpackCommands {
    /// One line per change: status flips and moves past the commentary threshold (from the
    /// content), then changed definitions and restated history (against the FROM pack as
    /// published in `outputPath`, when it is there).
    package static func diff(
        unit unitID: String, from: Period, to: Period, contentPath: String, outputPath: String,
        fileSystem: any FileSystem = DiskFileSystem()
    ) throws -> String {
        let model = try unitModel(unitID, contentPath: contentPath, fileSystem: fileSystem)
        let metrics = model.metrics
        for p in [from, to] where !metrics.data.hasData(in: p.lastMonth) {
            throw DiagnosticsError([.error("unit `\(unitID)` has no data for \(p)")])
        }
        // Each KPI's one status, as the packs show it (SPEC §5.5).
        let before = model.judged(from, breakdowns: false).metrics
        let after = model.judged(to, breakdowns: false).metrics
        var flips: [String] = []
        var moves: [String] = []
        for change in PackChange.between(before, after, dictionary: metrics.metrics.dictionary) {
            let (b, r) = (change.before, change.after)
            let unit = metrics.metrics.dictionary.kpis[r.id]?.unit.rawValue ?? "count"
            let format = ValueFormat(unit: unit, currency: model.unit.config.currency)
            let show = { (v: Double?) in format.format(v, locale: .enGB) }
            if change.flipped {
                flips.append(
                    "  \(r.id): \(b.status.rawValue) → \(r.status.rawValue) (\(show(b.value)) → \(show(r.value)), target \(r.target.map { $0.text(show) } ?? show(nil)))"
                )
            }
            if change.notable { moves.append("  \(r.id): \(show(b.value)) → \(show(r.value))") }
        }
        var out = "\(model.unit.config.name): \(from) → \(to)\n"
        out += section("Status flips", flips) + section("Moves past the threshold", moves)
        let published = outputPath + "/\(unitID)/\(from)/metrics.json"
        // The published pack is the one committed to git (a build has already rewritten the
        // file on disk); outside git, the file as it is.
        let committed = committedVersion(of: published)
        guard let data = committed?.data ?? FileManager.default.contents(atPath: published),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let kpis = json["kpis"] as? [String: [String: Any]]
        else {
            return out + "Definitions and restated history: no published \(published) to compare with\n"
        }
        var definitions: [String] = []
        var restated: [String] = []
        for r in before.kpis {
            guard let old = kpis[r.id] else {
                definitions.append("  \(r.id): new KPI")
                continue
            }
            if let formula = old["formula"] as? String, formula != r.formula {
                definitions.append("  \(r.id): \(formula) → \(r.formula)")
            }
            let oldValue = old["value"] as? Double
            if !sameNumber(oldValue, r.value) {
                restated.append(
                    "  \(r.id) in \(from): published \(oldValue.map { JSONText.format($0) } ?? "n/a"), now \(r.value.map { JSONText.format($0) } ?? "n/a")"
                )
            }
        }
        let source = committed.map { "\($0.revision):\(published)" } ?? published
        return out + section("Changed definitions", definitions) + section("Restated history (vs \(source))", restated)
    }

    /// The file as committed at git's HEAD, when `path` is inside a git work tree.
    static func committedVersion(of path: String) -> (revision: String, data: Data)? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder), let top = git(["-C", folder, "rev-parse", "--show-toplevel"]) else {
            return nil
        }
        let root = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard url.path.hasPrefix(root + "/") else { return nil }
        let relative = String(url.path.dropFirst(root.count + 1))
        return git(["-C", root, "show", "HEAD:\(relative)"]).map { ("HEAD", $0) }
    }

    static func git(_ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    static func sameNumber(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        default: false
        }
    }

    static func section(_ title: String, _ lines: [String]) -> String {
        "\(title): \(lines.isEmpty ? "none" : "\(lines.count)")\n" + lines.map { $0 + "\n" }.joined()
    }
}
