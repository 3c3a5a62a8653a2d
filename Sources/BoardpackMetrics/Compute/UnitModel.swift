import BoardpackContent
import BoardpackFormat

/// A unit ready to render: its content, metrics engine and packs.
package struct UnitModel: Sendable {
    package var unit: UnitContent
    package var metrics: UnitMetrics
    package var periods: [Period]
    package var locale: PackLocale
    package var playbooks: CompiledPlaybooks
    /// Reconciliation findings (SPEC §3.6) over all the unit's data.
    package var findings: [DataQualityFinding]
}

extension UnitModel {
    /// The unit's sector, as its playbook is named.
    package var sector: String { unit.config.sector.rawValue }

    /// The figures of the pack of `period` with each KPI's one status (SPEC §5.5), and the
    /// playbook's results weighed against them. A quarterly pack reads the verdicts of its
    /// months from `months` when it knows them (``UnitReport`` works each period out once).
    package func judged(
        _ period: Period, breakdowns: Bool = true, months: (Month) -> Verdict? = { _ in nil }
    ) -> Verdict {
        var pack = metrics.pack(period, breakdowns: breakdowns)
        let display = valueDisplay(at: period)
        guard
            var run = PlaybookRun.run(
                playbooks, sector: sector, metrics: metrics, period: period, locale: locale, format: display.text,
                subjectName: { [config = unit.config, language = locale.language] in config.displayName($0, language: language) })
        else { return Verdict(metrics: pack, playbook: nil, display: display) }
        if period.monthCount > 1 {
            // Each month's verdicts as that month's pack shows them (weighed against its statuses).
            let months = period.months.map { month in
                (month, (months(month) ?? judged(.month(month), breakdowns: false)).playbook?.results ?? [])
            }
            run.results = PlaybookRun.merging(run.results, months: months, rules: playbooks.playbooks[sector]?.rules ?? [], locale: locale)
        }
        let dictionary = metrics.metrics.dictionary, labels = unitPlaybookLabels
        OneVoice.weigh(&pack, &run, rules: playbooks.playbooks[sector]?.rules ?? []) { id in
            dictionary.kpis[id]?.label ?? labels[id] ?? PlaybookText(en: id)
        }
        return Verdict(metrics: pack, playbook: run, display: display)
    }

    /// How the pack of `period` writes each KPI's values: with the digits that keep a value on
    /// its side of its target and of the thresholds of the rules that judge it (SPEC §3.4 rule 9).
    package func valueDisplay(at period: Period) -> ValueDisplay {
        var thresholds = playbooks.thresholds(sector: sector)
        for kpi in metrics.applicableKPIs {
            let target = metrics.target(kpi.id, at: period.lastMonth)
            thresholds[kpi.id, default: []] += KPIStatus.thresholds(of: target, tolerance: metrics.tolerance, better: kpi.better)
        }
        return ValueDisplay(
            dictionary: metrics.metrics.dictionary, currency: unit.config.currency, locale: locale, thresholds: thresholds)
    }

    /// Labels of the sector playbook's own KPIs (network KPIs are not in the dictionary).
    var unitPlaybookLabels: [String: PlaybookText] {
        Dictionary((playbooks.playbooks[sector]?.kpis ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }
}

/// What a pack says of its KPIs: the figures with each one's status, the playbook's results
/// weighed against them, and how its values are written.
package struct Verdict: Sendable {
    package var metrics: PackMetrics
    package var playbook: PlaybookRun?
    package var display: ValueDisplay
}

/// How a pack writes KPI values: each in its unit, with up to three more digits where the
/// usual ones would put it on the other side of (or on) a number that decides its status.
package struct ValueDisplay: Sendable {
    let dictionary: MetricDictionary
    let currency: String
    package let locale: PackLocale
    /// KPI id → the numbers its status turns on: target, band and amber edges, rule thresholds.
    package let thresholds: [String: [Double]]

    /// The format of KPI `id`'s values.
    package func format(_ id: String) -> ValueFormat { dictionary.valueFormat(id, currency: currency) }

    /// The extra digits `value` of KPI `id` needs.
    package func extraDigits(_ id: String, _ value: Double?) -> Int {
        guard let t = thresholds[id], !t.isEmpty else { return 0 }
        return format(id).extraDigits(for: value, keepingSidesOf: t)
    }

    /// `value` of KPI `id` as the pack shows it.
    package func text(_ id: String, _ value: Double?) -> String {
        format(id).format(value, locale: locale, extraDigits: extraDigits(id, value))
    }
}
