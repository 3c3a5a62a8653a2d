import BoardpackContent
import BoardpackFormat
import BoardpackMetrics

/// What every pack of a unit reads alike, worked out once per unit before its packs render
/// (``SiteBuilder``) instead of once per pack: the channels' names and slices, the spend by
/// channel that the Channels section charts over twelve periods, the headline KPIs that the
/// tiles and the trends draw over the same twelve, and the periods' short labels. A period lies
/// in the window of up to twelve packs, and each of them wrote and formatted its figures anew.
package final class UnitRenderData: Sendable {
    /// The channel dimension's values (``UnitData/dimensionLabels``), empty when the unit has
    /// no channel figures; channels are passed around as indices into it.
    let channels: [String]
    /// Each channel's name as people read it (``ChartFigure/displayName(_:)``).
    let channelNames: [String]
    /// Each channel's slice of the unit's data.
    let channelSlices: [UnitData.Slice]
    /// The channels by value (`a` < `b` as strings), as the spend chart lists those the period
    /// has no figure for.
    let channelsByValue: [Int]
    /// Spend by channel for each period of the spend charts of the packs asked for.
    private let spend: [Period: ChannelSpend]
    /// Each headline KPI's value and text in each period of the packs' windows.
    private let headline: [String: [Period: TrendPoint]]
    /// The windows' periods as axes label them (``PackFormatter/period(_:short:)``).
    private let shortLabels: [Period: String]
    /// What a period missing from `spend` is computed from.
    private let metrics: UnitMetrics
    private let format: ValueFormat
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

    /// The data for the packs of `periods` (every pack of the unit, or those a subset build
    /// renders); `headline` lists the unit's headline KPIs.
    init(metrics: UnitMetrics, currency: String, locale: PackLocale, headline ids: [String], periods: [Period]) {
        self.metrics = metrics
        self.locale = locale
        format = .currency(currency)
        let data = metrics.data
        // The periods of every window: the twelve ending with each pack.
        var window = Set<Period>()
        for period in periods {
            for k in 0..<max(PackContext.trendPeriods, ChannelsSection.periods) { window.insert(period.advanced(by: -k)) }
        }
        let formatter = PackFormatter(locale: locale)
        shortLabels = Dictionary(uniqueKeysWithValues: window.map { ($0, formatter.period($0, short: true)) })
        var headline: [String: [Period: TrendPoint]] = [:]
        for id in ids where headline[id] == nil {
            let format = PackContext.valueFormat(id, metrics.metrics.dictionary, currency: currency)
            var points: [Period: TrendPoint] = [:]
            for period in window {
                // What ``UnitMetrics/series(_:endingAt:count:slice:)`` reads for any window
                // ending at or after the period: formulas read the period and those before.
                let value = metrics.evaluator(for: period).kpi(id, at: period).value
                points[period] = TrendPoint(value: value, text: format.format(value, locale: locale))
            }
            headline[id] = points
        }
        self.headline = headline
        let channels = data.dimensionLabels[ChannelsSection.dimension] ?? []
        self.channels = channels
        channelNames = channels.map(ChartFigure.displayName)
        let channelSlices = channels.compactMap { data.slice(ChannelsSection.dimension, $0) }
        self.channelSlices = channelSlices
        channelsByValue = channels.indices.sorted { channels[$0] < channels[$1] }
        guard !channels.isEmpty, channelSlices.count == channels.count else {
            spend = [:]
            return
        }
        var spend: [Period: ChannelSpend] = [:]
        for period in window { spend[period] = Self.spend(at: period, metrics, channelSlices, format, locale) }
        self.spend = spend
    }

    /// The data for `model`'s packs of `periods`.
    package convenience init(_ model: UnitModel, periods: [Period]) {
        self.init(
            metrics: model.metrics, currency: model.unit.config.currency, locale: model.locale, headline: model.unit.config.headline,
            periods: periods)
    }

    /// Headline KPI `id` in the `count` periods ending with `period` (oldest first), with each
    /// value's text; nil when the unit's data does not hold them (a KPI that is not a headline
    /// one, or a period outside the packs asked for).
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

    /// Every channel's spend in `period`.
    func spend(at period: Period) -> ChannelSpend {
        spend[period] ?? Self.spend(at: period, metrics, channelSlices, format, locale)
    }

    /// Every channel's spend in `period` as ``UnitMetrics/measureSeries(_:endingAt:count:slice:)``
    /// reads it for a window ending at or after `period` (the cutoff of a later pack does not
    /// change a period before it).
    private static func spend(
        at period: Period, _ metrics: UnitMetrics, _ slices: [UnitData.Slice], _ format: ValueFormat, _ locale: PackLocale
    ) -> ChannelSpend {
        let spend = metrics.evaluator(for: period).resolvedMeasure("spend")
        let values = slices.map { spend(period, $0).value }
        return ChannelSpend(
            values: values, texts: values.map { format.format($0, locale: locale) }, any: values.contains { $0 != nil })
    }
}
