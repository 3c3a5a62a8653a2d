extension BuiltInPlaybook {
    /// Quick-service restaurants: the QSP&V operating standard per store, consistency across the
    /// network, national against local marketing, same-store sales (SPEC §5.2 retail).
    ///
    /// `qspv_spread` is a network KPI (``NetworkAggregate``): the formula language has no
    /// aggregate across a dimension's values, so the engine computes it from the store breakdown.
    static let retail = """
        sector: retail
        kpis:
          qspv_index:
            label: {en: "QSP&V index", it: "Indice QSP&V"}
            formula: (quality_score + service_score + cleanliness_score + value_score) / 4
            unit: count
            better: higher
            level: performance
            definition:
              en: "Mean of the four QSP&V audit scores (quality, service, cleanliness, value), 0 to 100"
              it: "Media dei quattro punteggi di audit QSP&V (qualità, servizio, pulizia, valore), da 0 a 100"
          qspv_spread:
            label: {en: "QSP&V spread across stores", it: "Divario QSP&V tra punti vendita"}
            network: {of: qspv_index, across: store, reduce: spread}
            unit: count
            better: lower
            level: strategic
            definition:
              en: "Best store's QSP&V index minus the worst store's: how consistent the customer experience is across the network"
              it: "Indice QSP&V del miglior punto vendita meno quello del peggiore: quanto è uniforme l'esperienza del cliente nella rete"
          local_spend_share:
            label: {en: "Local marketing share", it: "Quota di marketing locale"}
            formula: local_spend / spend
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Local-store marketing as a share of paid media spend: the balance between the national brand and local activation (band 20-40%)"
              it: "Marketing dei singoli punti vendita in rapporto alla spesa media: l'equilibrio tra marchio nazionale e attivazione locale (fascia 20-40%)"
          average_ticket:
            label: {en: "Average ticket", it: "Scontrino medio"}
            formula: net_sales / transactions
            unit: currency
            better: higher
            level: performance
            definition:
              en: "Net sales per till transaction"
              it: "Vendite nette per transazione di cassa"
          same_store_sales_growth:
            label: {en: "Same-store sales growth", it: "Crescita a parità di punti vendita"}
            formula: net_sales / net_sales_last_year - 1
            unit: ratio
            better: higher
            level: strategic
            definition:
              en: "Net sales against the same stores' net sales a year earlier"
              it: "Vendite nette rispetto a quelle degli stessi punti vendita un anno prima"
        rules:
          - id: qspv-below-standard
            for_each: store
            when: qspv_index < 80
            status: red
            message:
              en: "{store}: QSP&V {qspv_index} is below the network standard of 80"
              it: "{store}: QSP&V a {qspv_index}, sotto lo standard di rete di 80"
            action:
              en: "Send the area manager with the QSP&V checklist within two weeks and re-audit the store next month"
              it: "Inviare l'area manager con la checklist QSP&V entro due settimane e ripetere l'audit il mese successivo"

          - id: qspv-pillar-weak
            for_each: store
            when: qspv_index >= 80 and min(quality_score, service_score, cleanliness_score, value_score) < 75
            status: amber
            message:
              en: "{store}: the QSP&V index passes ({qspv_index}) but a pillar is under 75 (quality {quality_score}, service {service_score}, cleanliness {cleanliness_score}, value {value_score})"
              it: "{store}: l'indice QSP&V è sufficiente ({qspv_index}) ma un pilastro è sotto 75 (qualità {quality_score}, servizio {service_score}, pulizia {cleanliness_score}, valore {value_score})"
            action:
              en: "Ask the restaurant manager for a corrective plan on the weak pillar, checked at the next audit"
              it: "Chiedere al direttore del ristorante un piano correttivo sul pilastro debole, da verificare al prossimo audit"

          - id: qspv-network-inconsistent
            when: qspv_spread > 15
            status: amber
            message:
              en: "QSP&V differs by {qspv_spread} points between the best and the worst store: customers do not get the same experience across the network"
              it: "Il QSP&V differisce di {qspv_spread} punti tra il miglior e il peggior punto vendita: i clienti non vivono la stessa esperienza in tutta la rete"
            action:
              en: "Pair each of the weakest stores with a top store for a shadowing day and refresh the QSP&V training"
              it: "Affiancare ciascuno dei punti vendita più deboli a uno dei migliori per una giornata di affiancamento e aggiornare la formazione QSP&V"

          - id: qspv-network-consistent
            when: qspv_index >= 85 and qspv_spread <= 10
            status: green
            message:
              en: "The network averages QSP&V {qspv_index} with only {qspv_spread} points between best and worst store: a consistent brand experience"
              it: "La rete ha un QSP&V medio di {qspv_index} con soli {qspv_spread} punti tra il miglior e il peggior punto vendita: un'esperienza di marca coerente"
            action:
              en: "Write down what the best stores do and add it to the QSP&V operating guide"
              it: "Mettere per iscritto le pratiche dei punti vendita migliori e inserirle nella guida operativa QSP&V"

          - id: qspv-network-declining
            when: streak(change(qspv_index) < 0) >= 3
            status: amber
            message:
              en: "The network's QSP&V index has fallen for {streak} in a row, to {qspv_index}: standards are slipping across the stores"
              it: "L'indice QSP&V della rete cala da {streak} consecutivi ed è a {qspv_index}: gli standard si stanno allentando in tutti i punti vendita"
            action:
              en: "Run an unannounced audit round across the network and bring the three most common failures to the next operations review"
              it: "Organizzare un giro di audit senza preavviso in tutta la rete e portare alla prossima riunione operativa le tre carenze più frequenti"

          - id: local-share-low
            when: local_spend_share < 20%
            status: amber
            asks_for_budget: true
            message:
              en: "Local marketing is only {local_spend_share} of spend: stores get little support to adapt the national plan to their catchment area"
              it: "Il marketing locale è solo il {local_spend_share} della spesa: i punti vendita hanno poco sostegno per adattare il piano nazionale al proprio bacino"
            action:
              en: "Release a local activation budget per store, with a template that keeps to the brand rules"
              it: "Stanziare un budget di attivazione locale per punto vendita, con un modello che rispetti le regole del marchio"

          - id: local-share-high
            when: local_spend_share > 40%
            status: amber
            message:
              en: "Local marketing is {local_spend_share} of spend: the national brand risks splintering into many local voices"
              it: "Il marketing locale è il {local_spend_share} della spesa: il marchio nazionale rischia di frammentarsi in tante voci locali"
            action:
              en: "Review local campaigns against the brand guidelines and move part of the budget back to national media"
              it: "Verificare le campagne locali rispetto alle linee guida del marchio e riportare parte del budget sui media nazionali"

          - id: same-store-sales-falling
            when: same_store_sales_growth < -5%
            status: red
            message:
              en: "Same-store sales are {same_store_sales_growth} on last year: the existing network is losing customers"
              it: "Vendite a parità di punti vendita a {same_store_sales_growth} sull'anno scorso: la rete esistente sta perdendo clienti"
            action:
              en: "Split the decline into traffic and average ticket, and bring a store-by-store recovery plan to the board"
              it: "Scomporre il calo tra traffico e scontrino medio e portare al consiglio un piano di recupero punto vendita per punto vendita"

          - id: same-store-sales-soft
            when: same_store_sales_growth < 0 and same_store_sales_growth >= -5%
            status: amber
            message:
              en: "Same-store sales slipped to {same_store_sales_growth} on last year"
              it: "Vendite a parità di punti vendita scese a {same_store_sales_growth} sull'anno scorso"
            action:
              en: "Check which stores drive the dip and whether local activity there was cut"
              it: "Verificare quali punti vendita determinano il calo e se lì è stata ridotta l'attività locale"

          - id: store-sales-falling
            for_each: store
            when: same_store_sales_growth < -10%
            status: amber
            message:
              en: "{store}: sales are {same_store_sales_growth} on the same period last year"
              it: "{store}: vendite a {same_store_sales_growth} rispetto allo stesso periodo dell'anno scorso"
            action:
              en: "Have the area manager review the store's local plan together with its QSP&V audit"
              it: "Far esaminare all'area manager il piano locale del punto vendita insieme al suo audit QSP&V"

          - id: same-store-sales-growing
            when: same_store_sales_growth >= 5%
            status: green
            message:
              en: "Same-store sales are {same_store_sales_growth} on last year, with an average ticket of {average_ticket}"
              it: "Vendite a parità di punti vendita a {same_store_sales_growth} sull'anno scorso, con uno scontrino medio di {average_ticket}"
            action:
              en: "Share the local activities of the growing stores with the rest of the network"
              it: "Condividere con il resto della rete le attività locali dei punti vendita in crescita"
        """
}
