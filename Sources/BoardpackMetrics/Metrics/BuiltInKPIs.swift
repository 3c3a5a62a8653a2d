import BoardpackContent

extension MetricDictionary {
    /// Targets the dictionary sets when a unit sets none (SPEC §3.2): budget utilisation is
    /// held to the band 80–110 %.
    package static let builtInTargets: [String: Target] = ["budget_utilisation": .constant(.band(min: 0.80, max: 1.10))]

    /// The 22 KPIs of SPEC §3.2, in table order.
    static let builtInKPIs: [KPIDefinition] = [
        kpi(
            "marketing_cost", "Marketing cost", "Costo marketing", "spend + overhead", .currency, .lower, .strategic,
            "Paid media plus non-media marketing cost.", "Media a pagamento più costi di marketing non media."),
        kpi(
            "cac", "CAC", "CAC", "marketing_cost / new_customers", .currency, .lower, .strategic,
            "Marketing cost per customer won.", "Costo di marketing per cliente acquisito."),
        kpi(
            "paid_cac", "Paid CAC", "CAC sui media", "spend / new_customers", .currency, .lower, .performance,
            "Media spend per customer won.", "Spesa media per cliente acquisito."),
        kpi(
            "arpa", "ARPA", "ARPA", "revenue / active_customers / months", .currency, .higher, .strategic,
            "Monthly revenue per active customer.", "Ricavo mensile per cliente attivo.", unitScoped: true),
        kpi(
            "gross_margin", "Gross margin", "Margine lordo", "gross_profit / revenue", .ratio, .higher, .strategic,
            "Gross profit as a share of revenue.", "Margine lordo in percentuale dei ricavi.", unitScoped: true),
        kpi(
            "churn_rate", "Churn rate", "Tasso di abbandono", "churned_customers / prev(active_customers) / months",
            .ratio, .lower, .strategic,
            "Monthly share of customers lost.", "Quota mensile di clienti persi.", unitScoped: true),
        kpi(
            "churn_rate_ttm", "Churn rate (12 months)", "Tasso di abbandono (12 mesi)", "trailing_mean(churn_rate, 12)",
            .ratio, .lower, .strategic,
            "Mean monthly churn over the last twelve months.", "Abbandono mensile medio negli ultimi dodici mesi.",
            unitScoped: true),
        kpi(
            "clv", "CLV", "CLV",
            "arpa * gross_margin * clv_lifetime_months / max(1, churn_rate_ttm * clv_lifetime_months)", .currency,
            .higher, .strategic,
            "Gross profit a customer brings over their lifetime, from a year's churn, the lifetime capped.",
            "Margine che un cliente porta nell'arco della relazione, dall'abbandono di un anno, con durata massima.",
            unitScoped: true),
        kpi(
            "clv_to_cac", "CLV:CAC", "CLV:CAC", "clv / cac", .multiple, .higher, .strategic,
            "Lifetime value per unit of acquisition cost.", "Valore del cliente per unità di costo di acquisizione."),
        kpi(
            "cac_payback_months", "CAC payback", "Rientro del CAC", "cac / (arpa * gross_margin)", .months, .lower,
            .strategic,
            "Months of gross profit needed to recover the CAC.", "Mesi di margine necessari a recuperare il CAC."),
        kpi(
            "romi", "ROMI", "ROMI", "(attributed_revenue * gross_margin - marketing_cost) / marketing_cost", .ratio,
            .higher, .strategic,
            "Return on the whole marketing cost.", "Ritorno sull'intero costo di marketing."),
        kpi(
            "media_romi", "Media ROMI", "ROMI sui media", "(attributed_revenue * gross_margin - spend) / spend", .ratio,
            .higher, .performance,
            "Return on paid media spend.", "Ritorno sulla spesa media."),
        kpi(
            "lvr", "Lead velocity rate", "Velocità dei lead",
            "(qualified_leads - prev(qualified_leads)) / prev(qualified_leads)", .ratio, .higher, .strategic,
            "Growth of qualified leads over the previous period.", "Crescita dei lead qualificati sul periodo precedente."),
        kpi(
            "sales_cycle_days", "Sales cycle", "Ciclo di vendita", "sales_cycle_days", .days, .lower, .strategic,
            "Mean days from lead to won.", "Giorni medi dal lead alla chiusura."),
        kpi(
            "lead_to_customer_rate", "Lead-to-customer rate", "Tasso lead-cliente", "new_customers / leads", .ratio,
            .higher, .performance,
            "Share of leads that became customers.", "Quota di lead diventati clienti."),
        kpi(
            "mql_rate", "MQL rate", "Tasso MQL", "qualified_leads / leads", .ratio, .higher, .performance,
            "Share of leads that marketing qualified.", "Quota di lead qualificati dal marketing."),
        kpi(
            "cpl", "CPL", "CPL", "spend / leads", .currency, .lower, .performance,
            "Media spend per lead.", "Spesa media per lead."),
        kpi(
            "visit_to_lead_rate", "Visit-to-lead rate", "Tasso visita-lead", "leads / sessions", .ratio, .higher,
            .performance,
            "Share of sessions that produced a lead.", "Quota di sessioni che hanno generato un lead."),
        kpi(
            "ctr", "CTR", "CTR", "clicks / impressions", .ratio, .higher, .operational,
            "Clicks per impression.", "Clic per impressione."),
        kpi(
            "cpc", "CPC", "CPC", "spend / clicks", .currency, .lower, .operational,
            "Media spend per click.", "Spesa media per clic."),
        kpi(
            "budget_utilisation", "Budget utilisation", "Utilizzo del budget", "marketing_cost / marketing_budget",
            .ratio, .lower, .strategic,
            "Marketing cost against the planned budget.", "Costo di marketing rispetto al budget pianificato."),
        kpi(
            "marketing_cost_share", "Marketing cost share", "Incidenza del marketing", "marketing_cost / revenue",
            .ratio, .lower, .strategic,
            "Marketing cost as a share of revenue.", "Costo di marketing in percentuale dei ricavi."),
    ]

    /// The default headline KPIs: the six the seeds call essential.
    package static let defaultHeadline = ["cac", "clv", "lead_to_customer_rate", "romi", "lvr", "sales_cycle_days"]

    private static func kpi(
        _ id: String, _ en: String, _ it: String, _ formula: String, _ unit: KPIDefinition.ValueUnit,
        _ better: KPIDefinition.Direction, _ level: KPIDefinition.Level, _ defEn: String, _ defIt: String,
        unitScoped: Bool = false
    ) -> KPIDefinition {
        KPIDefinition(
            id: id, label: LocalizedText(en: en, it: it), formula: formula, unit: unit, better: better, level: level,
            unitScoped: unitScoped, definition: LocalizedText(en: defEn, it: defIt))
    }
}
