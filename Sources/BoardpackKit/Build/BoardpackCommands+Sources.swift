import BoardpackContent
import BoardpackMetrics
import BoardpackSupport
import Foundation

/// `boardpack sources`: refreshes the snapshots of the units' command sources (SPEC §2.5, §7).
extension BoardpackCommands {
    /// What a run of `boardpack sources` did: one line per source, and every problem.
    package struct SourcesReport: Sendable {
        package var lines: [String] = []
        package var diagnostics: [Diagnostic] = []
    }

    /// The name of the lock file beside the snapshots, in each unit's `data/`.
    package static let sourcesLockName = "sources.lock"

    /// Runs every command source of the workspace (or of `units`), checks each output as
    /// boardpack CSV against its unit and writes it atomically to `data/<file>`, recording it
    /// in `data/sources.lock`. A source that fails (a variable not set, the program missing or
    /// failing, a timeout, output that is not valid CSV) leaves its previous snapshot and lock
    /// line as they were. `${VAR}` is taken from `environment` only.
    ///
    /// Commands run in the content folder, so relative paths in them mean the same wherever
    /// `boardpack sources` is started from; an output over `maxOutput` bytes is refused.
    package static func sources(
        contentPath: String, units: Set<String> = [], timeout: Double = 300,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        maxOutput: Int = DiskFileSystem.defaultMaxFileSize
    ) -> SourcesReport {
        let loader = WorkspaceLoader(fileSystem: DiskFileSystem().confined(to: contentPath)) { metricsFile in
            let (dictionary, diagnostics) = MetricsSetup.dictionary(from: metricsFile)
            return (Set(dictionary.measures.keys), diagnostics)
        }
        var report = SourcesReport()
        let (found, problems) = loader.sourceUnits(root: contentPath, onlyUnits: units)
        report.diagnostics = problems
        if problems.hasErrors { return report }
        for id in units.subtracting(found.map(\.id)).sorted() {
            report.diagnostics.append(.error("no unit `\(id)` in \(contentPath)/units"))
        }
        // A unit whose command sources were all removed still has its lock tidied away.
        for unit in found.sorted(by: { $0.id < $1.id })
        where unit.config.sources.contains(where: { $0.command != nil })
            || FileManager.default.fileExists(atPath: unit.dataDir + "/" + sourcesLockName)
        {
            refresh(unit, in: contentPath, timeout: timeout, environment: environment, maxOutput: maxOutput, into: &report)
        }
        if report.lines.isEmpty && !report.diagnostics.hasErrors { report.lines.append("no command sources") }
        return report
    }

