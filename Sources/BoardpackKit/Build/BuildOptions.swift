import BoardpackContent

/// What to build: the CLI's `build` flags as a value.
public struct BuildOptions: Sendable {
    public var contentPath: String
    public var templatesPath: String
    public var outputPath: String
    /// Only these units (all when empty).
    public var units: Set<String>
    /// Only these periods (all when empty).
    public var periods: Set<Period>
    public var audience: Note.Audience
    public var includeDrafts: Bool

    public init(
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
