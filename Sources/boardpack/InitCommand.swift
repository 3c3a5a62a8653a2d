import ArgumentParser
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack init`.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new workspace with one example unit and the default theme.")

    @Argument(help: "The folder to create.") var directory: String
    @Option(help: "The example unit's sector: retail, tech, luxury or banking.") var sector = "retail"
    @Option(help: "The example's language and formats: en-GB, en-US or it-IT.") var locale = "en-GB"

    func run() throws {
        do {
            let files = try BoardpackCommands.initWorkspace(at: directory, sector: sector, locale: locale)
            print(
                "Created \(files.count) files in \(directory)/. Next: cd \(directory) && boardpack build (make install puts boardpack on the PATH)"
            )
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode(1)
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data("error: \(usage)\n".utf8))
            throw ExitCode(2)
        }
    }
}
