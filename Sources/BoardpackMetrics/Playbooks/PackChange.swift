import BoardpackContent

/// What changed between two packs' figures: KPIs whose status flipped between green, amber
/// and red, and KPIs whose value moved past the commentary threshold. The pack's *What
/// changed* section and `boardpack diff` both list these, so they cannot disagree.
package struct PackChange: Sendable {
    package var before: KPIResult
    package var after: KPIResult
    /// Both statuses are judged (green, amber, red) and they differ.
    package var flipped: Bool
    /// The value moved past the threshold of SPEC §5.4 (10 %, or 2 pp for ratios).
    package var notable: Bool

    package var id: String { after.id }

    /// Every KPI of `after` that flipped or moved notably since `before`, in `after`'s order.
    package static func between(_ before: PackMetrics, _ after: PackMetrics, dictionary: MetricDictionary) -> [PackChange] {
        let judged: Set<KPIStatus> = [.green, .amber, .red]
        return after.kpis.compactMap { r in
            guard let b = before[kpi: r.id] else { return nil }
            let flipped = judged.contains(r.status) && judged.contains(b.status) && r.status != b.status
            var notable = false
            if let v = r.value, let p = b.value {
                let isRatio = dictionary.kpis[r.id]?.unit == .ratio
                notable = Commentary.Move(isRatio: isRatio, value: v, previous: p).isNotable
            }
            return flipped || notable ? PackChange(before: b, after: r, flipped: flipped, notable: notable) : nil
        }
    }
}
