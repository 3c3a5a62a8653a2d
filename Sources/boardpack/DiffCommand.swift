import ArgumentParser
import BoardpackContent
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack diff`.
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