    /// Runs one unit's sources and rewrites its lock.
    static func refresh(
        _ unit: WorkspaceLoader.SourceUnit, in contentPath: String, timeout: Double, environment: [String: String],
        maxOutput: Int, into report: inout SourcesReport
    ) {
        let lockPath = unit.dataDir + "/" + sourcesLockName
        let lockText = try? String(contentsOfFile: lockPath, encoding: .utf8)
        var lock = SourcesLock(parsing: lockText ?? "")
        // Snapshots are written inside the workspace only: never through a linked data/.
        var info = stat()
        if lstat(unit.dataDir, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            report.diagnostics.append(
                .error("\(unit.dataDir) is not a folder (a symbolic link?): snapshots are written only inside the workspace"))
            return
        }
        for (index, source) in unit.config.sources.enumerated() {
            guard let command = source.command else { continue }
            let at = unit.sourceLocations.indices.contains(index) ? unit.sourceLocations[index] : unit.sourcesLocation
            let shown = command.joined(separator: " ")
            let path = unit.dataDir + "/" + source.file
            let previous = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            func failed() {
                report.lines.append(
                    "\(unit.id)/\(source.file): failed, \(previous == nil ? "no snapshot written" : "previous snapshot kept")")
            }
            func fail(_ message: String, hint: String? = nil) {
                report.diagnostics.append(.error("source \(source.file) (`\(shown)`): \(message)", at: at, hint: hint))
                failed()
            }
            // A file that `boardpack sources` did not write is the user's: never overwritten.
            if let previous, lock.entries[source.file]?.snapshot != SHA256Hex.of(previous) {
                fail(
                    "data/\(source.file) exists and is not the snapshot recorded in data/\(sourcesLockName)",
                    hint: "a hand-written or edited file is never overwritten: rename or remove it, then run `boardpack sources` again")
                continue
            }
            let arguments: [String]
            switch source.expanded(with: environment) {
            case .failure(let unset):
                fail(
                    "`${\(unset.name)}` is not set",
                    hint: "set \(unset.name) in the environment of `boardpack sources`; it is never read from the workspace")
                continue
            case .success(let expanded): arguments = expanded
            }
            let output: [UInt8]
            switch CommandRunner.run(arguments, environment: environment, directory: contentPath, timeout: timeout, limit: maxOutput) {
            case .notStarted(let reason):
                fail("could not run the command: \(reason)")
                continue
            case .timedOut(let stderr):
                fail("still running after \(format(timeout)) s, stopped", hint: excerpt(stderr) ?? "raise the limit with --timeout")
                continue
            case .tooLarge(let limit):
                fail("the command wrote more than \(limit) bytes, stopped", hint: "let the database aggregate to months")
                continue
            case .exited(let status, let stdout, let stderr) where status != 0:
                _ = stdout
                fail("the command exited with status \(status)", hint: excerpt(stderr))
                continue
            case .exited(_, let stdout, _):
                output = stdout
            }
            // Checked under a name of its own outside the workspace, kept there when it is
            // wrong, so that each error quotes the output it is about.
            let checked = rejectedPath(unit: unit.id, file: source.file)
            let (file, found) = DataFileReader.read(bytes: output, path: checked, options: .snapshot, schema: unit.schema)
            guard let file, !found.hasErrors else {
                try? writeAtomically(output, to: checked)
                let origin = "in the output of source \(source.file) (`\(shown)`), kept in \(checked)"
                report.diagnostics += found.map { d in
                    var d = d
                    d.hint = d.hint.map { "\($0) (\(origin))" } ?? origin
                    return d
                }
                failed()
                continue
            }
            report.diagnostics += found.map { d in
                var d = d
                if d.location?.file == checked { d.location?.file = path }
                return d
            }
            let current = previous
            if current != output {
                do { try writeAtomically(output, to: path) } catch {
                    fail("could not write data/\(source.file): \(error.localizedDescription)")
                    continue
                }
            }
            lock.entries[source.file] = SourcesLock.Entry(
                command: SHA256Hex.of(Array(command.joined(separator: "\u{0}").utf8)), rows: file.rowCount,
                snapshot: SHA256Hex.of(output))
            report.lines.append(
                "\(unit.id)/\(source.file): \(file.rowCount) row\(file.rowCount == 1 ? "" : "s")\(current == output ? ", unchanged" : "")")
        }
        // Lines of sources no longer in unit.yml go; a failed source keeps its line.
        lock.entries = lock.entries.filter { file, _ in unit.config.sources.contains { $0.file == file && $0.command != nil } }
        let text = lock.text
        // Nothing to record: no lock (a first run that failed leaves the workspace as it was).
        if lock.entries.isEmpty {
            if lockText != nil { try? FileManager.default.removeItem(atPath: lockPath) }
            return
        }
        if lockText != text {
            do { try writeAtomically(Array(text.utf8), to: lockPath) } catch {
                report.diagnostics.append(.error("could not write \(lockPath): \(error.localizedDescription)"))
            }
        }
    }

    /// Where a source's output that is not valid CSV is kept for its errors to quote: in the
    /// system's temporary folder, never in the workspace.
    static func rejectedPath(unit: String, file: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-sources-\(getuid())")
            .appendingPathComponent("\(unit)-\(file)").path
    }

    /// The last lines of a command's standard error, for the message.
    static func excerpt(_ stderr: [UInt8]) -> String? {
        let lines = String(decoding: stderr, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return nil }
        return "its standard error: " + lines.suffix(10).joined(separator: "\n  ")
    }

    /// `300`, `0.5`.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Writes `bytes` to a hidden file beside `path`, then renames it over `path`: a reader sees
    /// the old snapshot or the new one, never half of one.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do { try Data(bytes).write(to: temporary) } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
        }
    }
}

/// `data/sources.lock`: one line per command source, sorted by file, so that a refresh of
/// unchanged data changes no byte and a changed snapshot shows in the git diff.
///
/// ```
/// # boardpack sources lock 1: file, SHA-256 of the command, rows, SHA-256 of the snapshot
/// crm-won.csv	3f5e…	12	9a0c…
/// ```
struct SourcesLock {
    struct Entry: Equatable {
        var command: String
        var rows: Int
        var snapshot: String
    }

    static let header = "# boardpack sources lock 1: file, SHA-256 of the command, rows, SHA-256 of the snapshot"

    var entries: [String: Entry] = [:]

    /// Reads a lock; lines it does not understand are dropped (the next refresh rewrites them).
    init(parsing text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 4, let rows = Int(fields[2]) else { continue }
            entries[fields[0]] = Entry(command: fields[1], rows: rows, snapshot: fields[3])
        }
    }

    var text: String {
        ([Self.header]
            + entries.keys.sorted().map { file in
                let e = entries[file]!
                return "\(file)\t\(e.command)\t\(e.rows)\t\(e.snapshot)"
            }).joined(separator: "\n") + "\n"
    }
}
