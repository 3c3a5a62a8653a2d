import BoardpackContent

/// Which packs exist for a unit (SPEC §4).
package struct PackPeriods: Sendable, Hashable {
    /// Monthly packs, oldest first: the last `archiveMonths` months that have data.
    var monthly: [Period]
    /// Quarterly packs, oldest first: complete quarters whose last month is one of those months.
    package var quarterly: [Period]

    /// Creates the lists directly.
    package init(monthly: [Period], quarterly: [Period]) {
        self.monthly = monthly
        self.quarterly = quarterly
    }

    /// Computes the packs from the months that have data (any row in any data file).
    package init(monthsWithData: some Sequence<Month>, archiveMonths: Int) {
        let all = Set(monthsWithData)
        let window = all.sorted().suffix(max(0, archiveMonths))
        monthly = window.map { .month($0) }
        quarterly = window.filter { m in
            m.month % 3 == 0 && all.contains(m.advanced(by: -1)) && all.contains(m.advanced(by: -2))
        }.map { Period.quarter(containing: $0) }
    }

    /// Every pack, sorted (a quarter right after its last month).
    package var all: [Period] { (monthly + quarterly).sorted() }
}
