import BoardpackContent

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

    package init(
        contentPath: String = "content", templatesPath: String = "templates", outputPath: String = "output",
        units: Set<String> = [], periods: Set<Period> = [], audience: Note.Audience = .board, includeDrafts: Bool = false
    ) {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.units = units
        self.periods = periods
        self.audience = audience
        self.includeDrafts = includeDrafts
    }
}
