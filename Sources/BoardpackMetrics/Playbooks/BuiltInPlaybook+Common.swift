extension BuiltInPlaybook {
    /// Rules for every unit, from the six KPIs the seeds call essential (SPEC §5.2 common).
    static let common = """
        sector: common
        rules:
          - id: clv-to-cac-burning
            when: clv_to_cac < 1
            status: red
            message:
              en: "CLV:CAC is {clv_to_cac}: a new customer is worth less than it costs to win, so acquisition is burning money rather than investing it"
              it: "CLV:CAC a {clv_to_cac}: un nuovo cliente vale meno di quanto costa conquistarlo, quindi l'acquisizione brucia risorse invece di investirle"
            action:
              en: "Pause the campaigns with the highest CAC and bring a channel-by-channel CLV:CAC review to the next board meeting"
              it: "Sospendere le campagne con il CAC più alto e portare al prossimo consiglio una revisione del CLV:CAC per canale"

          - id: clv-to-cac-thin
            when: clv_to_cac >= 1 and clv_to_cac < 3
            status: amber
            message:
              en: "CLV:CAC is {clv_to_cac}, under the 3× that leaves room for overhead and risk: acquisition pays back, but thinly"
              it: "CLV:CAC a {clv_to_cac}, sotto la soglia di 3× che lascia spazio a costi fissi e rischio: l'acquisizione si ripaga, ma di poco"
            action:
              en: "Shift budget towards the channels with the best CLV:CAC and set a quarterly target of 3×"
              it: "Spostare budget verso i canali con il miglior CLV:CAC e fissare un obiettivo trimestrale di 3×"

          - id: clv-to-cac-healthy
            when: clv_to_cac >= 3
            status: green
            asks_for_budget: true
            message:
              en: "CLV:CAC is {clv_to_cac}: each customer returns at least three times what it cost to win"
              it: "CLV:CAC a {clv_to_cac}: ogni cliente restituisce almeno tre volte quanto è costato acquisirlo"
            action:
              en: "Consider testing bolder acquisition spend in the best channels while the ratio stays above 3×"
              it: "Valutare un test di investimento più deciso in acquisizione sui canali migliori finché il rapporto resta sopra 3×"

          - id: cac-rise-carried-by-clv
            when: change(cac) > 10% and clv_to_cac >= 3
            status: green
            message:
              en: "CAC rose to {cac}, but a CLV of {clv} carries it (CLV:CAC {clv_to_cac}): the higher cost of winning customers is acceptable"
              it: "Il CAC è salito a {cac}, ma un CLV di {clv} lo sostiene (CLV:CAC {clv_to_cac}): il maggior costo di acquisizione è accettabile"
            action:
              en: "Keep the spend, and check next period that CLV:CAC stays above 3×"
              it: "Mantenere l'investimento e verificare nel prossimo periodo che il CLV:CAC resti sopra 3×"

          - id: cac-rise-not-carried
            when: change(cac) > 10% and clv_to_cac < 3
            judges: [cac]
            status: amber
            message:
              en: "CAC rose to {cac} without a CLV to carry it (CLV:CAC {clv_to_cac})"
              it: "Il CAC è salito a {cac} senza un CLV che lo giustifichi (CLV:CAC {clv_to_cac})"
            action:
              en: "Find the cause channel by channel (lead scoring, bidding, audiences) and report the correction next month"
              it: "Individuare la causa canale per canale (lead scoring, offerte, pubblici) e riferire la correzione il mese prossimo"

          - id: romi-negative
            when: romi < 0
            status: red
            message:
              en: "ROMI is {romi}: this period marketing returned less gross margin than it cost, so it acted as a cost centre"
              it: "ROMI a {romi}: in questo periodo il marketing ha reso meno margine di quanto è costato, comportandosi da centro di costo"
            action:
              en: "Cut or rework the activities with negative media ROMI and present a recovery plan with a date"
              it: "Tagliare o rivedere le attività con ROMI media negativo e presentare un piano di recupero con una scadenza"

          - id: romi-profit-centre
            when: consecutive(romi > 0, 3)
            status: green
            asks_for_budget: true
            message:
              en: "ROMI has been positive for {streak} in a row ({romi} now): marketing is working as a profit centre"
              it: "Il ROMI è positivo da {streak} consecutivi ({romi} oggi): il marketing funziona da centro di profitto"
            action:
              en: "Use the ROMI record to support the next budget request"
              it: "Usare l'andamento del ROMI a sostegno della prossima richiesta di budget"

          - id: lead-conversion-falling
            when: change(lead_to_customer_rate) < 0
            status: amber
            message:
              en: "Lead-to-customer rate fell to {lead_to_customer_rate}: either the leads are less qualified or sales follow-up is slipping"
              it: "Il tasso di conversione da lead a cliente è sceso al {lead_to_customer_rate}: o i lead sono meno qualificati o il follow-up commerciale perde colpi"
            action:
              en: "Review lead scoring with sales and check response times on last period's leads"
              it: "Rivedere il lead scoring con le vendite e controllare i tempi di risposta sui lead del periodo scorso"

          - id: lvr-negative
            when: lvr < 0 and not consecutive(lvr < 0, 2)
            status: amber
            message:
              en: "Qualified leads shrank (LVR {lvr}): a commercial plateau may be coming"
              it: "I lead qualificati sono diminuiti (LVR {lvr}): si profila il rischio di un plateau commerciale"
            action:
              en: "Check which sources lost qualified leads and refill the top of the funnel before it shows in sales"
              it: "Verificare quali fonti hanno perso lead qualificati e rialimentare la parte alta del funnel prima che si veda nelle vendite"

          - id: lvr-plateau
            when: consecutive(lvr < 0, 2)
            status: red
            message:
              en: "Qualified leads have shrunk for {streak} in a row (LVR {lvr}): the pipeline is heading for a plateau"
              it: "I lead qualificati calano da {streak} consecutivi (LVR {lvr}): la pipeline va verso un plateau"
            action:
              en: "Approve a lead-generation recovery plan with a monthly qualified-lead target"
              it: "Approvare un piano di rilancio della generazione di lead con un obiettivo mensile di lead qualificati"

          - id: lvr-growing
            when: consecutive(lvr > 0, 3)
            status: green
            message:
              en: "Qualified leads have grown for {streak} in a row (LVR {lvr} now)"
              it: "I lead qualificati crescono da {streak} consecutivi (LVR oggi {lvr})"
            action:
              en: "Make sure sales capacity keeps up with the growing pipeline"
              it: "Assicurarsi che la capacità commerciale tenga il passo con la pipeline in crescita"

          - id: sales-cycle-lengthening
            when: change(sales_cycle_days) > 0
            status: amber
            message:
              en: "The sales cycle lengthened to {sales_cycle_days}: the funnel may be dispersive or the content not persuasive enough"
              it: "Il ciclo di vendita si è allungato a {sales_cycle_days}: il funnel potrebbe essere dispersivo o i contenuti poco convincenti"
            action:
              en: "Map where deals stall between lead and close and automate the follow-up at that stage"
              it: "Individuare dove le trattative si fermano tra lead e chiusura e automatizzare il follow-up in quella fase"

          - id: budget-overspent
            when: budget_utilisation > 110%
            status: red
            message:
              en: "Marketing cost is {budget_utilisation} of budget, more than 10% over plan"
              it: "Il costo di marketing è pari al {budget_utilisation} del budget, oltre il 10% sopra il piano"
            action:
              en: "Approve the overspend explicitly or cut next month's commitments to return within budget"
              it: "Approvare esplicitamente lo sforamento o ridurre gli impegni del mese prossimo per rientrare nel budget"

          - id: budget-underspent
            when: budget_utilisation < 80%
            status: amber
            message:
              en: "Marketing cost is only {budget_utilisation} of budget: planned activity is not happening"
              it: "Il costo di marketing è solo il {budget_utilisation} del budget: le attività pianificate non si stanno realizzando"
            action:
              en: "Confirm which planned activities slipped and decide whether to re-phase them or release the budget"
              it: "Verificare quali attività pianificate sono slittate e decidere se riprogrammarle o liberare il budget"
        """
}
