import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// `boardpack sources` with real programs (`sh`, `printf`, `sleep`, `sqlite3`): snapshots
/// written atomically, the lock stable, every failure clear and the previous snapshot kept.
@Suite(.serialized) struct SourcesCommandTests {
    /// A workspace on disk with one tech unit whose `sources:` are `sources`.
    final class Scratch {
        let root: String
        var content: String { root + "/content" }
        var data: String { content + "/units/acme/data" }

        init(sources: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("bp-sources-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/content/units/acme/data", withIntermediateDirectories: true)
            let yml = "name: Acme\nsector: tech\ncurrency: USD\nconfidentiality: Board\nsources:\n\(sources)"
            try yml.write(toFile: content + "/units/acme/unit.yml", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func run(timeout: Double = 30, environment: [String: String] = [:]) -> BoardpackCommands.SourcesReport {
            var env = ProcessInfo.processInfo.environment
            env.merge(environment) { $1 }
            return BoardpackCommands.sources(contentPath: content, timeout: timeout, environment: env)
        }

        func read(_ name: String) -> String? { try? String(contentsOfFile: data + "/" + name, encoding: .utf8) }

        func write(_ name: String, _ text: String) throws { try text.write(toFile: data + "/" + name, atomically: true, encoding: .utf8) }

        /// Every file of the workspace, as text.
        func allText() throws -> String {
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            return try files.sorted().compactMap { path -> String? in
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDir)
                return isDir.boolValue
                    ? nil : String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)), as: UTF8.self)
            }.joined(separator: "\n")
        }
    }

    /// A source printing `text` with `printf`.
    static func printing(_ file: String, _ text: String) -> String {
        "  - file: \(file)\n    command: [printf, \"\(text.replacingOccurrences(of: "\n", with: "\\\\n"))\"]\n"
    }

    @Test func aSnapshotIsWrittenLockedAndStable() throws {
        let ws = try Scratch(sources: Self.printing("won.csv", "month,new_customers\n2026-09,12\n2026-10,9\n"))
        let first = ws.run()
        #expect(!first.diagnostics.hasErrors, "\(first.diagnostics)")
        #expect(first.lines == ["acme/won.csv: 2 rows"])
        #expect(ws.read("won.csv") == "month,new_customers\n2026-09,12\n2026-10,9\n")
        let lock = try #require(ws.read("sources.lock"))
        let lines = lock.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("# boardpack sources lock 1"))
        let fields = lines[1].split(separator: "\t")
        #expect(fields.count == 4 && fields[0] == "won.csv" && fields[2] == "2")
        #expect(fields[3] == Substring(SHA256Hex.of(Array("month,new_customers\n2026-09,12\n2026-10,9\n".utf8))))
        // A second run on the same data changes no byte, and says so.
        let before = try ws.allText()
        #expect(ws.run().lines == ["acme/won.csv: 2 rows, unchanged"])
        #expect(try ws.allText() == before)
        // The build reads the snapshot.
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: ws.content)
        #expect(workspace?.units.first?.dataFiles.first?.rowCount == 2, "\(diagnostics)")
    }

    @Test func theLockIsSortedByFile() throws {
        let ws = try Scratch(
            sources: Self.printing("b.csv", "month,leads\n2026-10,5\n") + Self.printing("a.csv", "month,spend\n2026-10,5\n"))
        #expect(!ws.run().diagnostics.hasErrors)
        let files = try #require(ws.read("sources.lock")).split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] }
        #expect(files == ["a.csv", "b.csv"])
    }

    /// Runs a failing source over an earlier snapshot and checks the snapshot and lock are
    /// byte-identical afterwards; returns the one error.
    func failing(_ source: String, timeout: Double = 30, environment: [String: String] = [:]) throws -> Diagnostic {
        let ws = try Scratch(sources: source)
        let snapshot = "month,new_customers\n2026-10,9\n"
        try ws.write("won.csv", snapshot)
        try ws.write(
            "sources.lock",
            "# boardpack sources lock 1: file, SHA-256 of the command, rows, SHA-256 of the snapshot\n"
                + "won.csv\tx\t1\t\(SHA256Hex.of(Array(snapshot.utf8)))\n")
        let before = try ws.allText()
        let report = ws.run(timeout: timeout, environment: environment)
        #expect(try ws.allText() == before, "the previous snapshot must be kept")
        #expect(report.lines == ["acme/won.csv: failed, previous snapshot kept"])
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 1)
        return try #require(errors.first)
    }

    @Test func aFailingCommandSaysItsStatusAndStandardError() throws {
        let e = try failing("  - file: won.csv\n    command: [sh, -c, \"echo 'connection refused' >&2; exit 3\"]\n")
        #expect(e.message.hasPrefix("source won.csv (`sh -c echo 'connection refused' >&2; exit 3`): the command exited with status 3"))
        #expect(e.hint == "its standard error: connection refused")
        #expect(e.location?.file.hasSuffix("units/acme/unit.yml") == true && e.location?.line == 7)
    }

    @Test func aMissingProgramIsNamed() throws {
        let e = try failing("  - file: won.csv\n    command: [no-such-client-for-boardpack, --csv]\n")
        #expect(e.message.hasSuffix("could not run the command: `no-such-client-for-boardpack` is not a program found on PATH"))
    }

    @Test func aRaggedRowIsAnErrorAtItsPlaceInTheSnapshot() throws {
        let e = try failing(Self.printing("won.csv", "month,new_customers\n2026-09,12\n2026-10,9,4\n"))
        // The error quotes the output it is about, kept outside the workspace.
        let kept = try #require(e.location?.file)
        #expect(kept.hasSuffix("acme-won.csv") && !kept.contains("/units/"))
        #expect(e.location?.line == 3)
        #expect(try String(contentsOfFile: kept, encoding: .utf8).hasSuffix("2026-10,9,4\n"))
        #expect(e.hint?.contains("in the output of source won.csv (`printf") == true)
    }

    @Test func aNonNumericValueIsAnErrorAtItsCell() throws {
        let e = try failing(Self.printing("won.csv", "month,new_customers\n2026-10,twelve\n"))
        #expect(e.location?.line == 2 && e.location?.column == 9)
        #expect(e.hint?.contains("in the output of source won.csv") == true)
    }

    @Test func aHandWrittenFileIsNeverOverwritten() throws {
        let ws = try Scratch(sources: Self.printing("own.csv", "month,leads\n2026-10,5\n"))
        try ws.write("own.csv", "month,leads\n2026-10,7\n")
        let report = ws.run()
        #expect(ws.read("own.csv") == "month,leads\n2026-10,7\n")
        #expect(
            report.diagnostics.first?.message.hasSuffix("data/own.csv exists and is not the snapshot recorded in data/sources.lock") == true
        )
        #expect(report.lines == ["acme/own.csv: failed, previous snapshot kept"])
        #expect(ws.read("sources.lock") == nil)
    }

    @Test func aLockWithoutSourcesGoes() throws {
        let ws = try Scratch(sources: Self.printing("won.csv", "month,leads\n2026-10,5\n"))
        #expect(!ws.run().diagnostics.hasErrors)
        #expect(ws.read("sources.lock") != nil)
        // The source is dropped from unit.yml (its file stays, now the user's): the lock goes.
        let yml = "name: Acme\nsector: tech\ncurrency: USD\nconfidentiality: Board\n"
        try yml.write(toFile: ws.content + "/units/acme/unit.yml", atomically: true, encoding: .utf8)
        _ = ws.run()
        #expect(ws.read("sources.lock") == nil && ws.read("won.csv") != nil)
    }

    @Test func aFirstRunThatFailsWritesNothing() throws {
        let ws = try Scratch(sources: "  - file: won.csv\n    command: [\"false\"]\n")
        #expect(ws.run().lines == ["acme/won.csv: failed, no snapshot written"])
        #expect(ws.read("won.csv") == nil && ws.read("sources.lock") == nil)
    }

    @Test func aCommandRunsInTheContentFolder() throws {
        let ws = try Scratch(sources: "  - file: won.csv\n    command: [cat, units/acme/fixture.txt]\n")
        try "month,leads\n2026-10,5\n".write(toFile: ws.content + "/units/acme/fixture.txt", atomically: true, encoding: .utf8)
        #expect(!ws.run().diagnostics.hasErrors)
        #expect(ws.read("won.csv") == "month,leads\n2026-10,5\n")
    }

    @Test func aCommandThatLeavesItsSessionIsStillStoppedAtTheTimeout() throws {
        // `setsid` takes `sleep` out of the command's process group, with the output still open;
        // the shell waits half a second so that the child has left before the shell ends (a
        // child still in the session when its shell exits is stopped with it, under load).
        let start = Date()
        let e = try failing(
            "  - file: won.csv\n    command: [sh, -c, \"setsid -f sleep 20; sleep 0.5; printf 'month,leads\\\\n'\"]\n", timeout: 1)
        #expect(e.message.hasSuffix("still running after 1 s, stopped"))
        #expect(Date().timeIntervalSince(start) < 8)
    }

    @Test func anOutputTooLargeIsStopped() throws {
        let ws = try Scratch(sources: "  - file: won.csv\n    command: [yes, \"2026-10,1\"]\n")
        let report = BoardpackCommands.sources(contentPath: ws.content, timeout: 30, maxOutput: 1_000_000)
        #expect(report.diagnostics.first?.message.hasSuffix("the command wrote more than 1000000 bytes, stopped") == true)
    }

    @Test func ctrlCStopsTheRunningCommandToo() throws {
        let binary = try #require(KillTests.binary, KillTests.noBinary)
        let ws = try Scratch(sources: "  - file: won.csv\n    command: [sh, -c, \"echo $$ > sleeper.pid; exec sleep 30\"]\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sources", "--content", ws.content]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pidFile = ws.content + "/sleeper.pid"
        var waited = 0
        while !FileManager.default.fileExists(atPath: pidFile) && waited < 200 {
            usleep(25_000)
            waited += 1
        }
        let text = try String(contentsOfFile: pidFile, encoding: .utf8)
        let sleeper = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        // Gone, or a zombie waiting for init: no longer running either way.
        usleep(100_000)
        let state = (try? String(contentsOfFile: "/proc/\(sleeper)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(state == nil || state == "Z", "the command's `sleep` is still running")
        #expect(ws.read("won.csv") == nil)
    }

    @Test func aHangingCommandIsStoppedWithEverythingItStarted() throws {
        // `sh` starts `sleep`, which would keep the output open after `sh` itself was killed.
        let start = Date()
        let e = try failing("  - file: won.csv\n    command: [sh, -c, \"sleep 30; echo late\"]\n", timeout: 0.5)
        #expect(e.message.hasSuffix("still running after 0.5 s, stopped"))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func anUnsetVariableRunsNothing() throws {
        let e = try failing("  - file: won.csv\n    command: [sh, -c, \"touch ran\", \"${BOARDPACK_TEST_UNSET_VARIABLE}\"]\n")
        #expect(e.message.hasSuffix("`${BOARDPACK_TEST_UNSET_VARIABLE}` is not set"))
        #expect(!FileManager.default.fileExists(atPath: "ran"))
    }

    @Test func aSecretFromTheEnvironmentReachesNoFile() throws {
        // The password is an argument of the command here (worse than PGPASSWORD): it is used,
        // and written nowhere: the lock hashes the command as written, with `${…}`.
        let source =
            "  - file: won.csv\n    command: [sh, -c, \"test \\\"$1\\\" = \\\"$BP_SECRET\\\" && printf 'month,new_customers\\\\n2026-10,9\\\\n'\", sh, \"${BP_SECRET}\"]\n"
        let ws = try Scratch(sources: source)
        let report = ws.run(environment: ["BP_SECRET": "s3cr3t-pw"])
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(ws.read("won.csv") == "month,new_customers\n2026-10,9\n")
        #expect(try !ws.allText().contains("s3cr3t-pw"))
        #expect(!report.diagnostics.description.contains("s3cr3t-pw") && !report.lines.joined().contains("s3cr3t-pw"))
    }

    @Test func aBuildNeverRunsACommandAndSaysWhatToRun() throws {
        let ws = try Scratch(
            sources: "  - file: won.csv\n    command: [sh, -c, \"touch \(FileManager.default.temporaryDirectory.path)/bp-ran\"]\n")
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: ws.content)
        #expect(workspace == nil)
        let e = try #require(diagnostics.first { $0.severity == .error })
        #expect(e.message == "data/won.csv is the snapshot of a command source and has not been written yet")
        #expect(e.hint == "run `boardpack sources --unit acme`: a build reads snapshots and never runs a command")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.path + "/bp-ran"))
    }

    @Test func aSnapshotIsReadWithCommasWhateverTheUnitsExportsUse() throws {
        // The unit's own files are Italian (`;` and decimal comma); psql writes `,` and `.`.
        let ws = try Scratch(sources: Self.printing("won.csv", "month,sales_cycle_days\n2026-10,29.5\n"))
        var yml = try String(contentsOfFile: ws.content + "/units/acme/unit.yml", encoding: .utf8)
        yml += "csv_delimiter: \";\"\ncsv_decimal: comma\n"
        try yml.write(toFile: ws.content + "/units/acme/unit.yml", atomically: true, encoding: .utf8)
        try ws.write("own.csv", "month;leads\n2026-10;1,5\n")
        #expect(!ws.run().diagnostics.hasErrors)
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: ws.content)
        #expect(workspace != nil, "\(diagnostics)")
    }

    @Test func sourcesAreCheckedInUnitYAML() {
        func problems(_ sources: String) -> String {
            let yml = "name: A\nsector: tech\ncurrency: USD\nconfidentiality: B\nsources:\n\(sources)"
            if case .failure(let e) = YAMLFile.decodeAll(UnitConfig.self, from: yml, path: "unit.yml") { return "\(e.diagnostics)" }
            return ""
        }
        #expect(problems("  - file: ../x.csv\n    command: [true]\n").contains("a CSV file name in data/"))
        #expect(problems("  - file: x.csv\n").contains("command"))
        #expect(problems("  - file: x.csv\n    command: []\n").contains("names a program"))
        #expect(problems("  - file: x.csv\n    command: [a]\n    comand: [b]\n").contains("comand"))
        #expect(problems("  - file: x.csv\n    command: [a]\n  - file: x.csv\n    command: [b]\n").contains("two sources write `x.csv`"))
        #expect(problems("  - file: x.csv\n    command: [a]\n").isEmpty)
    }

    @Test func variablesAreTakenFromTheEnvironmentOnly() {
        let source = SourceConfig(file: "x.csv", command: ["psql", "-h", "${HOST}:${PORT}", "${not a name}", "$HOME"])
        #expect(source.variables == ["HOST", "PORT"])
        #expect((try? source.expanded(with: ["HOST": "db", "PORT": "5432"]).get()) == ["psql", "-h", "db:5432", "${not a name}", "$HOME"])
        #expect(source.expanded(with: ["HOST": "db"]) == .failure(SourceConfig.UnsetVariable(name: "PORT")))
    }
}
