import Foundation
import Testing

/// SPEC §7 "Safe writing" and "Two builds into the same output at once", against the real
/// `boardpack` executable: a build killed at any moment leaves the previous site or the new
/// one, whole, with the site's hidden entries (a `.git`) kept; the next build cleans up.
///
/// The workspace is a copy of the repository's demo (`content/`, `templates/`) with six months
/// of packs: 4 units, about 0.6 s for the debug binary, of which writing (staging, the swap,
/// removing the old site) is the last tenth or so. The kills alternate between a delay from
/// the build's start, spread over the whole build, and a delay from the moment its staging
/// folder shows, spread over the rest of it: kills in the middle of writing happen on every
/// run, not only when a uniform delay happens to fall in that tenth.
@Suite(.serialized) struct KillTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// The `boardpack` built beside this test binary (the same configuration), else the
    /// repository's `.build/debug/boardpack`; nil when neither is there.
    static let binary: String? = {
        var starts = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        if let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.insert(me, at: 0) }
        var candidates: [String] = []
        for start in starts {
            var folder = URL(fileURLWithPath: start).deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(folder.appendingPathComponent("boardpack").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(repo + "/.build/debug/boardpack")
        return candidates.first { path in
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
        }
    }()

    static let noBinary: Comment = "no `boardpack` executable beside the test binary or at .build/debug/boardpack: build it first"

    // MARK: - Helpers

    /// A new folder holding copies of the repository's `content/` and `templates/`.
    static func workspace() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpkill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repo + "/content", toPath: root + "/content")
        try FileManager.default.copyItem(atPath: repo + "/templates", toPath: root + "/templates")
        // Six months of packs a unit, not twelve: the build stays long enough to kill at any
        // point of it, and the thirty kills stay within half a minute.
        let settings = root + "/content/boardpack.yml"
        let lines = try String(contentsOfFile: settings, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("archive_months:") }
        try (lines.joined(separator: "\n") + "\narchive_months: 6\n").write(toFile: settings, atomically: false, encoding: .utf8)
        return root
    }

    /// How a child process ended.
    enum Ending: Equatable {
        case exited(Int32)
        case killed(Int32)
    }

    /// Starts `boardpack build` of the workspace at `root` into `output`, its standard output
    /// and error to `log`.
    static func startBuild(_ root: String, output: String, log: String) throws -> pid_t {
        let binary = try #require(binary)
        let arguments = [binary, "build", "--content", root + "/content", "--templates", root + "/templates", "--output", output]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        return pid
    }

    static func ending(_ status: Int32) -> Ending {
        status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .killed(status & 0x7f)
    }

    static func wait(_ pid: pid_t) -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .exited(-1) }
        }
        return ending(status)
    }

    static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// Builds to the end.
    static func build(_ root: String, output: String) throws {
        let log = root + "/build.log"
        let ending = wait(try startBuild(root, output: output, log: log))
        try #require(ending == .exited(0), "boardpack build failed: \(text(log))")
    }

    /// The staging folder of the build `pid` into `output`.
    static func staging(of output: String, _ pid: pid_t) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".boardpack-staging-\(pid)"
    }

    /// Waits for the staging folder of the build `pid` into `output` to show; returns the
    /// build's ending instead when it ends first.
    static func waitForStaging(of output: String, _ pid: pid_t) -> Ending? {
        let staging = staging(of: output, pid)
        var status: Int32 = 0
        while access(staging, F_OK) != 0 {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return ending(status) }
            if reaped < 0 && errno != EINTR { return .exited(-1) }
            usleep(200)
        }
        return nil
    }

    /// Builds to the end, watching the output's parent folder: when (seconds after the start)
    /// the build's staging folder shows, and when the build ends.
    static func timedBuild(_ root: String, output: String) throws -> (staged: Double, ended: Double) {
        let log = root + "/build.log"
        let start = ContinuousClock.now
        let pid = try startBuild(root, output: output, log: log)
        let early = waitForStaging(of: output, pid)
        let staged = (ContinuousClock.now - start) / .seconds(1)
        try #require(early == nil, "the build ended (\(String(describing: early))) before its staging folder showed: \(text(log))")
        let ending = wait(pid)
        let ended = (ContinuousClock.now - start) / .seconds(1)
        try #require(ending == .exited(0), "boardpack build failed: \(text(log))")
        return (staged, ended)
    }

    /// Every folder (as `path/`, no bytes) and file under `root`, with bytes; the top level's
    /// hidden entries other than the manifest (a `.git`) are left out. Nil when `root` is missing.
    static func tree(_ root: String) -> [String: [UInt8]]? {
        var info = stat()
        guard lstat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        var result: [String: [UInt8]] = [:]
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                if relative.isEmpty && entry.hasPrefix(".") && entry != ".boardpack-manifest" { continue }
                let path = relative.isEmpty ? entry : relative + "/" + entry
                guard lstat(folder + "/" + entry, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    result[path + "/"] = []
                    walk(path)
                case S_IFREG: result[path] = FileManager.default.contents(atPath: folder + "/" + entry).map { [UInt8]($0) } ?? []
                default: result[path + " (not a file)"] = []
                }
            }
        }
        walk("")
        return result
    }

    /// The paths where `site` differs from both `a` and `b` (at most five), to name a mix.
    static func mixed(_ site: [String: [UInt8]], _ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
        let paths = Set(site.keys).union(a.keys).union(b.keys)
        return Array(paths.filter { site[$0] != a[$0] && site[$0] != b[$0] }.sorted().prefix(5))
    }

    /// The staging folders of `output` in `parent`.
    static func stagingFolders(in parent: String, of name: String = "out") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(".\(name).boardpack-staging-") }
            .sorted()
    }

    /// A CSV file of the workspace and a copy of it with one number changed (the last digit of
    /// a data row three quarters down the file, inside the archive's months).
    static func changedCSV(in root: String) throws -> (path: String, old: Data, new: Data)? {
        let units = root + "/content/units"
        for unit in try FileManager.default.contentsOfDirectory(atPath: units).sorted() {
            let data = units + "/" + unit + "/data"
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: data)) ?? []).sorted() where file.hasSuffix(".csv") {
                let old = try Data(contentsOf: URL(fileURLWithPath: data + "/" + file))
                var lines = String(decoding: old, as: UTF8.self).components(separatedBy: "\n")
                let row = (lines.count - 1) * 3 / 4
                guard row > 0, let last = lines[row].last, let digit = last.wholeNumberValue else { continue }
                lines[row] = String(lines[row].dropLast()) + String((digit + 1) % 10)
                return (data + "/" + file, old, Data(lines.joined(separator: "\n").utf8))
            }
        }
        return nil
    }

    // MARK: - Tests

    @Test(.enabled(if: binary != nil, noBinary))
    func aKilledBuildLeavesTheOldSiteOrTheNewOneWholeAndKeepsHiddenEntries() throws {
        let started = ContinuousClock.now
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let parent = root + "/site"
        let out = parent + "/out"
        let csv = try #require(try Self.changedCSV(in: root), "no CSV row ending in a digit in the workspace")

        // The two sites, each built to the end: the old one into `out`, the new one elsewhere.
        try Self.build(root, output: out)
        let old = try #require(Self.tree(out))
        try csv.new.write(to: URL(fileURLWithPath: csv.path))
        try Self.build(root, output: root + "/new")
        let new = try #require(Self.tree(root + "/new"))
        try #require(old != new, "changing \(csv.path) must change the site")
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.count

        let head = Array("ref: refs/heads/main\n".utf8)
        try FileManager.default.createDirectory(atPath: out + "/.git", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/.git/HEAD", contents: Data(head))

        // What a kill is timed against, from two builds that replace the site (old → new → old):
        // when the staging folder appears and when the build ends.
        var staged: [Double] = []
        var ended: [Double] = []
        for content in [csv.new, csv.old] {
            try content.write(to: URL(fileURLWithPath: csv.path))
            let timing = try Self.timedBuild(root, output: out)
            staged.append(timing.staged)
            ended.append(timing.ended)
        }
        try #require(Self.tree(out) == old && FileManager.default.fileExists(atPath: out + "/.git/HEAD"))
        let buildTime = ended.max()!
        // From the staging folder showing to the build's end: staging, swap, removing the old site.
        let writeTime = zip(ended, staged).map { $0 - $1 }.max()!

        let sites = [old, new]
        let contents = [csv.old, csv.new]
        var published = 0  // the output holds sites[published]
        var rng = SplitMix(state: 0x6B69_6C6C_6275_696C)
        var landed: [String: Int] = [:]
        var hiddenInLeftover = 0
        for round in 0..<30 {
            let target = 1 - published
            try contents[target].write(to: URL(fileURLWithPath: csv.path))
            // Even rounds: a delay from the start, over the whole build. Odd rounds: a delay
            // from the moment the staging folder shows, over the rest of the build.
            let fromStart = round.isMultiple(of: 2)
            let delay = Double.random(in: 0...(fromStart ? buildTime : writeTime), using: &rng)
            let pid = try Self.startBuild(root, output: out, log: root + "/kill.log")
            let ending: Ending
            if let early = fromStart ? nil : Self.waitForStaging(of: out, pid) {
                ending = early
            } else {
                usleep(UInt32(delay * 1_000_000))
                kill(pid, SIGKILL)
                ending = Self.wait(pid)
            }
            let context =
                "round \(round), SIGKILL \(String(format: "%.3f", delay)) s after \(fromStart ? "the start" : "staging showed")"
            if case let .exited(code) = ending, code != 0 {
                Issue.record("\(context): the build failed on its own (exit \(code)): \(Self.text(root + "/kill.log"))")
            }

            guard let after = Self.tree(out) else {
                Issue.record("\(context): the output folder is missing")
                break
            }
            let leftovers = Self.stagingFolders(in: parent)
            let holds = after == sites[published] ? published : after == sites[target] ? target : nil
            guard let holds else {
                Issue.record(
                    "\(context): the output is neither the old site nor the new one; it differs from both at \(Self.mixed(after, old, new))"
                )
                break
            }
            let mine = leftovers.contains(".out.boardpack-staging-\(pid)")
            switch (ending, holds == target, mine) {
            case (.exited, _, _): landed["finished before the kill", default: 0] += 1
            case (_, false, false): landed["before writing (old site, no staging)", default: 0] += 1
            case (_, false, true): landed["mid-write (old site, staging left)", default: 0] += 1
            case (_, true, true): landed["after the swap, during clean-up (new site, staging left)", default: 0] += 1
            case (_, true, false): landed["after clean-up (new site, no staging)", default: 0] += 1
            }
            if ending == .exited(0) { #expect(holds == target, "\(context): a finished build published its site") }

            let heads = [out + "/.git/HEAD"] + leftovers.map { parent + "/" + $0 + "/.git/HEAD" }
            let found = heads.first { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } == head }
            #expect(found != nil, "\(context): .git/HEAD is neither in the output nor in a staging folder (\(leftovers))")
            if let found, found != heads[0] { hiddenInLeftover += 1 }
            published = holds
        }

        // A kill between the swap and carrying the hidden entries over (a window of microseconds
        // that the random kills seldom hit) leaves `.git` in the staging folder, beside the
        // replaced site; here it is made by hand when none did.
        if FileManager.default.fileExists(atPath: out + "/.git") {
            let leftover = parent + "/.out.boardpack-staging-1"
            try FileManager.default.createDirectory(atPath: leftover + "/u", withIntermediateDirectories: true)
            try "old".write(toFile: leftover + "/u/index.html", atomically: false, encoding: .utf8)
            try FileManager.default.moveItem(atPath: out + "/.git", toPath: leftover + "/.git")
        }
        // A build to the end carries back what a killed one left in its staging folder and removes it.
        let final = published
        try contents[1 - final].write(to: URL(fileURLWithPath: csv.path))
        try Self.build(root, output: out)
        #expect(Self.tree(out) == sites[1 - final], "the last build publishes its site")
        #expect(FileManager.default.contents(atPath: out + "/.git/HEAD").map { [UInt8]($0) } == head, "out/.git/HEAD is back, unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"], "no staging folder is left")

        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let summary = landed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
        print(
            "KillTests: \(Self.binary ?? "?"): build \(String(format: "%.3f", buildTime)) s, staging to end \(String(format: "%.3f", writeTime)) s, \(changed) paths change; 30 kills: \(summary); .git waited in a staging folder \(hiddenInLeftover)×; \(String(format: "%.1f", seconds)) s in all"
        )
    }

    @Test(.enabled(if: binary != nil, noBinary))
    func twoBuildsAtOnceIntoOneOutputBothPublishTheSameSite() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let parent = root + "/site"
        let out = parent + "/out"
        try Self.build(root, output: root + "/reference")
        let reference = try #require(Self.tree(root + "/reference"))
        let head = Array("ref: refs/heads/main\n".utf8)

        for round in ["a new output", "an existing output with a .git"] {
            let logs = [root + "/one.log", root + "/two.log"]
            let pids = try logs.map { try Self.startBuild(root, output: out, log: $0) }
            let endings = pids.map { Self.wait($0) }
            var succeeded = 0
            for (ending, log) in zip(endings, logs) {
                if ending == .exited(0) {
                    succeeded += 1
                } else {
                    #expect(
                        Self.text(log).contains("another build is writing"),
                        "\(round): a build that did not succeed ended \(ending) saying: \(Self.text(log))")
                }
            }
            #expect(succeeded >= 1, "\(round): at least one build publishes")
            #expect(Self.tree(out) == reference, "\(round): the output is a normal build's")
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"], "\(round): no staging folder is left")
            if round == "an existing output with a .git" {
                #expect(FileManager.default.contents(atPath: out + "/.git/HEAD").map { [UInt8]($0) } == head, "\(round): .git is kept")
            } else {
                try FileManager.default.createDirectory(atPath: out + "/.git", withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: out + "/.git/HEAD", contents: Data(head))
            }
        }
    }
}
