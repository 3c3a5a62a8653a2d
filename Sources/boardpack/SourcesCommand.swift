import ArgumentParser
import BoardpackKit
import Foundation

/// `boardpack sources`.
struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refresh the snapshots of the units' command sources (data/<file> and data/sources.lock).",
        discussion: """
            Runs each `command:` source of unit.yml without a shell, ${VAR} taken from this \
            command's environment, checks its output as boardpack CSV and writes it atomically. \
            A failing source keeps its previous snapshot. `build` never runs a command.
            """)

    @Option(help: "The content workspace.") var content = "content"
    @Option(name: .customLong("unit"), help: "Refresh only this unit (repeatable).") var units: [String] = []
    @Option(help: "Seconds a command may run before it is stopped.") var timeout: Double = 300

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a number of seconds above 0") }
    }

    func run() throws {
        let result = BoardpackCommands.sources(contentPath: content, units: Set(units), timeout: timeout)
        for line in result.lines { print(line) }
        report(result.diagnostics)
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
