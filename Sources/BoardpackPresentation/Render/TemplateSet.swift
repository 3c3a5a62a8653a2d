import BoardpackSupport
import Mustache

/// The theme: Mustache page templates and the one stylesheet, loaded from `templates/`.
///
/// swift-mustache escapes HTML by default and reports template syntax errors with line and
/// column at load time. Big generated fragments (charts, long tables) are handed to the
/// templates pre-rendered, as `{{{triple}}}` values, to keep the engine out of inner loops.
package struct TemplateSet: Sendable {
    /// Template names every theme must provide (`<name>.mustache`).
    package static let required = ["pack", "unit", "index"]

    var library: MustacheLibrary
    /// The stylesheet, inlined into every page's one `<style>` element.
    var stylesheet: String {
        didSet { stylesheetDigest = StylesheetDigest(stylesheet) }
    }
    /// The stylesheet hashed once for every page's Content-Security-Policy.
    private(set) var stylesheetDigest: StylesheetDigest
    init(library: MustacheLibrary, stylesheet: String) {
        self.library = library
        self.stylesheet = stylesheet
        stylesheetDigest = StylesheetDigest(stylesheet)
    }

    /// Loads `dir/*.mustache` and `dir/style.css`, reporting every problem. When `dir` does
    /// not exist and `fallBackToDefault` is set, the theme built into the tool is used.
    package static func load(
        from dir: String, fileSystem: any FileSystem, fallBackToDefault: Bool = false
    ) -> Result<TemplateSet, DiagnosticsError> {
        if fallBackToDefault && !fileSystem.isDirectory(dir) {
            return load(
                from: "<built-in theme>",
                fileSystem: InMemoryFileSystem(
                    Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ("<built-in theme>/\($0.key)", $0.value) })))
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        let names = (try? fileSystem.list(dir)) ?? []
        for name in names where name.hasSuffix(".mustache") {
            let path = dir + "/" + name
            guard let bytes = try? fileSystem.read(path), let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.error("cannot read the template (is it UTF-8?)", at: SourceLocation(file: path)))
                continue
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheLibrary.ParserError {
                diagnostics.append(templateDiagnostic(error.error, error.context, path: path))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(templateDiagnostic(error.error, error.context, path: path))
            } catch {
                diagnostics.append(.error("invalid template: \(error)", at: SourceLocation(file: path)))
            }
        }
        for name in required where !names.contains(name + ".mustache") {
            diagnostics.append(.error("the theme has no \(name).mustache", at: SourceLocation(file: dir)))
        }
        let cssPath = dir + "/style.css"
        let css = (try? fileSystem.read(cssPath)).flatMap { String(validating: $0, as: UTF8.self) }
        if css == nil { diagnostics.append(.error("the theme has no readable style.css", at: SourceLocation(file: cssPath))) }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        return .success(TemplateSet(library: library, stylesheet: css ?? ""))
    }

    static func templateDiagnostic(_ error: any Error, _ context: MustacheParserContext, path: String) -> Diagnostic {
        .error("invalid template: \(error)", at: SourceLocation(file: path, line: context.lineNumber, column: context.columnNumber))
    }

    /// Renders template `name` with a dictionary context.
    package func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders template `name` with a context that finds its keys itself.
    func render(_ name: String, _ context: some MustacheParent) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// A pack page as UTF-8: the `pack` template's shell rendered by Mustache, with the
    /// sections spliced in where it asks for `main`.
    func renderPack(_ context: PackPage.ShellContext) -> [UInt8] {
        PackPage.splice(context.sections, into: render("pack", context))
    }
}
