import ArgumentParser
import BoardpackContent
import BoardpackKit
import BoardpackMarkdown
import BoardpackPresentation
import BoardpackSupport
import Foundation

/// The `boardpack` command line: parses arguments, calls the library, prints.
@main
enum Main {
    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), content errors 1.
    static func main() async {
        do {
            var command = try BoardpackCLI.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = BoardpackCLI.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((BoardpackCLI.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            BoardpackCLI.exit(withError: error)
        }
    }
}

struct BoardpackCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boardpack",
        abstract: "Turn Markdown strategy notes and KPI exports into the marketing board pack.",
        version: Boardpack.version,
        subcommands: [Build.self, Check.self, Explain.self, Diff.self, Init.self, Serve.self, Sources.self, KPIs.self]
    )
}

/// Prints diagnostics to standard error, coloured on a terminal.
func report(_ diagnostics: [Diagnostic]) {
    let printer = DiagnosticPrinter(colour: isatty(2) == 1)
    for d in diagnostics { FileHandle.standardError.write(Data(printer.format(d).utf8)) }
}

extension Note.Audience: ExpressibleByArgument {}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
