/// Everything read from `content/`, validated, before any number is computed.
package struct Workspace: Sendable {
    package var root: String
    package var site: SiteConfig
    package var units: [UnitContent]
    /// `metrics.yml` text and path, when present.
    package var metricsFile: TextFile?
    /// `playbooks/*.yml`, in file-name order.
    package var playbookFiles: [TextFile]
    /// Wall-clock seconds spent reading and validating the CSV files, for `build --timings`.
    package var dataReadSeconds: Double = 0

    package init(root: String, site: SiteConfig, units: [UnitContent], metricsFile: TextFile? = nil, playbookFiles: [TextFile] = []) {
        self.root = root
        self.site = site
        self.units = units
        self.metricsFile = metricsFile
        self.playbookFiles = playbookFiles
    }
}

/// A text file with the path diagnostics show.
package struct TextFile: Sendable, Equatable {
    package var path: String
    package var text: String

    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// One unit's folder: its configuration, data files and notes.
package struct UnitContent: Sendable {
    /// The folder name: lowercase letters, digits and `-`.
    package var id: String
    package var config: UnitConfig
    package var configPath: String
    /// The text of `unit.yml`, to position diagnostics found after loading.
    package var configText: String = ""
    /// Data files in file-name order.
    package var dataFiles: [DataFile]
    /// Notes in file-name order (all of them: audience and draft filtering happen per build).
    package var notes: [Note]

    package init(id: String, config: UnitConfig, configPath: String, dataFiles: [DataFile], notes: [Note]) {
        self.id = id
        self.config = config
        self.configPath = configPath
        self.dataFiles = dataFiles
        self.notes = notes
    }
}
