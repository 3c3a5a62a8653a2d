import BoardpackContent

/// The playbooks shipped inside the tool, as YAML text parsed by the same decoder as
/// `content/playbooks/*.yml` (one `BuiltInPlaybook+<Sector>.swift` file each).
///
/// Texts are written for this tool from the seed articles' ideas (SPEC §5.2); thresholds are
/// defaults a workspace can override by rule id.
package enum BuiltInPlaybook {
    /// The pseudo-path of a built-in playbook in diagnostics: `<built-in>/retail.yml`.
    package static func path(for sector: PlaybookSector) -> String {
        "<built-in>/\(sector.rawValue).yml"
    }

    /// The YAML text of a built-in playbook.
    package static func yaml(for sector: PlaybookSector) -> String {
        switch sector {
        case .common: common
        case .retail: retail
        case .tech: tech
        case .luxury: luxury
        case .banking: banking
        }
    }

    /// Every built-in, common first, as files with their pseudo-paths.
    package static var sources: [TextFile] {
        PlaybookSector.allCases.map { TextFile(path: path(for: $0), text: yaml(for: $0)) }
    }
}
