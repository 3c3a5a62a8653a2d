import BoardpackContent
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

    /// Each sector's own data for the example unit (SPEC §5.2): what its sector KPIs read, so
    /// that none is n/a — the dimension it adds, and a file of three months.
    static let sectorData: [String: (dimension: String?, file: String, csv: String)] = [
        "retail": (
            "store", "stores.csv",
            """
            month,store,quality_score,service_score,cleanliness_score,value_score,local_spend,transactions,net_sales,net_sales_last_year
            2026-08,store-001,88,86,90,84,420,5100,51000,48800
            2026-08,store-002,82,80,85,79,380,4700,47000,46100
            2026-09,store-001,87,85,91,85,440,5200,52500,50100
            2026-09,store-002,81,79,84,80,390,4750,47600,46900
            2026-10,store-001,89,87,90,86,450,5350,54200,51300
            2026-10,store-002,83,81,86,81,400,4850,48900,47500

            """
        ),
        "tech": (
            nil, "product.csv",
            """
            month,trials,activations,paid_conversions,community_members,advocates,referral_customers
            2026-08,900,420,118,3100,140,21
            2026-09,950,450,122,3180,146,22
            2026-10,1010,470,131,3260,151,24

            """
        ),
        "luxury": (
            nil, "clients.csv",
            """
            month,units_sold,full_price_units,waitlist,allocations,clients,repeat_clients,event_attendees
            2026-08,420,370,180,60,2400,190,120
            2026-09,440,385,176,64,2450,196,135
            2026-10,465,402,171,66,2520,205,150

            """
        ),
        "banking": (
            nil, "banking.csv",
            """
            month,customers,digital_active,products_held,onboarding_started,onboarding_completed,consent_opt_ins,complaints,nps
            2026-08,2400,1510,5280,300,231,1640,2,41
            2026-09,2475,1570,5450,310,240,1700,2,42
            2026-10,2570,1640,5680,320,251,1770,1,43

            """
        ),
    ]

    /// The example workspace for a unit of `sector` writing in `locale`.
    static func example(sector: String, locale: String) -> [String: String] {
        var files = exampleWorkspace
        var unit = files["content/units/example-co/unit.yml"]!
        unit = unit.replacingOccurrences(of: "sector: retail", with: "sector: \(sector)")
            .replacingOccurrences(of: "locale: en-GB", with: "locale: \(locale)")
        if locale == "en-US" { unit = unit.replacingOccurrences(of: "currency: EUR", with: "currency: USD") }
        if let data = sectorData[sector] {
            if let dimension = data.dimension {
                unit = unit.replacingOccurrences(of: "dimensions: [channel]", with: "dimensions: [channel, \(dimension)]")
            }
            files["content/units/example-co/data/\(data.file)"] = data.csv
        }
        files["content/units/example-co/unit.yml"] = unit
        files["content/boardpack.yml"] = files["content/boardpack.yml"]!.replacingOccurrences(
            of: "locale: en-GB", with: "locale: \(locale)")
        return files
    }

    /// Writes the example workspace into `directory` for a unit of `sector` (its sector data
    /// included) in `locale`, refusing to overwrite existing files.
    package static func initWorkspace(at directory: String, sector: String = "retail", locale: String = "en-GB") throws -> [String] {
        let fm = FileManager.default
        guard UnitConfig.Sector(rawValue: sector) != nil, sectorData[sector] != nil else {
            throw UsageError("unknown sector `\(sector)` (expected \(UnitConfig.Sector.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let packLocale = PackLocale(parsing: locale) else {
            throw UsageError("unsupported locale `\(locale)` (expected \(PackLocale.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let locale = packLocale.rawValue
        var files = example(sector: sector, locale: locale)
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
