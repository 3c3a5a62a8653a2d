import BoardpackPresentation
import BoardpackSupport
import Foundation

/// `boardpack init DIR`: a new workspace with one example unit and a copy of the theme,
/// ready for `boardpack build`.
extension BoardpackCommands {
    /// The example workspace's files, relative to DIR. Fixed months: the example builds to
    /// the same bytes whenever it is created.
    static let exampleWorkspace: [String: String] = [
        "content/boardpack.yml": "title: Marketing board packs\nlocale: en-GB\narchive_months: 12\n",
        "content/units/example-co/unit.yml": """
        name: Example Co Ltd
        sector: retail
        currency: EUR
        locale: en-GB
        prepared_by: Your name, fractional CMO
        confidentiality: Board confidential
        targets:
          cac: 40
          lead_to_customer_rate: 0.12
        tolerance: 0.10
        dimensions: [channel]
        governance:
          digital_maturity: low
          org_complexity: lean
          growth_objective: expansion

        """,
        "content/units/example-co/data/channels.csv": """
        month,channel,spend,impressions,clicks,sessions,leads,qualified_leads,opportunities,new_customers,attributed_revenue
        2026-08,paid_search,4200,210000,6300,5800,640,320,150,96,14400
        2026-08,paid_social,2600,380000,4100,3600,410,170,70,41,5900
        2026-09,paid_search,4400,221000,6500,6000,655,330,152,99,14900
        2026-09,paid_social,2900,401000,4300,3800,430,166,66,37,5400
        2026-10,paid_search,4500,228000,6700,6150,690,352,160,105,15800
        2026-10,paid_social,3100,415000,4500,3950,455,172,69,39,5700

        """,
        "content/units/example-co/data/business.csv": """
        month,revenue,gross_profit,overhead,marketing_budget,active_customers,churned_customers,sales_cycle_days
        2026-08,98000,41000,1800,8500,2400,60,12
        2026-09,101000,42500,1800,8500,2475,61,12.5
        2026-10,104500,44000,1900,9000,2570,49,11.8

        """,
        "content/units/example-co/notes/2026-10-summary.md": """
        ---
        title: October in one page
        period: 2026-10
        section: summary
        audience: board
        draft: false
        author: Your name
        order: 10
        ---
        CAC closed the month at {{ kpi cac }} ({{ kpi cac change }} on September).

        - [ ] Approve the Q4 paid-search budget

        ```chart
        type: line
        kpis: [cac]
        periods: 3
        ```

        """,
    ]

    /// Writes the example workspace into `directory`, refusing to overwrite existing files.
    package static func initWorkspace(at directory: String) throws -> [String] {
        let fm = FileManager.default
        var files = exampleWorkspace
        for (name, text) in DefaultTheme.files { files["templates/\(name)"] = text }
        let existing = files.keys.filter { fm.fileExists(atPath: directory + "/" + $0) }.sorted()
        if !existing.isEmpty {
            throw DiagnosticsError(existing.map { .error("\(directory)/\($0) already exists; boardpack init will not overwrite it") })
        }
        for path in files.keys.sorted() {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(files[path]!.utf8).write(to: url)
        }
        return files.keys.sorted()
    }
}
