import BoardpackContent
import BoardpackMetrics

/// The fixed words of the pack, in English and Italian.
///
/// Every label a page shows comes from here, so a translation is one table and a test can
/// check that no key is missing in either language.
public enum Labels {
    /// Key → (English, Italian).
    static let table: [String: (en: String, it: String)] = [
        "pack_title": ("Marketing board pack", "Board pack marketing"),
        "cover": ("Cover", "Copertina"),
        "summary": ("Executive summary", "Sintesi per il board"),
        "what_changed": ("What changed", "Cosa è cambiato"),
        "decisions": ("Decisions and actions", "Decisioni e azioni"),
        "performance": ("Performance", "Performance"),
        "channels": ("Channels", "Canali"),
        "playbook": ("Sector playbook", "Playbook di settore"),
        "strategy": ("Strategy and risks", "Strategia e rischi"),
        "governance": ("Governance", "Governance"),
        "appendix": ("Appendix", "Appendice"),
        "contents": ("Contents", "Indice"),
        "prepared_by": ("Prepared by", "Preparato da"),
        "audience": ("Audience", "Destinatari"),
        "generated_on": ("Generated on", "Generato il"),
        "draft": ("DRAFT", "BOZZA"),
        "draft_notice": ("This pack includes draft notes.", "Questo pack include note in bozza."),
        "audience_board": ("Board", "Consiglio di amministrazione"),
        "audience_management": ("Management", "Management"),
        "audience_staff": ("Staff", "Staff"),
        "section_summary": ("Summary notes", "Note di sintesi"),
        "section_strategy": ("Strategy", "Strategia"),
        "section_risks": ("Risks", "Rischi"),
        "section_appendix": ("Notes", "Note"),
        "no_notes": ("No notes for this period.", "Nessuna nota per questo periodo."),
        "data_files": ("Data files read", "File di dati letti"),
        "file": ("File", "File"),
        "rows": ("Rows", "Righe"),
        "sha256": ("SHA-256", "SHA-256"),
        "by": ("by", "di"),
        "archive": ("Archive", "Archivio"),
        "monthly_packs": ("Monthly packs", "Pack mensili"),
        "quarterly_packs": ("Quarterly packs", "Pack trimestrali"),
        "latest_pack": ("Latest pack", "Ultimo pack"),
        "all_units": ("All units", "Tutte le unità"),
        "units": ("Units", "Unità"),
        "sector": ("Sector", "Settore"),
        "sector_retail": ("Retail", "Retail"),
        "sector_tech": ("Technology", "Tecnologia"),
        "sector_luxury": ("Luxury", "Lusso"),
        "sector_banking": ("Banking", "Banca"),
        "task": ("Action", "Azione"),
        "task_status": ("Status", "Stato"),
        "task_open": ("Open", "Aperta"),
        "task_done": ("Done", "Fatta"),
        "task_source": ("From", "Da"),
        "no_tasks": ("No open actions.", "Nessuna azione aperta."),
    ]

    /// The label `key` in `language` (`en` or `it`); the key itself when unknown, so a
    /// missing label shows up in review rather than as blank space.
    public static func text(_ key: String, _ language: String) -> String {
        guard let entry = table[key] else { return key }
        return language == "it" ? entry.it : entry.en
    }
}
