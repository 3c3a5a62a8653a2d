/// Everything read from `content/`, validated, before any number is computed.
public struct Workspace: Sendable {
    public var root: String
    public var site: SiteConfig
    public var units: [UnitContent]
    /// `metrics.yml` text and path, when present.
    public var metricsFile: TextFile?
    /// `playbooks/*.yml`, in file-name order.
    public var playbookFiles: [TextFile]
    /// Wall-clock seconds spent reading and validating the CSV files, for `build --timings`.
    public var dataReadSeconds: Double = 0

    public init(root: String, site: SiteConfig, units: [UnitContent], metricsFile: TextFile? = nil, playbookFiles: [TextFile] = []) {
        self.root = root
        self.site = site
        self.units = units
        self.metricsFile = metricsFile
        self.playbookFiles = playbookFiles
    }
}

/// A text file with the path diagnostics show.
public struct TextFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// One unit's folder: its configuration, data files and notes.
public struct UnitContent: Sendable {
    /// The folder name: lowercase letters, digits and `-`.
    public var id: String
    public var config: UnitConfig
    public var configPath: String
    /// The text of `unit.yml`, to position diagnostics found after loading.
    public var configText: String = ""
    /// Data files in file-name order.
    public var dataFiles: [DataFile]
    /// Notes in file-name order (all of them: audience and draft filtering happen per build).
    public var notes: [Note]

    public init(id: String, config: UnitConfig, configPath: String, dataFiles: [DataFile], notes: [Note]) {
        self.id = id
        self.config = config
        self.configPath = configPath
        self.dataFiles = dataFiles
        self.notes = notes
    }
}
