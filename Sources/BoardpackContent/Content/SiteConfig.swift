/// `content/boardpack.yml`: settings for the whole site.
package struct SiteConfig: Sendable, Equatable, Decodable {
    /// The portal's title.
    package var title: String
    /// Default locale for units that do not set one.
    package var locale: String
    /// How many of the most recent monthly packs to build per unit.
    package var archiveMonths: Int
    /// A fixed "generated on" date (`YYYY-MM-DD`) shown in packs; never the wall clock.
    package var generatedOn: String?
    /// Write `output/index.html`, the CMO's overview of every unit (SPEC §6.1).
    package var portfolio: Bool
    /// The month the fiscal year starts (1–12); a unit may say otherwise.
    package var fiscalYearStart = 1

    package init(
        title: String = "Marketing board packs", locale: String = "en-GB", archiveMonths: Int = 12, generatedOn: String? = nil,
        portfolio: Bool = true
    ) {
        self.title = title
        self.locale = locale
        self.archiveMonths = archiveMonths
        self.generatedOn = generatedOn
        self.portfolio = portfolio
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, locale, portfolio
        case archiveMonths = "archive_months"
        case generatedOn = "generated_on"
        case fiscalYearStart = "fiscal_year_start"
    }

    /// A `fiscal_year_start` key: a month number.
    static func fiscalYearStart<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> Int? {
        guard let month = try c.decodeIfPresent(Int.self, forKey: key) else { return nil }
        guard (1...12).contains(month) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c, debugDescription: "`fiscal_year_start` is the month the fiscal year starts, 1 to 12, not \(month)")
        }
        return month
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        portfolio = problems.field(true) { try c.decodeIfPresent(Bool.self, forKey: .portfolio) ?? true }
        fiscalYearStart = problems.field(1) { try Self.fiscalYearStart(c, .fiscalYearStart) ?? 1 }
        title = problems.field("Marketing board packs") { try c.decodeIfPresent(String.self, forKey: .title) ?? "Marketing board packs" }
        locale = problems.field("en-GB") {
            let text = try c.decodeIfPresent(String.self, forKey: .locale) ?? "en-GB"
            guard PackLocale(parsing: text) != nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .locale, in: c, debugDescription: "unsupported locale `\(text)` (expected en-GB, en-US or it-IT)")
            }
            return text
        }
        archiveMonths = problems.field(12) {
            let months = try c.decodeIfPresent(Int.self, forKey: .archiveMonths) ?? 12
            if months < 1 {
                throw DecodingError.dataCorruptedError(
                    forKey: .archiveMonths, in: c, debugDescription: "`archive_months` must be at least 1")
            }
            return months
        }
        generatedOn = problems.field(nil) {
            let text = try c.decodeIfPresent(String.self, forKey: .generatedOn)
            if let text, ISODate(parsing: text) == nil {
                throw DecodingError.dataCorruptedError(
                    forKey: .generatedOn, in: c, debugDescription: "`generated_on` must be a date written YYYY-MM-DD, not `\(text)`")
            }
            return text
        }
        try problems.throwIfAny()
    }
}

/// A calendar date written `YYYY-MM-DD`, validated (no 30 February).
package struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var month: Month
    package var day: Int

    package init?(parsing text: some StringProtocol) {
        let s = String(text)
        guard s.utf8.count == 10, let month = Month(parsing: s.prefix(7)),
            s.utf8[s.utf8.index(s.utf8.startIndex, offsetBy: 7)] == UInt8(ascii: "-"),
            let day = Month.digits(ArraySlice(s.utf8.suffix(2))), (1...month.dayCount).contains(day)
        else { return nil }
        self.month = month
        self.day = day
    }

    /// Day `day` of `month` (1…its day count).
    package init(month: Month, day: Int) {
        self.month = month
        self.day = day
    }

    package var description: String { "\(month)-\(day < 10 ? "0" : "")\(day)" }

    package static func < (a: ISODate, b: ISODate) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
