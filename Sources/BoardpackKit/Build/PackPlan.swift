/// Which packs a unit gets (SPEC §4): a monthly pack for each of the last `archiveMonths`
/// months that have data, and a quarterly pack for each complete quarter whose last month
/// falls in that window.
public enum PackPlan {
    /// The packs for a unit whose data covers `monthsWithData`, oldest first, quarters after
    /// the month they end with.
    public static func periods(monthsWithData: Set<Month>, archiveMonths: Int) -> [Period] {
        let months = monthsWithData.sorted().suffix(archiveMonths)
        guard let first = months.first else { return [] }
        var result: [Period] = []
        for month in months {
            result.append(.month(month))
            if month.month % 3 == 0 && month >= first {
                let quarter = Period.quarter(year: month.year, quarter: month.quarter)
                if quarter.months.allSatisfy(monthsWithData.contains) { result.append(quarter) }
            }
        }
        return result
    }

    /// Months in which any data file of the unit has a row.
    public static func monthsWithData(_ files: [DataFile]) -> Set<Month> {
        var set = Set<Month>()
        for file in files {
            var last: Month?
            for month in file.months where month != last {
                set.insert(month)
                last = month
            }
        }
        return set
    }
}
