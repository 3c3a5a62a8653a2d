import ArgumentParser
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site on 127.0.0.1, rebuilding when content changes.")

    @Option(help: "The port.") var port: UInt16 = 8000
    @Option(help: "The content workspace.") var content = "content"
    @Option(help: "The theme folder.") var templates = "templates"
    @Option(help: "The output folder (owned by boardpack).") var output = "output"
    @Flag(help: "Include draft notes.") var drafts = false

    func run() async throws {
        let options = BuildOptions(contentPath: content, templatesPath: templates, outputPath: output, includeDrafts: drafts)
        do {
            try await PreviewServer(options: options, port: port).run { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data("error: \(usage)\n".utf8))
            throw ExitCode(2)
        }
    }
}
