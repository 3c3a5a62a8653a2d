import ArgumentParser
import BoardpackKit
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
        subcommands: [Build.self, Check.self, Explain.self, Diff.self, Init.self, Serve.self]
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

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from a content workspace.")

    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The theme folder.") var templates = "templates"
    @Option(help: "The output folder (owned by boardpack).") var output = "output"
    @Option(name: .customLong("unit"), help: "Only this unit (repeatable).") var units: [String] = []
    @Option(name: .customLong("period"), help: "Only this period, YYYY-MM or YYYY-Qn (repeatable).") var periods: [Period] = []
    @Option(help: "board, management or staff.") var audience: Note.Audience = .board
    @Flag(help: "Include draft notes and mark the pack DRAFT.") var drafts = false
    @Flag(help: "Print each phase's time to standard error.") var timings = false

    func run() throws {
        let options = BuildOptions(
            contentPath: content, templatesPath: templates, outputPath: output, units: Set(units), periods: Set(periods),
            audience: audience, includeDrafts: drafts)
        do {
            let onTerminal = isatty(2) == 1
            let result = try BoardpackCommands.build(options) { phase in
                if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K… \(phase)".utf8)) }
            }
            if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            report(result.warnings)
            if timings {
                for t in result.timings + result.details { FileHandle.standardError.write(Data("timing \(t.phase) \(String(format: "%.4f", t.seconds))\n".utf8)) }
            }
            let warnings = result.warnings.isEmpty ? "" : ", \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
            print("Built \(result.packCount) pack\(result.packCount == 1 ? "" : "s") for \(result.unitCount) unit\(result.unitCount == 1 ? "" : "s") in \(String(format: "%.2f", result.seconds)) s\(warnings) → \(output)/")
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode(1)
        } catch let d as Diagnostic {
            report([d])
            throw ExitCode(1)
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data("error: \(usage)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the workspace and report every problem.")

    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The theme folder.") var templates = "templates"

    func run() throws {
        let diagnostics = BoardpackCommands.check(contentPath: content, templatesPath: templates)
        report(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a KPI's formula, inputs, sources and result for one pack.")

    @Argument(help: "The KPI id, e.g. cac.") var kpi: String
    @Option(help: "The unit id.") var unit: String
    @Option(help: "The period, YYYY-MM or YYYY-Qn.") var period: Period
    @Option(help: "The content workspace.") var content = "content"

    func run() throws {
        do {
            print(try BoardpackCommands.explain(kpi: kpi, unit: unit, period: period, contentPath: content), terminator: "")
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What changed between two packs of a unit.")

    @Option(help: "The unit id.") var unit: String
    @Argument(help: "The earlier period, YYYY-MM or YYYY-Qn.") var from: Period
    @Argument(help: "The later period.") var to: Period
    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The published site, for changed definitions and restated history.") var output = "output"

    func run() throws {
        do {
            print(try BoardpackCommands.diff(unit: unit, from: from, to: to, contentPath: content, outputPath: output), terminator: "")
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new workspace with one example unit and the default theme.")

    @Argument(help: "The folder to create.") var directory: String

    func run() throws {
        do {
            let files = try BoardpackCommands.initWorkspace(at: directory)
            print("Created \(files.count) files in \(directory)/. Next: cd \(directory) && boardpack build")
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site on 127.0.0.1, rebuilding when content changes.")

    @Option(help: "The port.") var port: UInt16 = 8000
    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The theme folder.") var templates = "templates"
    @Option(help: "The output folder (owned by boardpack).") var output = "output"
    @Flag(help: "Include draft notes.") var drafts = false

    func run() async throws {
        let options = BuildOptions(contentPath: content, templatesPath: templates, outputPath: output, includeDrafts: drafts)
        try await PreviewServer(options: options, port: port).run { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}
