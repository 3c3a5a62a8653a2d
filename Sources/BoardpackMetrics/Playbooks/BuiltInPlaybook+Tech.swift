extension BuiltInPlaybook {
    /// Technology: fast adoption cycles, trials that must activate, and user communities turned
    /// into advocates (SPEC §5.2 tech).
    static let tech = """
        sector: tech
        kpis:
          activation_rate:
            label: {en: "Activation rate", it: "Tasso di attivazione"}
            formula: activations / trials
            unit: ratio
            better: higher
            level: performance
            definition:
              en: "Share of trials that reach first real use of the product"
              it: "Quota delle prove che arrivano a un primo uso reale del prodotto"
          trial_to_paid:
            label: {en: "Trial-to-paid rate", it: "Conversione da prova a pagamento"}
            formula: paid_conversions / trials
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Share of trials that become paying customers"
              it: "Quota delle prove che diventano clienti paganti"
          advocate_share:
            label: {en: "Advocate share", it: "Quota di promotori"}
            formula: advocates / community_members
            unit: ratio
            better: higher
            level: performance
            definition:
              en: "Community members who actively recommend the product"
              it: "Membri della community che raccomandano attivamente il prodotto"
          referral_share:
            label: {en: "Referral share", it: "Quota da passaparola"}
            formula: referral_customers / new_customers
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "New customers who came through a referral"
              it: "Nuovi clienti arrivati tramite una segnalazione"
        rules:
          - id: lvr-stalling
            when: consecutive(lvr < 2%, 2) and not consecutive(lvr < 0, 2)
            status: amber
            message:
              en: "Qualified-lead growth has stayed under 2% for {streak} (LVR {lvr} now): in a fast adoption cycle that is a plateau in the making"
              it: "La crescita dei lead qualificati resta sotto il 2% da {streak} (LVR oggi {lvr}): in un ciclo di adozione rapido è l'inizio di un plateau"
            action:
              en: "Launch a new acquisition experiment (content, integration partner or community programme) with a four-week readout"
              it: "Avviare un nuovo esperimento di acquisizione (contenuti, partner di integrazione o programma di community) con verifica dopo quattro settimane"

          - id: cac-payback-slow
            when: cac_payback_months > 12 and cac_payback_months <= 18
            status: amber
            message:
              en: "CAC payback is {cac_payback_months}: more than a year of gross margin to earn back each customer"
              it: "Il payback del CAC è di {cac_payback_months}: più di un anno di margine per recuperare il costo di ogni cliente"
            action:
              en: "Focus spend on the segments with the shortest payback and review the pricing of the entry plan"
              it: "Concentrare la spesa sui segmenti con il payback più breve e rivedere il prezzo del piano d'ingresso"

          - id: cac-payback-too-slow
            when: cac_payback_months > 18
            status: red
            message:
              en: "CAC payback is {cac_payback_months}, beyond 18 months: growth is consuming cash faster than customers return it"
              it: "Il payback del CAC è di {cac_payback_months}, oltre 18 mesi: la crescita consuma cassa più in fretta di quanto i clienti la restituiscano"
            action:
              en: "Bring the board a plan to bring payback under 12 months: channel cuts, pricing and onboarding"
              it: "Portare al consiglio un piano per riportare il payback sotto i 12 mesi: tagli ai canali, prezzi e onboarding"

          - id: cac-payback-fast
            when: cac_payback_months <= 6
            status: green
            asks_for_budget: true
            message:
              en: "CAC payback is {cac_payback_months}: customers repay their acquisition cost within six months"
              it: "Il payback del CAC è di {cac_payback_months}: i clienti ripagano il costo di acquisizione entro sei mesi"
            action:
              en: "Test a larger acquisition budget while payback stays under six months"
              it: "Testare un budget di acquisizione più ampio finché il payback resta sotto i sei mesi"

          - id: activation-falling
            when: change(activation_rate) < 0 and streak(change(activation_rate) < 0) < 3
            status: amber
            message:
              en: "Activation fell to {activation_rate} of trials: new users are not reaching the product's value quickly enough"
              it: "L'attivazione è scesa al {activation_rate} delle prove: i nuovi utenti non arrivano abbastanza in fretta al valore del prodotto"
            action:
              en: "Review the first-run experience with the product team and add guided onboarding at the step where users drop"
              it: "Rivedere con il team di prodotto l'esperienza del primo accesso e aggiungere un onboarding guidato nel passaggio in cui gli utenti abbandonano"

          - id: activation-declining
            when: streak(change(activation_rate) < 0) >= 3
            status: red
            message:
              en: "Activation has fallen for {streak} in a row, to {activation_rate} of trials: the product is losing new users before they see its value"
              it: "L'attivazione cala da {streak} consecutivi ed è al {activation_rate} delle prove: il prodotto perde i nuovi utenti prima che ne vedano il valore"
            action:
              en: "Make activation the product team's first objective for the quarter, with a weekly activation review until the trend turns"
              it: "Fare dell'attivazione il primo obiettivo del trimestre per il team di prodotto, con una revisione settimanale finché la tendenza non si inverte"

          - id: advocate-share-low
            when: advocate_share < 2%
            status: amber
            message:
              en: "Only {advocate_share} of community members act as advocates: the community is an audience, not yet a sales force"
              it: "Solo il {advocate_share} dei membri della community fa da promotore: la community è un pubblico, non ancora una forza di vendita"
            action:
              en: "Start an advocacy programme: recognition, early access and referral rewards for the most active members"
              it: "Avviare un programma di advocacy: riconoscimenti, accesso anticipato e premi per le segnalazioni ai membri più attivi"

          - id: referral-strong
            when: referral_share >= 20%
            status: green
            asks_for_budget: true
            message:
              en: "{referral_share} of new customers came by referral: users are acting as ambassadors"
              it: "Il {referral_share} dei nuovi clienti è arrivato dal passaparola: gli utenti fanno da ambasciatori"
            action:
              en: "Invest in the referral programme and thank the advocates who brought in the most customers"
              it: "Investire nel programma di segnalazione e ringraziare i promotori che hanno portato più clienti"

          - id: advocates-growing
            when: consecutive(change(advocates) > 0, 3)
            judges: [advocate_share]
            status: green
            message:
              en: "The advocate base has grown for {streak} in a row, to {advocates}"
              it: "La base di promotori cresce da {streak} consecutivi e arriva a {advocates}"
            action:
              en: "Give the advocates material to share: case studies, release previews, talks"
              it: "Dare ai promotori materiale da condividere: casi di studio, anteprime delle novità, interventi"
        """
}
