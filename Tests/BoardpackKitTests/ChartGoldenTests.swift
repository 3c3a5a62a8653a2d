import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// Golden SVGs for every chart type, including the awkward cases: a missing value, negative
/// bars, a single data point, all-equal values and very long labels.
@Suite struct ChartGoldenTests {
    static let months = [
        "Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026",
        "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026",
    ]
    static let italianMonths = (0..<12).map {
        PackFormatter(locale: .itIT).shortMonthYear(Month(year: 2025, month: 11).advanced(by: $0))
    }

    @Test func lineWithGapAndTarget() {
        let chart = LineChart(
            id: "cac-trend", title: "CAC by month",
            series: [ChartSeries(name: "CAC", values: [38.2, 40.1, 43.75, nil, 44.9, 41.3, 39.8, 42.6, 45.2, 46.1, 43.0, 41.18])],
            periods: Self.months, target: Array(repeating: 45, count: 12), valueFormat: .currency("EUR"), locale: .enGB)
        assertGoldenSVG(chart.svg(), named: "line-gap-target")
    }

    @Test func lineSeveralSeriesSteppedTargetItalian() {
        let chart = LineChart(
            id: "conv", title: "Tasso lead → cliente per canale",
            series: [
                ChartSeries(name: "Search", values: [0.092, 0.101, 0.108, 0.113, 0.119, 0.121, 0.117, 0.124, 0.13, 0.128, 0.133, 0.137]),
                ChartSeries(name: "Social", values: [0.061, 0.058, nil, 0.066, 0.071, 0.069, 0.074, nil, nil, 0.081, 0.079, 0.083]),
                ChartSeries(name: "Eventi", values: [nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, 0.21]),
            ],
            periods: Self.italianMonths, target: [0.10, 0.10, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12],
            targetLabel: "Obiettivo", valueFormat: .ratio, locale: .itIT)
        assertGoldenSVG(chart.svg(), named: "line-series-stepped-target-it")
    }

    @Test func lineSinglePoint() {
        let chart = LineChart(
            id: "one", title: "Sales cycle", series: [ChartSeries(name: "Days", values: [34])],
            periods: ["Oct 2026"], valueFormat: .days, locale: .enUS)
        assertGoldenSVG(chart.svg(), named: "line-single-point")
    }

    @Test func lineAllEqual() {
        let chart = LineChart(
            id: "flat", title: "CLV to CAC", series: [ChartSeries(name: "CLV:CAC", values: Array(repeating: 3, count: 6))],
            periods: Array(Self.months.prefix(6)), valueFormat: .multiple, locale: .enGB)
        assertGoldenSVG(chart.svg(), named: "line-all-equal")
    }

    @Test func sparkline() {
        let chart = Sparkline(
            id: "tile-cac", title: "CAC, last 12 months", periods: Self.months,
            values: [38.2, 40.1, 43.75, nil, 44.9, 41.3, 39.8, 42.6, 45.2, 46.1, 43.0, 41.18],
            target: 45, valueFormat: .currency("EUR"), locale: .enGB)
        assertGoldenSVG(chart.svg(), named: "sparkline")
    }

    @Test func verticalBarsNegativeAndMissing() {
        let chart = BarChart(
            id: "romi", title: "Media ROMI by channel",
            categories: ["Search", "Social", "Display", "Email", "Events"],
            values: [1.85, 0.42, -0.35, nil, 1.2], valueFormat: .ratio, locale: .enGB)
        assertGoldenSVG(chart.svg(), named: "bar-vertical-negative")
    }

    @Test func verticalBarsManyLongLabels() {
        let names = [
            "Paid search (brand)", "Paid search (generic)", "Paid social – Meta", "Paid social – LinkedIn",
            "Programmatic display", "Email & CRM <newsletters>", "Affiliates", "Trade events and sponsorships",
        ]
        let chart = BarChart(
            id: "spend", title: "Spend by channel", categories: names,
            values: [48_200, 31_500, 22_750, 12_000, 9_800, 3_100, 4_450, 27_000],
            valueFormat: .currency("GBP"), locale: .enGB)
        assertGoldenSVG(chart.svg(), named: "bar-vertical-long-labels")
    }

