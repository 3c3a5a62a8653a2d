/// The running aggregate of one measure over some rows: mergeable across dimension values and
/// months, finalised by the measure's aggregation (SPEC §3.4 rule 1).
struct MonthAggregate: Sendable, Hashable {
    /// `sum`: Σ x. `last`: the kept value (summed across dimension values). `mean`: Σ w·x.
    var sum: Double = 0
    /// `mean`: Σ w over the rows that carried a weight.
    var weight: Double = 0
    /// `mean`: Σ x, for the plain-mean fallback.
    var plainSum: Double = 0
    /// `mean`: rows that carried a weight.
    var weightedRows: Int32 = 0
    /// Rows that reported a value.
    var reported: Int32 = 0
    /// Rows of files having the column that left the cell empty.
    var empty: Int32 = 0

    /// Adds another aggregate of rows of different dimension values (or, for `sum`/`mean`, of
    /// other months).
    mutating func add(_ o: MonthAggregate) {
        sum += o.sum
        weight += o.weight
        plainSum += o.plainSum
        weightedRows += o.weightedRows
        reported += o.reported
        empty += o.empty
    }

    /// The aggregate value, `nil` when no row reported one.
    func value(_ aggregation: MeasureDefinition.Aggregation) -> Double? {
        guard reported > 0 else { return nil }
        switch aggregation {
        case .sum, .last: return sum
        case .mean:
            if weightedRows == reported && weight > 0 { return sum / weight }
            return plainSum / Double(reported)
        }
    }

    /// True when some rows reported and others left the cell empty.
    var isPartial: Bool { reported > 0 && empty > 0 }

    /// Combines the months of a period, oldest first: `sum` and `mean` merge, `last` keeps the
    /// latest reported month. Partial when any month is partial or unreported while others report.
    static func combine(_ months: some Collection<MonthAggregate>, _ aggregation: MeasureDefinition.Aggregation) -> MeasureValue {
        if months.count == 1, let only = months.first { return MeasureValue(value: only.value(aggregation), partial: only.isPartial) }
        var merged = MonthAggregate()
        var partial = false
        var anyMissing = false
        for m in months {
            partial = partial || m.isPartial
            if m.reported == 0 {
                anyMissing = true
                merged.empty += m.empty
                continue
            }
            if case .last = aggregation {
                let empty = merged.empty + m.empty
                merged = m
                merged.empty = empty
            } else {
                merged.add(m)
            }
        }
        let value = merged.value(aggregation)
        return MeasureValue(value: value, partial: value != nil && (partial || anyMissing))
    }
}

/// A value that may be n/a, and whether it was computed from partial data (SPEC §3.4 rules 2–3).
package struct MeasureValue: Sendable, Hashable {
    /// `nil` is n/a: never shown as 0.
    package var value: Double?
    /// Computed over the reporting rows only.
    package var partial: Bool

    /// Creates a value.
    package init(value: Double?, partial: Bool = false) {
        self.value = value
        self.partial = partial
    }

    /// n/a.
    package static let na = MeasureValue(value: nil)
}
