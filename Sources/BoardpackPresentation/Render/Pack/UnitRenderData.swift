import BoardpackContent
import BoardpackFormat
import BoardpackMetrics

/// What every pack of a unit shows alike, written once per unit before its packs render
/// (``SiteBuilder``) instead of once per pack: the channels' names, the spend by channel that
/// the Channels section charts over twelve periods and the headline KPIs that the tiles and the
/// trends draw over the same twelve, each value with its text, and the periods' short labels. A
/// period lies in the window of up to twelve packs, and each of them formatted its figures anew.
/// The figures themselves come from the compute phase (``UnitReport``).
package final class UnitRenderData: Sendable {
    /// The channel dimension's values (``UnitReport/dimensionValues``), empty when the unit has
    /// no channel figures; channels are passed around as indices into it.
    let channels: [String]
    /// Each channel's name as people read it (`labels:`, else humanised: ``UnitConfig/displayName(_:language:)``).
    let channelNames: [String]
    /// The channels by value (`a` < `b` as strings), as the spend chart lists those the period
    /// has no figure for.
    let channelsByValue: [Int]
    /// Spend by channel for each period of the spend charts of the packs asked for.
    private let spend: [Period: ChannelSpend]
    /// Each headline KPI's value and text in each period of the packs' windows.
    private let headline: [String: [Period: TrendPoint]]
    /// The windows' periods as axes label them (``PackFormatter/period(_:short:)``).
    private let shortLabels: [Period: String]
    private let locale: PackLocale

    /// Every channel's spend in one period.
    struct ChannelSpend: Sendable {
        /// By channel index; nil where the channel reported none.
        var values: [Double?]
        /// Each value as the spend chart and its data table write it (money, n/a).
        var texts: [String]
        /// Whether any channel has a value.
        var any: Bool
    }

    /// A headline KPI in one period.
    struct TrendPoint: Sendable {
        var value: Double?
        /// The value as the pack writes it (``PackContext/format(_:_:)``).
        var text: String
    }

    /// The texts of `unit`'s figures, in its locale.
    package init(_ unit: UnitReport) {
        locale = unit.locale
        let formatter = PackFormatter(locale: locale)
        var periods = Set(unit.channelSpend.keys)
        for points in unit.headline.values { periods.formUnion(points.keys) }
        shortLabels = Dictionary(uniqueKeysWithValues: periods.map { ($0, formatter.period($0, short: true)) })
        var headline: [String: [Period: TrendPoint]] = [:]
        for (id, points) in unit.headline {
            let format = unit.valueFormat(id)
            headline[id] = points.mapValues { TrendPoint(value: $0, text: format.format($0, locale: unit.locale)) }
        }
        self.headline = headline
        let channels = unit.dimensionValues["channel"] ?? []
        self.channels = channels
        channelNames = channels.map { [config = unit.unit.config, language = unit.locale.language] in
            config.displayName($0, language: language)
        }
        channelsByValue = channels.indices.sorted { channels[$0] < channels[$1] }
        let money = ValueFormat.currency(unit.unit.config.currency)
        spend = unit.channelSpend.mapValues { values in
            ChannelSpend(
                values: values, texts: values.map { money.format($0, locale: unit.locale) }, any: values.contains { $0 != nil })
        }
    }

    /// Headline KPI `id` in the `count` periods ending with `period` (oldest first), with each
    /// value's text; nil when the unit's report does not hold them (a KPI that is not a
    /// headline one, or a period outside the packs asked for).
    func trend(_ id: String, endingAt period: Period, count: Int) -> [(period: Period, value: Double?, text: String)]? {
        guard let points = headline[id] else { return nil }
        var trend: [(period: Period, value: Double?, text: String)] = []
        trend.reserveCapacity(count)
        for k in (0..<count).reversed() {
            let p = period.advanced(by: -k)
            guard let point = points[p] else { return nil }
            trend.append((p, point.value, point.text))
        }
        return trend
    }

    /// A period as axes label it: "Oct 2026", "Q3 2026".
    func shortLabel(_ period: Period) -> String {
        shortLabels[period] ?? PackFormatter(locale: locale).period(period, short: true)
    }

    /// Every channel's spend in `period` (none outside the packs' windows).
    func spend(at period: Period) -> ChannelSpend {
        spend[period]
            ?? ChannelSpend(
                values: channels.map { _ in nil }, texts: channels.map { _ in PackFormatter(locale: locale).notAvailable }, any: false)
    }
}
