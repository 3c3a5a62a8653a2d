extension BuiltInPlaybook {
    /// Banking: making a commodity service human while keeping data safe and personalisation
    /// responsible (SPEC §5.2 banking).
    static let banking = """
        sector: banking
        kpis:
          digital_adoption:
            label: {en: "Digital adoption", it: "Adozione digitale"}
            formula: digital_active / customers
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Customers active on digital channels"
              it: "Clienti attivi sui canali digitali"
          products_per_customer:
            label: {en: "Products per customer", it: "Prodotti per cliente"}
            formula: products_held / customers
            unit: count
            better: higher
            level: performance
            definition:
              en: "Products held per customer: how deep the relationship is"
              it: "Prodotti posseduti per cliente: quanto è profonda la relazione"
          onboarding_completion:
            label: {en: "Onboarding completion", it: "Completamento dell'onboarding"}
            formula: onboarding_completed / onboarding_started
            unit: ratio
            better: higher
            level: performance
            definition:
              en: "Onboardings completed out of those started"
              it: "Onboarding conclusi su quelli avviati"
          consent_rate:
            label: {en: "Personalisation consent", it: "Consenso alla personalizzazione"}
            formula: consent_opt_ins / customers
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Customers who agreed to the use of their data for personalised offers"
              it: "Clienti che hanno acconsentito all'uso dei propri dati per offerte personalizzate"
          complaints_per_10k:
            label: {en: "Complaints per 10,000 customers per month", it: "Reclami al mese ogni 10.000 clienti"}
            formula: complaints / customers * 10000 / months
            unit: count
            better: lower
            level: operational
            definition:
              en: "Complaints received per month per 10,000 customers: a quarter reads on the scale of its months"
              it: "Reclami ricevuti al mese ogni 10.000 clienti: un trimestre si legge sulla scala dei suoi mesi"
          nps:
            label: {en: "Net Promoter Score", it: "Net Promoter Score"}
            formula: nps
            unit: count
            better: higher
            level: strategic
            definition:
              en: "Promoters minus detractors, in points from -100 to 100, averaged over the period's surveys"
              it: "Promotori meno detrattori, in punti da -100 a 100, media delle rilevazioni del periodo"
        rules:
          - id: consent-falling
            when: change(consent_rate) < 0 and streak(change(consent_rate) < 0) < 3
            status: amber
            message:
              en: "Personalisation consent fell to {consent_rate}: responsible personalisation depends on customers' trust"
              it: "Il consenso alla personalizzazione è sceso al {consent_rate}: una personalizzazione responsabile dipende dalla fiducia dei clienti"
            action:
              en: "Check recent communications for anything that felt intrusive and explain more clearly what consenting gives the customer"
              it: "Verificare se comunicazioni recenti sono state percepite come invadenti e spiegare meglio che cosa ottiene il cliente dando il consenso"

          - id: consent-eroding
            when: streak(change(consent_rate) < 0) >= 3
            status: red
            message:
              en: "Personalisation consent has fallen for {streak} in a row, to {consent_rate}: customers are withdrawing the trust personalisation needs"
              it: "Il consenso alla personalizzazione cala da {streak} consecutivi ed è al {consent_rate}: i clienti stanno ritirando la fiducia su cui si regge la personalizzazione"
            action:
              en: "Pause targeted campaigns, review them with the data protection officer and report to the board on data use"
              it: "Sospendere le campagne mirate, rivederle con il responsabile della protezione dei dati e riferire al consiglio sull'uso dei dati"

          - id: onboarding-drop-off
            when: onboarding_completion >= 50% and onboarding_completion < 70%
            status: amber
            message:
              en: "Only {onboarding_completion} of onboardings are completed: the security steps are losing customers"
              it: "Solo il {onboarding_completion} degli onboarding arriva a conclusione: i passaggi di sicurezza fanno perdere clienti"
            action:
              en: "Find the step where applicants give up and simplify it without weakening identity checks"
              it: "Individuare il passaggio in cui i richiedenti rinunciano e semplificarlo senza indebolire la verifica dell'identità"

          - id: onboarding-broken
            when: onboarding_completion < 50%
            status: red
            message:
              en: "Fewer than half of onboardings are completed ({onboarding_completion}): the digital front door is failing"
              it: "Meno della metà degli onboarding si conclude ({onboarding_completion}): la porta d'ingresso digitale non funziona"
            action:
              en: "Set up a marketing, IT and compliance task force on the onboarding journey with a 30-day deadline"
              it: "Costituire una task force di marketing, IT e compliance sul percorso di onboarding con scadenza a 30 giorni"

          - id: complaints-high
            when: complaints_per_10k > 5 and complaints_per_10k <= 10
            status: amber
            message:
              en: "{complaints_per_10k} complaints a month per 10,000 customers: the service does not yet feel human"
              it: "{complaints_per_10k} reclami al mese ogni 10.000 clienti: il servizio non viene ancora percepito come vicino alle persone"
            action:
              en: "Group complaints by cause and fix the leading cause with operations this quarter"
              it: "Raggruppare i reclami per causa e risolvere la principale insieme alle operations entro il trimestre"

          - id: complaints-critical
            when: complaints_per_10k > 10
            status: red
            message:
              en: "{complaints_per_10k} complaints a month per 10,000 customers: service problems are hurting trust in the bank"
              it: "{complaints_per_10k} reclami al mese ogni 10.000 clienti: i problemi di servizio stanno intaccando la fiducia nella banca"
            action:
              en: "Review the complaint causes at the next board meeting, each with an owner and a date"
              it: "Esaminare le cause dei reclami al prossimo consiglio, ciascuna con un responsabile e una scadenza"

          - id: nps-negative
            when: nps < 0
            status: red
            message:
              en: "NPS is {nps}: detractors outnumber promoters"
              it: "L'NPS è {nps}: i detrattori superano i promotori"
            action:
              en: "Call back a sample of detractors this month and bring their three main reasons to the board"
              it: "Richiamare questo mese un campione di detrattori e portare al consiglio i loro tre motivi principali"

          - id: nps-strong
            when: nps >= 50
            status: green
            message:
              en: "NPS is {nps}: customers recommend the bank"
              it: "L'NPS è {nps}: i clienti raccomandano la banca"
            action:
              en: "Invite promoters, with their consent, to review or refer, and keep the service standard that earned it"
              it: "Invitare i promotori, con il loro consenso, a lasciare una recensione o a presentare amici, mantenendo lo standard di servizio che li ha conquistati"

          - id: digital-adoption-rising
            when: change(digital_adoption) > 0
            status: green
            message:
              en: "Digital adoption rose to {digital_adoption} of customers"
              it: "L'adozione digitale è salita al {digital_adoption} dei clienti"
            action:
              en: "Put the next service improvements in the app, where more customers now are"
              it: "Portare i prossimi miglioramenti del servizio nell'app, dove ora si trovano più clienti"
        """
}
