import BoardpackContent

/// A KPI the formula language cannot express: one number for the unit obtained by reducing
/// another KPI's values across a dimension (e.g. the QSP&V spread between the best and the
/// worst store).
///
/// ```yaml
/// qspv_spread: {network: {of: qspv_index, across: store, reduce: spread}, unit: count, …}
/// ```
/// The metrics engine computes `of` for each value of `across` in the period (the breakdown)
/// and hands the values to ``reduce(_:)``.
package struct NetworkAggregate: Sendable, Hashable, Decodable {
    /// How the per-value numbers become one.
    package enum Reduction: String, Sendable, Hashable, CaseIterable {
        /// Best minus worst.
        case spread
        case min, max
    }

    /// The KPI (or measure) reduced.
    package var of: String
    /// The dimension whose values are compared.
    var across: String
    /// How the values are combined.
    package var reduce: Reduction

    /// Creates an aggregate.
    package init(of: String, across: String, reduce: Reduction) {
        self.of = of
        self.across = across
        self.reduce = reduce
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case of, across, reduce }

    /// Decodes `{of, across, reduce}`; an unknown reduction is positioned at its value.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        try problems.throwIfAny()
        of = try c.decode(String.self, forKey: .of)
        across = try c.decode(String.self, forKey: .across)
        reduce = try PlaybookFile.choice(Reduction.self, c, .reduce)
    }

    /// Reduces per-value results; n/a values are left out. A spread needs two values, `min` and
    /// `max` one; fewer gives n/a (nil).
    package func reduce(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return nil }
        switch reduce {
        case .spread: return known.count >= 2 ? high - low : nil
        case .min: return low
        case .max: return high
        }
    }
}
