extension BuiltInPlaybook {
    /// Luxury: exclusivity against desirability, scarcity and waiting lists, community and
    /// experiences (SPEC §5.2 luxury, after the seeds' Ferrari example).
    static let luxury = """
        sector: luxury
        kpis:
          full_price_sell_through:
            label: {en: "Full-price sell-through", it: "Vendite a prezzo pieno"}
            formula: full_price_units / units_sold
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Share of units sold without a discount: discounting erodes exclusivity"
              it: "Quota di unità vendute senza sconto: gli sconti erodono l'esclusività"
          waitlist_cover:
            label: {en: "Waiting-list cover", it: "Copertura della lista d'attesa"}
            formula: waitlist / (allocations / months)
            unit: multiple
            better: higher
            level: strategic
            definition:
              en: "Clients on the waiting list per unit allocated in a month: how far desire exceeds supply"
              it: "Clienti in lista d'attesa per unità assegnata in un mese: quanto il desiderio supera l'offerta"
          repeat_rate:
            label: {en: "Repeat-client rate per month", it: "Tasso di riacquisto mensile"}
            formula: repeat_clients / clients / months
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Active clients who bought again, per month"
              it: "Clienti attivi che hanno acquistato di nuovo, al mese"
          community_reach:
            label: {en: "Community reach per month", it: "Partecipazione mensile della community"}
            formula: event_attendees / clients / months
            unit: ratio
            better: higher
            level: performance
            definition:
              en: "Attendees of client events and experiences per active client, per month: the brand lived, not only bought"
              it: "Partecipanti a eventi ed esperienze per cliente attivo, al mese: il marchio vissuto, non solo acquistato"
        rules:
          - id: full-price-critical
            when: full_price_sell_through < 70%
            status: red
            message:
              en: "Only {full_price_sell_through} of units sold at full price: discounting is eroding the brand's exclusivity"
              it: "Solo il {full_price_sell_through} delle unità è stato venduto a prezzo pieno: gli sconti stanno erodendo l'esclusività del marchio"
            action:
              en: "Stop markdowns outside the agreed calendar and reduce the next allocation to the channels that discounted"
              it: "Fermare i ribassi fuori dal calendario concordato e ridurre la prossima assegnazione ai canali che hanno scontato"

          - id: full-price-slipping
            when: full_price_sell_through >= 70% and full_price_sell_through < 80%
            status: amber
            message:
              en: "Full-price sell-through is {full_price_sell_through}, under 80%: discounting is starting to show"
              it: "Le vendite a prezzo pieno sono al {full_price_sell_through}, sotto l'80%: gli sconti iniziano a farsi sentire"
            action:
              en: "Identify the boutiques and partners that discount and tighten the markdown policy"
              it: "Individuare le boutique e i partner che applicano sconti e rendere più rigida la politica dei ribassi"

          - id: full-price-eroding
            when: consecutive(change(full_price_sell_through) < 0, 3)
            status: red
            message:
              en: "Full-price sell-through has fallen for {streak} in a row, to {full_price_sell_through}: exclusivity is being traded for volume"
              it: "Le vendite a prezzo pieno calano da {streak} consecutivi e sono al {full_price_sell_through}: si sta cedendo esclusività in cambio di volumi"
            action:
              en: "Bring the board a supply plan that lowers volumes rather than prices"
              it: "Portare al consiglio un piano di offerta che riduca i volumi invece dei prezzi"

          - id: full-price-strong
            when: full_price_sell_through >= 95%
            status: green
            message:
              en: "{full_price_sell_through} of units sold at full price: the price premium holds"
              it: "Il {full_price_sell_through} delle unità è venduto a prezzo pieno: il premio di prezzo regge"
            action:
              en: "Keep allocations tight and consider a limited edition rather than more volume"
              it: "Mantenere le assegnazioni ridotte e valutare un'edizione limitata invece di più volumi"

          - id: scarcity-lost
            when: waitlist_cover < 1
            status: amber
            message:
              en: "The waiting list is only {waitlist_cover} the allocations: demand no longer exceeds supply and scarcity is fading"
              it: "La lista d'attesa è solo {waitlist_cover} le assegnazioni: la domanda non supera più l'offerta e la scarsità si sta perdendo"
            action:
              en: "Reduce the next allocation and invest in desirability (experiences, previews for top clients) before volume"
              it: "Ridurre la prossima assegnazione e investire nel desiderio (esperienze, anteprime per i migliori clienti) prima che nei volumi"

          - id: waitlist-shrinking
            when: waitlist < 75% * prev(waitlist, 6 / months)
            judges: [waitlist_cover]
            status: amber
            message:
              en: "The waiting list is down by more than a quarter in six months, to {waitlist} clients: scarcity is fading even while the cover of {waitlist_cover} holds"
              it: "La lista d'attesa è scesa di oltre un quarto in sei mesi, a {waitlist} clienti: la scarsità si sta perdendo anche se la copertura di {waitlist_cover} tiene"
            action:
              en: "Ask the boutiques why waiting clients left, and hold back the next allocation until the list grows again"
              it: "Chiedere alle boutique perché i clienti in attesa se ne sono andati e rinviare la prossima assegnazione finché la lista non torna a crescere"

          - id: desirability-strong
            when: waitlist_cover >= 2
            status: green
            message:
              en: "The waiting list is {waitlist_cover} the allocations: desire comfortably exceeds supply"
              it: "La lista d'attesa è {waitlist_cover} le assegnazioni: il desiderio supera ampiamente l'offerta"
            action:
              en: "Offer the waiting clients invitation-only experiences that deepen the relationship while they wait"
              it: "Offrire ai clienti in attesa esperienze su invito che rafforzino il legame durante l'attesa"

          - id: repeat-rate-falling
            when: change(repeat_rate) < -10%
            status: amber
            message:
              en: "The repeat-client rate fell to {repeat_rate}: fewer clients come back"
              it: "Il tasso di riacquisto è sceso al {repeat_rate}: meno clienti tornano"
            action:
              en: "Ask client advisors to contact last year's clients with a personal invitation"
              it: "Chiedere ai client advisor di contattare i clienti dell'anno scorso con un invito personale"

          - id: community-strong
            when: community_reach >= 10%
            status: green
            message:
              en: "Event attendance reached {community_reach} of clients a month: the brand is lived as a community, not only bought"
              it: "La partecipazione agli eventi ha raggiunto il {community_reach} dei clienti al mese: il marchio è vissuto come una comunità, non solo acquistato"
            action:
              en: "Turn the most engaged attendees into ambassadors with a members-only programme"
              it: "Trasformare i partecipanti più coinvolti in ambasciatori con un programma riservato ai membri"
        """
}