    @Test func horizontalBarsLongLabelsNegative() {
        let chart = BarChart(
            id: "lvr", title: "Lead velocity rate by region",
            categories: ["North-West England & the Isle of Man franchise network", "London", "Scotland", "Wales"],
            values: [0.203, 0.087, -0.041, nil], valueFormat: .ratio, locale: .enGB, orientation: .horizontal)
        assertGoldenSVG(chart.svg(), named: "bar-horizontal")
    }

    @Test func stackedSpend() {
        let chart = StackedBarChart(
            id: "spend-mix", title: "Spend by channel", periods: Self.months,
            series: [
                ChartSeries(
                    name: "Search",
                    values: [21_000, 22_500, 19_800, 20_100, 23_400, 24_000, 22_900, 21_700, 25_300, 26_100, 24_800, 25_500]),
                ChartSeries(
                    name: "Social", values: [12_000, 12_500, 11_000, 10_500, 13_200, 13_800, 14_100, 13_900, 15_000, nil, 15_600, 16_200]),
                ChartSeries(name: "Display", values: [6_000, 5_500, 5_000, 5_200, 4_800, 4_500, 4_400, 4_100, 3_900, 3_700, 3_500, 3_300]),
                ChartSeries(name: "Events", values: [0, 0, 8_000, 0, 0, 0, 0, 0, 9_500, 0, 0, 0]),
            ],
            valueFormat: .currency("USD"), locale: .enUS)
        assertGoldenSVG(chart.svg(), named: "stacked-spend")
    }

    @Test func funnelItalian() {
        let chart = FunnelChart(
            id: "funnel", title: "Imbuto, ottobre 2026",
            stages: [
                .init(name: "Impressioni", value: 1_250_000), .init(name: "Clic", value: 31_400),
                .init(name: "Lead", value: 2_150), .init(name: "Lead qualificati", value: 860),
                .init(name: "Opportunità", value: nil), .init(name: "Clienti", value: 96),
            ],
            locale: .itIT)
        assertGoldenSVG(chart.svg(), named: "funnel-it")
    }

    @Test func bulletLowerIsBetterRed() {
        let chart = BulletChart(
            id: "cac-bullet", title: "CAC against target, October 2026", label: "CAC", value: 52.4,
            target: 45, tolerance: 0.1, higherIsBetter: false, status: .red,
            valueFormat: .currency("EUR"), locale: .enGB)
        assertGoldenSVG(chart.svg(), named: "bullet-red")
    }

    @Test func bulletHigherIsBetterAmber() {
        let chart = BulletChart(
            id: "l2c", title: "Tasso lead → cliente", label: "Lead → cliente", value: 0.113,
            target: 0.12, tolerance: 0.1, higherIsBetter: true, status: .amber,
            valueFormat: .ratio, locale: .itIT)
        assertGoldenSVG(chart.svg(), named: "bullet-amber-it")
    }

    @Test func scatterCACvsCLV() {
        let chart = ScatterChart(
            id: "cac-clv", title: "CAC vs CLV by channel",
            points: [
                .init(label: "Search", x: 38.5, y: 162, status: .green), .init(label: "Social", x: 61.2, y: 140, status: .red),
                .init(label: "Email", x: 12.4, y: 118, status: .green), .init(label: "Display", x: 58.9, y: 151, status: .amber),
                .init(label: "Referral partners programme", x: 25, y: 190), .init(label: "Events", x: nil, y: 210),
            ],
            xTitle: "CAC", yTitle: "CLV", xFormat: .currency("EUR"), yFormat: .currency("EUR"), locale: .enGB,
            referenceRatio: 3, referenceLabel: "CLV = 3 × CAC")
        assertGoldenSVG(chart.svg(), named: "scatter")
    }

    @Test func heatmapStores() {
        let chart = Heatmap(
            id: "qspv", title: "QSP&V score by store",
            rows: ["Milano Centrale", "Roma Termini", "Torino Porta Nuova e Lingotto (flagship)", "Napoli"],
            columns: ["Qualità", "Servizio", "Prezzo", "Valore"],
            values: [[4.2, 3.9, 3.1, 4.0], [3.6, 3.4, nil, 3.8], [4.6, 4.4, 3.9, 4.5], [2.9, 3.1, 3.3, 3.0]],
            valueFormat: .number(fractionDigits: 1), locale: .itIT)
        assertGoldenSVG(chart.svg(), named: "heatmap-it")
    }
}
