import ArgumentParser
import BoardpackContent
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack build`.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from a content workspace.")

    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The theme folder.") var templates = "templates"
    @Option(help: "The output folder (owned by boardpack).") var output = "output"
    @Option(name: .customLong("unit"), help: "Only this unit (repeatable).") var units: [String] = []
    @Option(name: .customLong("period"), help: "Only this period, YYYY-MM or YYYY-Qn (repeatable).") var periods: [Period] = []
    @Option(help: "board, management or staff.") var audience: Note.Audience = .board
    @Flag(help: "Include draft notes and mark the pack DRAFT.") var drafts = false
    @Flag(help: "Replace an output built for another audience or drafts setting, or holding files boardpack did not write.")
    var force = false
    @Option(help: "The largest content file read, in bytes.") var maxFileSize = DiskFileSystem.defaultMaxFileSize
    @Flag(help: "Print each phase's time to standard error.") var timings = false

    func run() throws {
        var options = BuildOptions(
            contentPath: content, templatesPath: templates, outputPath: output, units: Set(units), periods: Set(periods),
            audience: audience, includeDrafts: drafts, force: force)
        options.maxFileSize = maxFileSize
        do {
            let onTerminal = isatty(2) == 1
            let result = try BoardpackCommands.build(options) { phase in
                if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K… \(phase)".utf8)) }
            }
            if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            report(result.warnings)
            if timings {
                for t in result.timings + result.details {
                    FileHandle.standardError.write(Data("timing \(t.phase) \(String(format: "%.4f", t.seconds))\n".utf8))
                }
            }
            let warnings = result.warnings.isEmpty ? "" : ", \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
            print(
                "Built \(result.packCount) pack\(result.packCount == 1 ? "" : "s") for \(result.unitCount) unit\(result.unitCount == 1 ? "" : "s") in \(String(format: "%.2f", result.seconds)) s\(warnings) → \(output)/"
            )
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
