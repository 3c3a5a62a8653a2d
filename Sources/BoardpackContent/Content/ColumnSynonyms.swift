import Foundation

/// The measure a column header from an export most likely means (SPEC §2.3: "a table of
/// common synonyms, not only edit distance"): `Spend (€)` is `spend`, `MQLs` are
/// `qualified_leads`. Only a hint: a column is never read under another name.
enum ColumnSynonyms {
    /// Normalised header → measure. Headers are normalised by `key(_:)`.
    static let table: [String: String] = {
        var table: [String: String] = [:]
        let groups: [String: [String]] = [
            "spend": ["cost", "costs", "amount_spent", "total_spent", "media_spend", "ad_spend", "spesa", "costo", "investimento"],
            "impressions": ["impr", "impression", "impressioni"],
            "clicks": ["click", "link_clicks", "clic"],
            "sessions": ["session", "visits", "visite", "sessioni"],
            "leads": ["lead", "contacts", "contatti", "form_fills"],
            "qualified_leads": ["mql", "mqls", "marketing_qualified_leads", "lead_qualificati", "qualified_lead"],
            "opportunities": ["sql", "sqls", "opportunity", "opportunita", "sales_qualified_leads", "deals_created"],
            "new_customers": ["customers_won", "won_deals", "deals_won", "new_clients", "nuovi_clienti", "new_customer", "won"],
            "revenue": ["sales", "ricavi", "fatturato", "total_revenue"],
            "attributed_revenue": ["conversion_value", "conv_value", "purchase_value", "revenue_from_new_customers"],
            "gross_profit": ["margin", "gross_margin_value", "margine_lordo"],
            "marketing_budget": ["budget", "budget_marketing", "planned_budget"],
            "active_customers": ["customers", "clienti_attivi", "active_clients"],
            "churned_customers": ["churned", "lost_customers", "clienti_persi", "churn"],
            "sales_cycle_days": ["sales_cycle", "days_to_close", "ciclo_di_vendita"],
        ]
        for (measure, synonyms) in groups {
            for s in synonyms { table[s] = measure }
        }
        return table
    }()

    /// `Spend (€)` → `spend`, `New Customers` → `new_customers`, `Impr.` → `impr`: lower case,
    /// units in brackets and currency signs dropped, every other run of punctuation an `_`.
    static func key(_ header: String) -> String {
        var text = ""
        var depth = 0
        for c in header.lowercased() {
            if c == "(" || c == "[" { depth += 1 }
            if depth == 0 {
                if c.isLetter || c.isNumber {
                    // "opportunità" → "opportunita": accents are a spelling, not a meaning.
                    text += String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { String($0) } ?? String(c)
                } else if !text.hasSuffix("_") {
                    text += "_"
                }
            }
            if c == ")" || c == "]" { depth = max(0, depth - 1) }
        }
        return text.trimmingCharacters(in: ["_"])
    }

    /// The known name `header` most likely means, when it is one of `known`.
    static func suggestion(for header: String, among known: Set<String>) -> String? {
        let key = key(header)
        if known.contains(key) { return key }
        if let measure = table[key], known.contains(measure) { return measure }
        return nil
    }
}
