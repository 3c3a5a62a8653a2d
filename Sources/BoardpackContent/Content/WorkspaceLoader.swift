import BoardpackSupport
import Foundation

/// Reads and validates a content workspace, collecting every problem before giving up.
package struct WorkspaceLoader: Sendable {
    package var fileSystem: any FileSystem
    /// Measures a CSV column may name (built-in, sector and `metrics.yml` ones); the caller
    /// supplies them from the dictionary so content loading stays independent of it.
    package var knownMeasures: @Sendable (_ metricsFile: TextFile?) -> (Set<String>, [Diagnostic])

    package init(fileSystem: any FileSystem, knownMeasures: @escaping @Sendable (_ metricsFile: TextFile?) -> (Set<String>, [Diagnostic])) {
        self.fileSystem = fileSystem
        self.knownMeasures = knownMeasures
    }

    /// Loads `root`. Returns the workspace (nil when there are errors) and all diagnostics.
    ///
    /// Two passes on every core. First the workspace's settings (`boardpack.yml`,
    /// `metrics.yml`, the playbooks: one job) and each unit's `unit.yml`; then the CSV files,
    /// which need them, largest first, and the notes, which fill the cores as the last files
    /// finish.
    package func load(root: String, onlyUnits: Set<String> = []) -> (Workspace?, [Diagnostic]) {
        let unitsDir = join(root, "units")
        let folders = ((try? fileSystem.list(unitsDir)) ?? []).filter { id in
            fileSystem.isDirectory(join(unitsDir, id)) && (onlyUnits.isEmpty || onlyUnits.contains(id))
        }
        let settingsSlot = ResultSlots<Settings>(count: 1)
        let unitSlots = ResultSlots<(PendingUnit?, [Diagnostic])>(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: 1 + folders.count) { k in
            if k == 0 {
                settingsSlot.set(0, readSettings(root: root))
            } else {
                var found: [Diagnostic] = []
                let unit = prepareUnit(id: folders[k - 1], dir: join(unitsDir, folders[k - 1]), &found)
                unitSlots.set(k - 1, (unit, found))
            }
        }
        let settings = settingsSlot.values[0]
        var diagnostics = settings.diagnostics
        // The units whose unit.yml was read (the others are reported, and not read further).
        var pending: [PendingUnit] = []
        for (unit, found) in unitSlots.values {
            diagnostics += found
            if var unit {
                unit.schema.knownMeasures = settings.measures
                // A dimension named like a measure would read its numbers as text.
                for name in unit.config.dimensions where settings.measures.contains(name) {
                    diagnostics.append(
                        .error(
                            "`\(name)` is a measure, not a dimension: remove it from `dimensions`",
                            at: YAMLFile.location(of: ["dimensions"], in: unit.configText, path: unit.configPath)
                                ?? SourceLocation(file: unit.configPath)))
                }
                pending.append(unit)
            }
        }
        let (dataFiles, notes, dataSeconds) = readContent(pending)
        var units: [UnitContent] = []
        for (u, unit) in pending.enumerated() {
            diagnostics += dataFiles[u].1 + notes[u].1
            diagnostics += missingSnapshots(unit)
            var content = UnitContent(
                id: unit.id, config: unit.config, configPath: unit.configPath, dataFiles: dataFiles[u].0, notes: notes[u].0)
            content.configText = unit.configText
            units.append(content)
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var workspace = Workspace(
            root: root, site: settings.site, units: units, metricsFile: settings.metricsFile, playbookFiles: settings.playbooks)
        workspace.dataReadSeconds = dataSeconds
        return (workspace, diagnostics)
    }

    /// A unit's settings and the schema its data files are checked against, without reading
    /// any data file: what `boardpack sources` needs to check a command's output.
    package struct SourceUnit: Sendable {
        package var id: String
        /// The unit's `data/` folder.
        package var dataDir: String
        package var config: UnitConfig
        package var configPath: String
        package var schema: DataFileSchema
        /// Where `sources:` is in `unit.yml`, for the messages about a source.
        package var sourcesLocation: SourceLocation
        /// Where each source's `command` is.
        package var sourceLocations: [SourceLocation] = []
    }

    /// Every unit (or those of `onlyUnits`) with its settings, and the problems of the
    /// workspace's settings and the units' `unit.yml`.
    package func sourceUnits(root: String, onlyUnits: Set<String> = []) -> ([SourceUnit], [Diagnostic]) {
        let unitsDir = join(root, "units")
        let folders = ((try? fileSystem.list(unitsDir)) ?? []).filter { id in
            fileSystem.isDirectory(join(unitsDir, id)) && (onlyUnits.isEmpty || onlyUnits.contains(id))
        }
        let settings = readSettings(root: root)
        var diagnostics = settings.diagnostics
        var units: [SourceUnit] = []
        for id in folders {
            guard var unit = prepareUnit(id: id, dir: join(unitsDir, id), &diagnostics) else { continue }
            unit.schema.knownMeasures = settings.measures
            let at = YAMLFile.location(of: ["sources"], in: unit.configText, path: unit.configPath) ?? SourceLocation(file: unit.configPath)
            var found = SourceUnit(
                id: id, dataDir: join(unit.dir, "data"), config: unit.config, configPath: unit.configPath, schema: unit.schema,
                sourcesLocation: at)
            found.sourceLocations = unit.config.sources.indices.map { i in
                YAMLFile.location(of: ["sources", "\(i)", "command"], in: unit.configText, path: unit.configPath) ?? at
            }
            units.append(found)
        }
        return (units, diagnostics)
    }

    /// The command sources of `unit` whose snapshot is not in `data/` yet: `build` never runs
    /// a command, so it says what to run.
    func missingSnapshots(_ unit: PendingUnit) -> [Diagnostic] {
        unit.config.sources.filter { $0.command != nil && !fileSystem.exists(join(join(unit.dir, "data"), $0.file)) }.map { source in
            .error(
                "data/\(source.file) is the snapshot of a command source and has not been written yet",
                at: YAMLFile.location(of: ["sources"], in: unit.configText, path: unit.configPath) ?? SourceLocation(file: unit.configPath),
                hint: "run `boardpack sources --unit \(unit.id)`: a build reads snapshots and never runs a command")
        }
    }

    /// The workspace's own settings: `boardpack.yml`, `metrics.yml` and the playbooks.
    struct Settings: Sendable {
        var site = SiteConfig()
        var metricsFile: TextFile?
        /// The measures a CSV column may name.
        var measures: Set<String> = []
        var playbooks: [TextFile] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Reads `boardpack.yml`, `metrics.yml` and the playbooks, and checks that `units` exists.
    func readSettings(root: String) -> Settings {
        var settings = Settings()
        let sitePath = join(root, "boardpack.yml")
        if fileSystem.exists(sitePath) {
            switch decodeYAML(SiteConfig.self, path: sitePath) {
            case let .success(config): settings.site = config
            case let .failure(e): settings.diagnostics += e.diagnostics
            }
        }
        let metricsPath = join(root, "metrics.yml")
        settings.metricsFile = fileSystem.exists(metricsPath) ? readText(metricsPath, &settings.diagnostics) : nil
        let (measures, dictionaryDiagnostics) = knownMeasures(settings.metricsFile)
        settings.measures = measures
        settings.diagnostics += dictionaryDiagnostics
        let playbookDir = join(root, "playbooks")
        if fileSystem.isDirectory(playbookDir) {
            for name in (try? fileSystem.list(playbookDir)) ?? [] where Self.hasExtension(name, "yml", "yaml") {
                if let file = readText(join(playbookDir, name), &settings.diagnostics) { settings.playbooks.append(file) }
            }
        }
        if !fileSystem.isDirectory(join(root, "units")) {
            settings.diagnostics.append(
                .error("no `units` folder: a workspace needs units/<unit-id>/unit.yml", at: SourceLocation(file: root)))
        }
        return settings
    }

    /// A unit whose `unit.yml` is read, waiting for its data files and notes. Its schema's
    /// measures are filled in once `metrics.yml` is read.
    struct PendingUnit: Sendable {
        var id: String
        var dir: String
        var config: UnitConfig
        var configPath: String
        var configText: String
        var options: CSVOptions
        var schema: DataFileSchema
    }

    func prepareUnit(id: String, dir: String, _ diagnostics: inout [Diagnostic]) -> PendingUnit? {
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
        let schema = DataFileSchema(allowedDimensions: Set(config.dimensions).union(["channel"]), knownMeasures: [])
        return PendingUnit(
            id: id, dir: dir, config: config, configPath: configPath, configText: file.text, options: options, schema: schema)
    }

    /// One piece of the second pass: a data file, or a unit's notes.
    enum ContentJob {
        case data(unit: Int, path: String, reader: DataReader)
        case notes(unit: Int)
    }

    /// What a `ContentJob` produced; a data file with the time its job ended.
    enum ContentResult {
        case data(DataFile?, [Diagnostic], finished: UInt64)
        case notes([Note], [Diagnostic])
    }

    /// Reads and validates every unit's `data/*.csv` and parses its `notes/*.md`, on every
    /// core: the CSV files largest first, so that one big file does not finish alone at the
    /// end, then the notes, each far shorter than a big file. Per unit, the files and notes
    /// in file-name order with their diagnostics; `dataSeconds` is the wall-clock time until
    /// the last CSV file was read, for `build --timings`.
    func readContent(
        _ units: [PendingUnit]
    ) -> (data: [([DataFile], [Diagnostic])], notes: [([Note], [Diagnostic])], dataSeconds: Double) {
        let dataJobs = units.enumerated().flatMap { u, unit in
            let dataDir = join(unit.dir, "data")
            return ((try? fileSystem.list(dataDir)) ?? []).compactMap { name in
                // Hidden files and Excel's lock files (`~$budget.xlsx`, written while the workbook is
                // open) are not data.
                name.hasPrefix(".") || name.hasPrefix("~$")
                    ? nil : DataReader.reader(for: name).map { ContentJob.data(unit: u, path: join(dataDir, name), reader: $0) }
            }
        }
        let jobs = dataJobs + units.indices.map { ContentJob.notes(unit: $0) }
        let sizes = jobs.map { job -> Int in
            guard case let .data(_, path, _) = job else { return -1 }
            return fileSystem.size(path) ?? 0
        }
        let schedule = jobs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let start = DispatchTime.now().uptimeNanoseconds
        let slots = ResultSlots<ContentResult>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            switch jobs[schedule[k]] {
            case let .data(u, path, reader):
                let (file, found) = readDataFile(path, unit: units[u], with: reader)
                slots.set(schedule[k], .data(file, found, finished: DispatchTime.now().uptimeNanoseconds))
            case let .notes(u):
                let (notes, found) = readNotes(join(units[u].dir, "notes"))
                slots.set(schedule[k], .notes(notes, found))
            }
        }
        var data = [([DataFile], [Diagnostic])](repeating: ([], []), count: units.count)
        var notes = [([Note], [Diagnostic])](repeating: ([], []), count: units.count)
        var dataEnd = start
        // In the order the jobs were listed: per unit, file-name order.
        for (job, result) in zip(jobs, slots.values) {
            switch (job, result) {
            case let (.data(u, _, _), .data(file, found, finished)):
                data[u].1 += found
                if let file { data[u].0.append(file) }
                dataEnd = max(dataEnd, finished)
            case let (.notes(u), .notes(found, problems)):
                notes[u] = (found, problems)
            default:
                preconditionFailure("a content job's result is of another kind")
            }
        }
        return (data, notes, Double(dataEnd - start) / 1e9)
    }

    /// Reads and validates one data file with its reader.
    func readDataFile(_ path: String, unit: PendingUnit, with reader: DataReader) -> (DataFile?, [Diagnostic]) {
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(path) } catch { return (nil, [Self.readError(error, path)]) }
        // The first `sources:` entry about the file says how it is written: a snapshot is the
        // CSV a database client writes (`,` and `.`), whatever the unit's own files use.
        let name = Note.lastComponent(of: path)
        let source = unit.config.sources.first { $0.matches(name) }
        if let source, let adapter = source.adapter {
            let converted = adapter.convert(
                bytes, path: path, source: source, currency: unit.config.currency, dimensions: unit.config.dimensions)
            return DataFileReader.read(converted: converted, original: bytes, path: path, schema: unit.schema)
        }
        guard let source, reader.extensions.contains("csv") else {
            // A workbook is read when `sources:` names it: an Excel file kept in data/ for
            // reference is not data.
            if source == nil && !reader.extensions.contains("csv") {
                return (
                    nil,
                    [
                        .warning(
                            "\(name) is not read: a workbook is read when unit.yml's `sources:` names it", at: SourceLocation(file: path),
                            hint: "add `- file: \(name)` with `format: xlsx` under `sources:`, or move the file out of data/")
                    ]
                )
            }
            return reader.read(bytes, path, DataReader.Settings(csv: unit.options, schema: unit.schema, source: source))
        }
        guard let text = source.utf8(bytes) else {
            return (
                nil,
                [
                    .error(
                        "file is not valid \(source.encoding ?? "UTF-8")", at: SourceLocation(file: path),
                        hint: "check `encoding:` for this file in unit.yml")
                ]
            )
        }
        var (file, found) = reader.read(text, path, DataReader.Settings(csv: source.options(over: unit.options), schema: unit.schema))
        if text != bytes, file != nil {
            // The provenance a board secretary checks is the file's own bytes, not the UTF-8
            // they were read as: the whole file's SHA-256, no per-month prefixes.
            file?.sha256 = DataFileReader.sha256Hex(bytes)
            file?.prefixes = []
        }
        return (file, found)
    }

    /// A unit's `notes/*.md`, parsed, in file-name order.
    func readNotes(_ notesDir: String) -> ([Note], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var notes: [Note] = []
        for name in (try? fileSystem.list(notesDir)) ?? [] where Self.hasExtension(name, "md") {
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
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path)
        } catch {
            diagnostics.append(Self.readError(error, path))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Where the first bad byte is, as a line and a column (in bytes).
            let (problem, lineFeeds) = bytes.withUnsafeBufferPointer { CSVTextCheck.firstProblem(in: $0, from: 0) }
            var at = SourceLocation(file: path)
            if case let .invalidUTF8(offset)? = problem {
                let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                at = SourceLocation(file: path, line: lineFeeds + 1, column: offset - lineStart + 1)
            }
            diagnostics.append(.error("the file is not valid UTF-8 (save it as UTF-8)", at: at))
            return nil
        }
        return TextFile(path: path, text: text)
    }

    func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    /// Why a file could not be read, at its path (the file system says why: a link leading
    /// outside the workspace, a FIFO, a file over the size limit).
    static func readError(_ error: any Error, _ path: String) -> Diagnostic {
        .error((error as? ContentError)?.message ?? "cannot read the file", at: SourceLocation(file: path))
    }

    /// True when `name` ends with `.ext`, in any case (`notes/Q3.MD` is a note).
    static func hasExtension(_ name: String, _ extensions: String...) -> Bool {
        DataReader.fileExtension(of: name).map(extensions.contains) ?? false
    }
}
