/// Reads and validates a content workspace, collecting every problem before giving up.
public struct WorkspaceLoader: Sendable {
    public var fileSystem: any FileSystem
    /// Measures a CSV column may name (built-in, sector and `metrics.yml` ones); the caller
    /// supplies them from the dictionary so content loading stays independent of it.
    public var knownMeasures: @Sendable (_ metricsFile: TextFile?) -> (Set<String>, [Diagnostic])

    public init(fileSystem: any FileSystem, knownMeasures: @escaping @Sendable (_ metricsFile: TextFile?) -> (Set<String>, [Diagnostic])) {
        self.fileSystem = fileSystem
        self.knownMeasures = knownMeasures
    }

    /// Loads `root`. Returns the workspace (nil when there are errors) and all diagnostics.
    public func load(root: String, onlyUnits: Set<String> = []) -> (Workspace?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sitePath = join(root, "boardpack.yml")
        var site = SiteConfig()
        if fileSystem.exists(sitePath) {
            switch decodeYAML(SiteConfig.self, path: sitePath) {
            case let .success(config): site = config
            case let .failure(d): diagnostics.append(d)
            }
        }
        let metricsPath = join(root, "metrics.yml")
        let metricsFile = fileSystem.exists(metricsPath) ? readText(metricsPath, &diagnostics) : nil
        let (measures, dictionaryDiagnostics) = knownMeasures(metricsFile)
        diagnostics += dictionaryDiagnostics
        var playbooks: [TextFile] = []
        let playbookDir = join(root, "playbooks")
        if fileSystem.isDirectory(playbookDir) {
            for name in (try? fileSystem.list(playbookDir)) ?? [] where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                if let file = readText(join(playbookDir, name), &diagnostics) { playbooks.append(file) }
            }
        }
        let unitsDir = join(root, "units")
        var units: [UnitContent] = []
        if !fileSystem.isDirectory(unitsDir) {
            diagnostics.append(.error("no `units` folder: a workspace needs units/<unit-id>/unit.yml", at: SourceLocation(file: root)))
        }
        for id in (try? fileSystem.list(unitsDir)) ?? [] where fileSystem.isDirectory(join(unitsDir, id)) {
            if !onlyUnits.isEmpty && !onlyUnits.contains(id) { continue }
            if let unit = loadUnit(id: id, dir: join(unitsDir, id), measures: measures, &diagnostics) { units.append(unit) }
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Workspace(root: root, site: site, units: units, metricsFile: metricsFile, playbookFiles: playbooks), diagnostics)
    }

    func loadUnit(id: String, dir: String, measures: Set<String>, _ diagnostics: inout [Diagnostic]) -> UnitContent? {
        let configPath = join(dir, "unit.yml")
        guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }), !id.isEmpty else {
            diagnostics.append(.error("unit folder `\(id)` must be named with lowercase letters, digits and `-` only", at: SourceLocation(file: dir)))
            return nil
        }
        guard fileSystem.exists(configPath) else {
            diagnostics.append(.error("missing unit.yml", at: SourceLocation(file: configPath)))
            return nil
        }
        let config: UnitConfig
        switch decodeYAML(UnitConfig.self, path: configPath) {
        case let .success(c): config = c
        case let .failure(d):
            diagnostics.append(d)
            return nil
        }
        var options = CSVOptions()
        options.delimiter = UInt8(ascii: config.csvDelimiter == ";" ? ";" : ",")
        options.decimalComma = config.csvDecimal == "comma"
        let schema = DataFileSchema(allowedDimensions: Set(config.dimensions).union(["channel"]), knownMeasures: measures)
        var files: [DataFile] = []
        let dataDir = join(dir, "data")
        for name in (try? fileSystem.list(dataDir)) ?? [] where name.hasSuffix(".csv") {
            let path = join(dataDir, name)
            guard let bytes = try? fileSystem.read(path) else {
                diagnostics.append(.error("cannot read the file", at: SourceLocation(file: path)))
                continue
            }
            let (file, found) = DataFileReader.read(bytes: bytes, path: path, options: options, schema: schema)
            diagnostics += found
            if let file { files.append(file) }
        }
        var notes: [Note] = []
        let notesDir = join(dir, "notes")
        for name in (try? fileSystem.list(notesDir)) ?? [] where name.hasSuffix(".md") {
            guard let file = readText(join(notesDir, name), &diagnostics) else { continue }
            switch Note.parse(text: file.text, path: file.path) {
            case let .success(note): notes.append(note)
            case let .failure(d): diagnostics.append(d)
            }
        }
        return UnitContent(id: id, config: config, configPath: configPath, dataFiles: files, notes: notes)
    }

    func decodeYAML<T: Decodable>(_ type: T.Type, path: String) -> Result<T, Diagnostic> {
        var diagnostics: [Diagnostic] = []
        guard let file = readText(path, &diagnostics) else { return .failure(diagnostics[0]) }
        return YAMLFile.decode(type, from: file.text, path: path)
    }

    func readText(_ path: String, _ diagnostics: inout [Diagnostic]) -> TextFile? {
        guard let bytes = try? fileSystem.read(path) else {
            diagnostics.append(.error("cannot read the file", at: SourceLocation(file: path)))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error("the file is not valid UTF-8", at: SourceLocation(file: path)))
            return nil
        }
        return TextFile(path: path, text: text)
    }

    func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
