import BoardpackContent
import BoardpackSite
import BoardpackSupport

/// What to build: the CLI's `build` flags as a value.
package struct BuildOptions: Sendable {
    package var contentPath: String
    package var templatesPath: String
    package var outputPath: String
    /// Only these units (all when empty).
    package var units: Set<String>
    /// Only these periods (all when empty).
    package var periods: Set<Period>
    package var audience: Note.Audience
    package var includeDrafts: Bool
    /// Replace an output made for another audience or drafts setting, or holding files
    /// boardpack did not write.
    package var force: Bool
    /// The largest content file read, in bytes (`--max-file-size`).
    package var maxFileSize: Int = DiskFileSystem.defaultMaxFileSize

    package init(
        contentPath: String = "content", templatesPath: String = "templates", outputPath: String = "output",
        units: Set<String> = [], periods: Set<Period> = [], audience: Note.Audience = .board, includeDrafts: Bool = false,
        force: Bool = false
    ) {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.units = units
        self.periods = periods
        self.audience = audience
        self.includeDrafts = includeDrafts
        self.force = force
    }

    /// The writer of this build's output, which records and guards its edition.
    package var siteWriter: SiteWriter {
        SiteWriter(
            outputPath: outputPath, edition: .init(audience: audience.rawValue, drafts: includeDrafts), force: force,
            keepsOthers: !units.isEmpty || !periods.isEmpty)
    }
}
