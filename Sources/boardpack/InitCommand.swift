import ArgumentParser
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack init`.
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
