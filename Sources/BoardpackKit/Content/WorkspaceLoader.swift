import Foundation

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
            case let .failure(e): diagnostics += e.diagnostics
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
        var pending: [PendingUnit] = []
        for id in (try? fileSystem.list(unitsDir)) ?? [] where fileSystem.isDirectory(join(unitsDir, id)) {
            if !onlyUnits.isEmpty && !onlyUnits.contains(id) { continue }
            if let unit = prepareUnit(id: id, dir: join(unitsDir, id), measures: measures, &diagnostics) { pending.append(unit) }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let dataFiles = readDataFiles(pending)
        let dataSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let dirs = pending.map(\.dir)
        let notes = ResultSlots<([Note], [Diagnostic])>(count: dirs.count)
        DispatchQueue.concurrentPerform(iterations: dirs.count) { i in notes.set(i, readNotes(dirs[i])) }
        for (i, (unitNotes, found)) in notes.values.enumerated() {
            let unit = pending[i]
            diagnostics += dataFiles[i].1 + found
            var content = UnitContent(
                id: unit.id, config: unit.config, configPath: unit.configPath, dataFiles: dataFiles[i].0, notes: unitNotes)
            content.configText = unit.configText
            units.append(content)
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var workspace = Workspace(root: root, site: site, units: units, metricsFile: metricsFile, playbookFiles: playbooks)
        workspace.dataReadSeconds = dataSeconds
        return (workspace, diagnostics)
    }

    /// A unit whose `unit.yml` is read, waiting for its data files and notes.
    struct PendingUnit: Sendable {
        var id: String
        var dir: String
        var config: UnitConfig
        var configPath: String
        var configText: String
        var options: CSVOptions
        var schema: DataFileSchema
    }

    func prepareUnit(id: String, dir: String, measures: Set<String>, _ diagnostics: inout [Diagnostic]) -> PendingUnit? {
        let configPath = join(dir, "unit.yml")
        guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }), !id.isEmpty else {
            diagnostics.append(
                .error("unit folder `\(id)` must be named with lowercase letters, digits and `-` only", at: SourceLocation(file: dir)))
            return nil
        }
        guard fileSystem.exists(configPath) else {
            diagnostics.append(.error("missing unit.yml", at: SourceLocation(file: configPath)))
            return nil
        }
        guard let file = readText(configPath, &diagnostics) else { return nil }
        let config: UnitConfig
        switch YAMLFile.decodeAll(UnitConfig.self, from: file.text, path: configPath) {
        case let .success(c): config = c
        case let .failure(e):
            diagnostics += e.diagnostics
            return nil
        }
        var options = CSVOptions()
        options.delimiter = UInt8(ascii: config.csvDelimiter == ";" ? ";" : ",")
        options.decimalComma = config.csvDecimal == "comma"
        let schema = DataFileSchema(allowedDimensions: Set(config.dimensions).union(["channel"]), knownMeasures: measures)
        return PendingUnit(
            id: id, dir: dir, config: config, configPath: configPath, configText: file.text, options: options, schema: schema)
    }

    /// Reads and validates every unit's `data/*.csv`, all files on every core; per unit, the
    /// files in file-name order and their diagnostics.
    func readDataFiles(_ units: [PendingUnit]) -> [([DataFile], [Diagnostic])] {
        var found: [(unit: Int, path: String, bytes: [UInt8]?)] = []
        for (u, unit) in units.enumerated() {
            let dataDir = join(unit.dir, "data")
            for name in (try? fileSystem.list(dataDir)) ?? [] where name.hasSuffix(".csv") {
                let path = join(dataDir, name)
                found.append((u, path, try? fileSystem.read(path)))
            }
        }
        // Largest files first, so that one big file does not finish alone at the end.
        let jobs = found
        let sizes: [Int] = jobs.map { $0.bytes?.count ?? 0 }
        let schedule = jobs.indices.sorted { sizes[$0] > sizes[$1] }
        let slots = ResultSlots<(DataFile?, [Diagnostic])>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let job = jobs[schedule[k]]
            guard let bytes = job.bytes else {
                slots.set(schedule[k], (nil, [.error("cannot read the file", at: SourceLocation(file: job.path))]))
                return
            }
            let unit = units[job.unit]
            slots.set(schedule[k], DataFileReader.read(bytes: bytes, path: job.path, options: unit.options, schema: unit.schema))
        }
        var result = [([DataFile], [Diagnostic])](repeating: ([], []), count: units.count)
        for (j, (file, found)) in slots.values.enumerated() {
            result[jobs[j].unit].1 += found
            if let file { result[jobs[j].unit].0.append(file) }
        }
        return result
    }

    /// A unit's `notes/*.md`, parsed, in file-name order.
    func readNotes(_ dir: String) -> ([Note], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var notes: [Note] = []
        let notesDir = join(dir, "notes")
        for name in (try? fileSystem.list(notesDir)) ?? [] where name.hasSuffix(".md") {
            guard let file = readText(join(notesDir, name), &diagnostics) else { continue }
            switch Note.parse(text: file.text, path: file.path) {
            case let .success(note): notes.append(note)
            case let .failure(e): diagnostics += e.diagnostics
            }
        }
        return (notes, diagnostics)
    }

    func decodeYAML<T: Decodable>(_ type: T.Type, path: String) -> Result<T, DiagnosticsError> {
        var diagnostics: [Diagnostic] = []
        guard let file = readText(path, &diagnostics) else { return .failure(DiagnosticsError(diagnostics)) }
        return YAMLFile.decodeAll(type, from: file.text, path: path)
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
