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
        let (dataFiles, notes, dataSeconds) = readContent(pending)
        for (i, unit) in pending.enumerated() {
            diagnostics += dataFiles[i].1 + notes[i].1
            var content = UnitContent(
                id: unit.id, config: unit.config, configPath: unit.configPath, dataFiles: dataFiles[i].0, notes: notes[i].0)
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

    /// One piece of the parallel read: a data file, or a run of one unit's notes.
    enum ReadJob {
        case data(unit: Int, path: String, size: Int)
        case notes(unit: Int, paths: ArraySlice<String>)
    }

    /// What a `ReadJob` produced.
    enum ReadResult {
        case data(DataFile?, [Diagnostic], finished: UInt64)
        case notes([Note], [Diagnostic])
    }

    /// Notes per job: small enough that the last jobs even out the cores' finishing times.
    static let notesPerJob = 8

    /// Reads and validates every unit's `data/*.csv` and parses its `notes/*.md`, all in one
    /// pass on every core: the two are independent, so the notes fill the gaps the CSV files
    /// leave instead of waiting for the last of them. Per unit, the files and notes come back
    /// in file-name order with their diagnostics; `dataSeconds` is the wall-clock time from
    /// the start until the last CSV file is read, for `build --timings`.
    func readContent(
        _ units: [PendingUnit]
    ) -> (data: [([DataFile], [Diagnostic])], notes: [([Note], [Diagnostic])], dataSeconds: Double) {
        var dataJobs: [ReadJob] = []
        var noteJobs: [ReadJob] = []
        for (u, unit) in units.enumerated() {
            let dataDir = join(unit.dir, "data")
            for name in (try? fileSystem.list(dataDir)) ?? [] where name.hasSuffix(".csv") {
                let path = join(dataDir, name)
                dataJobs.append(.data(unit: u, path: path, size: fileSystem.size(path) ?? 0))
            }
            let notesDir = join(unit.dir, "notes")
            let paths = ((try? fileSystem.list(notesDir)) ?? []).filter { $0.hasSuffix(".md") }.map { join(notesDir, $0) }
            for first in stride(from: 0, to: paths.count, by: Self.notesPerJob) {
                noteJobs.append(.notes(unit: u, paths: paths[first..<min(first + Self.notesPerJob, paths.count)]))
            }
        }
        // Largest files first, so that one big file does not finish alone at the end; the
        // notes, each job far smaller than a big file, come last. Each job fills its own slot,
        // so the result does not depend on scheduling.
        let jobs = dataJobs + noteJobs
        let sizes = jobs.map { job -> Int in if case let .data(_, _, size) = job { size } else { -1 } }
        let schedule = jobs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let start = DispatchTime.now().uptimeNanoseconds
        let slots = ResultSlots<ReadResult>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let j = schedule[k]
            switch jobs[j] {
            case let .data(u, path, _):
                let (file, found) = readDataFile(path, unit: units[u])
                slots.set(j, .data(file, found, finished: DispatchTime.now().uptimeNanoseconds))
            case let .notes(_, paths):
                let (notes, found) = readNotes(paths)
                slots.set(j, .notes(notes, found))
            }
        }
        // Merged in the order the jobs were listed: per unit, file-name order.
        var data = [([DataFile], [Diagnostic])](repeating: ([], []), count: units.count)
        var notes = [([Note], [Diagnostic])](repeating: ([], []), count: units.count)
        var dataEnd = start
        for (job, result) in zip(jobs, slots.values) {
            switch (job, result) {
            case let (.data(u, _, _), .data(file, found, finished)):
                data[u].1 += found
                if let file { data[u].0.append(file) }
                dataEnd = max(dataEnd, finished)
            case let (.notes(u, _), .notes(found, problems)):
                notes[u].0 += found
                notes[u].1 += problems
            default:
                preconditionFailure("a read job's result is of another kind")
            }
        }
        return (data, notes, Double(dataEnd - start) / 1e9)
    }

    /// Reads and validates one data file.
    func readDataFile(_ path: String, unit: PendingUnit) -> (DataFile?, [Diagnostic]) {
        guard let bytes = try? fileSystem.read(path) else {
            return (nil, [.error("cannot read the file", at: SourceLocation(file: path))])
        }
        return DataFileReader.read(bytes: bytes, path: path, options: unit.options, schema: unit.schema)
    }

    /// Some of a unit's `notes/*.md`, parsed, in the order given.
    func readNotes(_ paths: ArraySlice<String>) -> ([Note], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var notes: [Note] = []
        for path in paths {
            guard let file = readText(path, &diagnostics) else { continue }
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
