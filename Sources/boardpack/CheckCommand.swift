import ArgumentParser
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack check`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the workspace and report every problem.")

    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The theme folder.") var templates = "templates"
    @Option(help: "The largest content file read, in bytes.") var maxFileSize = DiskFileSystem.defaultMaxFileSize

    func run() throws {
        let diagnostics = BoardpackCommands.check(contentPath: content, templatesPath: templates, maxFileSize: maxFileSize)
        report(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
