extension MetricDictionary {
    /// The measures of SPEC §3.1 and the sector measures of §5.2, in table order.
    static let builtInMeasures: [MeasureDefinition] = [
        MeasureDefinition("spend", kind: .money, meaning: "paid media spend"),
        MeasureDefinition("impressions", meaning: "ad impressions"),
        MeasureDefinition("clicks", meaning: "ad clicks"),
        MeasureDefinition("sessions", meaning: "website sessions"),
        MeasureDefinition("leads", meaning: "all leads"),
        MeasureDefinition("qualified_leads", meaning: "marketing-qualified leads"),
        MeasureDefinition("opportunities", meaning: "sales-qualified opportunities"),
        MeasureDefinition("new_customers", meaning: "customers won"),
        MeasureDefinition("attributed_revenue", kind: .money, meaning: "revenue attributed to the period's new customers"),
        MeasureDefinition("revenue", kind: .money, meaning: "total revenue"),
        // A loss-making month is legitimate, so gross profit gets no sign check.
        MeasureDefinition("gross_profit", kind: .signedMoney, meaning: "total gross profit"),
        MeasureDefinition("overhead", kind: .money, meaning: "non-media marketing cost: tools, people, agencies"),
        MeasureDefinition("marketing_budget", kind: .money, meaning: "planned marketing cost", plan: true),
        MeasureDefinition("active_customers", .last, meaning: "customers at the end of the month"),
        MeasureDefinition("churned_customers", meaning: "customers lost"),
        MeasureDefinition(
            "sales_cycle_days", .mean(weight: "new_customers"), kind: .days,
            meaning: "mean days from lead to won, for customers won"),
        // retail
        MeasureDefinition("quality_score", .mean(weight: nil), kind: .score, meaning: "QSP&V quality audit score, 0-100"),
        MeasureDefinition("service_score", .mean(weight: nil), kind: .score, meaning: "QSP&V service audit score, 0-100"),
        MeasureDefinition(
            "cleanliness_score", .mean(weight: nil), kind: .score, meaning: "QSP&V cleanliness audit score, 0-100"),
        MeasureDefinition("value_score", .mean(weight: nil), kind: .score, meaning: "QSP&V value audit score, 0-100"),
        MeasureDefinition("local_spend", kind: .money, meaning: "local-store marketing spend"),
        MeasureDefinition("transactions", meaning: "till transactions"),
        MeasureDefinition("net_sales", kind: .money, meaning: "net sales"),
        MeasureDefinition("net_sales_last_year", kind: .money, meaning: "net sales of the same stores a year earlier"),
        // tech
        MeasureDefinition("trials", meaning: "trials started"),
        MeasureDefinition("activations", meaning: "trials activated"),
        MeasureDefinition("paid_conversions", meaning: "trials converted to paid"),
        MeasureDefinition("community_members", meaning: "community members"),
        MeasureDefinition("advocates", meaning: "community advocates"),
        MeasureDefinition("referral_customers", meaning: "customers won by referral"),
        // luxury
        MeasureDefinition("full_price_units", meaning: "units sold at full price"),
        MeasureDefinition("units_sold", meaning: "units sold"),
        MeasureDefinition("waitlist", .last, meaning: "clients on the waiting list"),
        MeasureDefinition("allocations", meaning: "units allocated to clients"),
        MeasureDefinition("repeat_clients", meaning: "clients who bought again"),
        MeasureDefinition("clients", .last, meaning: "active clients"),
        MeasureDefinition("event_attendees", meaning: "attendees of client events"),
        // banking
        MeasureDefinition("customers", .last, meaning: "customers"),
        MeasureDefinition("digital_active", .last, meaning: "digitally active customers"),
        MeasureDefinition("products_held", .last, meaning: "products held by customers"),
        MeasureDefinition("onboarding_started", meaning: "onboardings started"),
        MeasureDefinition("onboarding_completed", meaning: "onboardings completed"),
        MeasureDefinition("consent_opt_ins", .last, meaning: "customers who consented to personalisation"),
        MeasureDefinition("complaints", meaning: "complaints received"),
        MeasureDefinition("nps", .mean(weight: nil), kind: .other, meaning: "net promoter score"),
    ]
}
