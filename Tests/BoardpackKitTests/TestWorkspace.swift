import Foundation

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// A small workspace stated as literals, and helpers to build it in memory or on disk.
enum TestWorkspace {
    static let unitYAML = """
        name: Acme Foods S.p.A.
        sector: retail
        currency: EUR
        locale: en-GB
        prepared_by: Test CMO
        confidentiality: Board confidential
        dimensions: [channel, store]
        """

    static let channelsCSV = """
        month,channel,spend,leads,new_customers
        2026-08,search,1000,100,10
        2026-08,social,500,80,4
        2026-09,search,1200,110,12
        2026-09,social,600,70,5
        2026-10,search,1300,120,13
        2026-10,social,700,90,6

        """

    static func note(
        _ title: String, period: String = "2026-10", section: String = "summary", audience: String = "board", draft: Bool = false,
        body: String
    ) -> String {
        """
        ---
        title: \(title)
        period: \(period)
        section: \(section)
        audience: \(audience)
        draft: \(draft)
        author: Test CMO
        ---
        \(body)
        """
    }

    /// The theme shipped in the repository's `templates/` folder.
    static var templatesDir: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }

    static func files(notes: [String: String] = [:], extra: [String: String] = [:]) -> [String: String] {
        var files = [
            "content/boardpack.yml": "title: Test packs\ngenerated_on: 2026-11-05\n",
            "content/units/acme/unit.yml": unitYAML,
            "content/units/acme/data/channels.csv": channelsCSV,
        ]
        for (name, text) in notes { files["content/units/acme/notes/\(name)"] = text }
        for (path, text) in extra { files[path] = text }
        for name in ["pack.mustache", "unit.mustache", "index.mustache", "style.css"] {
            files["templates/\(name)"] = try! String(contentsOfFile: templatesDir + "/" + name, encoding: .utf8)
        }
        return files
    }

    /// Builds the site in memory.
    static func build(_ files: [String: String], options: BuildOptions = BuildOptions()) throws -> Site {
        let fs = InMemoryFileSystem(files)
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: options.contentPath, fileSystem: fs)
        guard let workspace else { throw DiagnosticsError(diagnostics) }
        guard case let .success(templates) = TemplateSet.load(from: options.templatesPath, fileSystem: fs) else {
            throw DiagnosticsError([.error("templates")])
        }
        return try SiteBuilder(options: options, templates: templates).build(workspace).site
    }

    /// Writes files under a new temporary folder and returns its path.
    static func onDisk(_ files: [String: String], in base: String? = nil) throws -> String {
        let root = base ?? FileManager.default.temporaryDirectory.appendingPathComponent("bp-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root
    }
}

/// `text` escaped by the library's one escaping routine, as a string: for expected output.
func escapeHTML(_ text: some StringProtocol) -> String {
    var out: [UInt8] = []
    appendEscapedHTML(text, to: &out)
    return String(decoding: out, as: UTF8.self)
}

extension StringProtocol {
    /// This text escaped for HTML (``escapeHTML(_:)``).
    var htmlEscaped: String { escapeHTML(self) }
}
