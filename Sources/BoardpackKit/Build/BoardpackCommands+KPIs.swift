import BoardpackContent
import BoardpackMetrics
import BoardpackSupport

extension BoardpackCommands {
    /// `boardpack kpis`: the built-in KPI dictionary as a table — id, level, unit, which way is
    /// better, formula, label in the locale's language — for every sector, or the KPIs that
    /// apply to one (the sector's own KPIs come from its playbook). A workspace's
    /// `metrics.yml` changes what a build uses; this lists what a new workspace starts from.
    /// The sector column says which sectors a KPI applies to (all when empty).
    package static func kpis(sector: String?, locale: PackLocale) throws -> String {
        // The built-in dictionary with the built-in playbooks' sector KPIs, as an empty
        // workspace compiles it.
        let (compiled, _) = try Preparation().validate(Workspace(root: "", site: SiteConfig(), units: []))
        let dictionary = compiled.dictionary
        if let sector, UnitConfig.Sector(rawValue: sector) == nil {
            throw UsageError("unknown sector `\(sector)` (expected \(UnitConfig.Sector.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let kpis = sector.map { dictionary.kpis(forSector: $0) } ?? dictionary.orderedKPIs
        let rows = kpis.map { k in
            [
                k.id, k.sectors.map { $0.sorted().joined(separator: ",") } ?? "", k.level.rawValue, k.unit.rawValue, k.better.rawValue,
                k.formula, k.label.text(for: locale.rawValue),
            ]
        }
        let header = ["id", "sector", "level", "unit", "better", "formula", "label"]
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                c == cells.count - 1 ? text : text.padding(toLength: widths[c] + 2, withPad: " ", startingAt: 0)
            }
            .joined()
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
