import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// What every chart must state and must never contain, checked on the SVG text.
@Suite struct ChartContentTests {
    static let months = ["Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026"]
    let line = LineChart(
        id: "cac", title: "CAC by month", series: [ChartSeries(name: "CAC", values: [38.2, nil, 40.5, 41.18])],
        periods: months, target: [45, 45, 45, 45], valueFormat: .currency("EUR"), locale: .enGB)

    func allCharts() -> [String] {
        [
            line.svg(),
            Sparkline(id: "s", title: "CAC", periods: Self.months, values: [1, nil, 3, 4], valueFormat: .count, locale: .enGB).svg(),
            BarChart(id: "b", title: "R&D <spend>", categories: ["A & B", "C"], values: [1, -2], valueFormat: .count, locale: .enGB).svg(),
            StackedBarChart(
                id: "st", title: "Mix", periods: ["a", "b"], series: [ChartSeries(name: "x", values: [1, 2])],
                valueFormat: .count, locale: .enGB
            ).svg(),
            FunnelChart(
                id: "f", title: "Funnel", stages: [.init(name: "Leads", value: 100), .init(name: "Won", value: 10)],
                locale: .enGB
            ).svg(),
            BulletChart(
                id: "u", title: "CAC", label: "CAC", value: 50, target: 45, higherIsBetter: false, status: .red,
                valueFormat: .currency("EUR"), locale: .enGB
            ).svg(),
            ScatterChart(
                id: "sc", title: "CAC vs CLV", points: [.init(label: "Search", x: 10, y: 40)], xTitle: "CAC",
                yTitle: "CLV", xFormat: .count, yFormat: .count, locale: .enGB
            ).svg(),
            Heatmap(
                id: "h", title: "QSP&V", rows: ["Milano"], columns: ["Q"], values: [[4.2]], valueFormat: .number(fractionDigits: 1),
                locale: .itIT
            ).svg(),
        ]
    }

    @Test func everyChartIsAccessibleAndHasNoInlineStyle() {
        for svg in allCharts() {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-chart "))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title id="))
            #expect(svg.contains("<desc id="))
            #expect(!svg.contains("style="))
            #expect(!svg.contains("<script"))
        }
    }

    @Test func textIsEscaped() {
        let svg = BarChart(
            id: "b", title: "R&D <spend>", categories: ["A & B", "C'"], values: [1, 2], valueFormat: .count,
            locale: .enGB
        ).svg()
        #expect(svg.contains("<title id=\"b-title\">R&amp;D &lt;spend&gt;</title>"))
        #expect(svg.contains(">A &amp; B<"))
        #expect(svg.contains(">C&#39;<"))
        #expect(!svg.contains("A & B"))
    }

    @Test func descriptionStatesTheNumbers() {
        #expect(
            line.svg().contains(
                "<desc id=\"cac-desc\">CAC by month: Nov 2025 €38.20, Dec 2025 n/a, Jan 2026 €40.50, Feb 2026 €41.18. Target: €45.00.</desc>"
            ))
    }

    @Test func gapSplitsTheLineAndLonePointsAreDots() {
        // 38.2 stands alone before the gap: a dot; 40.5 → 41.18 is one path; plus the end dot.
        let svg = line.svg()
        #expect(svg.components(separatedBy: "class=\"line\"").count - 1 == 1)
        #expect(svg.components(separatedBy: "class=\"dot\"").count - 1 == 2)
        let single = LineChart(
            id: "one", title: "One", series: [ChartSeries(name: "x", values: [34])], periods: ["Oct 2026"],
            valueFormat: .days, locale: .enGB
        ).svg()
        #expect(!single.contains("class=\"line\""))
        #expect(single.contains("class=\"dot\""))
    }

    @Test func longLabelsAreTruncatedWithTheFullTextInATitle() {
        let name = "North-West England & the Isle of Man franchise network"
        let svg = BarChart(
            id: "b", title: "LVR", categories: [name, "London"], values: [0.2, 0.1], valueFormat: .ratio,
            locale: .enGB, orientation: .horizontal
        ).svg()
        #expect(svg.contains("…<title>North-West England &amp; the Isle of Man franchise network</title></text>"))
    }

    @Test func statusIsShownByShapeAndWordNotColourAlone() {
        let svg = BulletChart(
            id: "u", title: "CAC", label: "CAC", value: 52.4, target: 45, higherIsBetter: false,
            status: .red, valueFormat: .currency("EUR"), locale: .enGB
        ).svg()
        #expect(svg.contains("class=\"marker status-red\""))
        #expect(svg.contains(">off target<"))
        // Lower is better, target 45, tolerance 10% → green to 45, amber 45–49.5, red above.
        let chart = BulletChart(
            id: "u", title: "CAC", label: "CAC", value: 52.4, target: 45, higherIsBetter: false,
            valueFormat: .currency("EUR"), locale: .enGB)
        #expect(
            chart.bands(lower: 0, upper: 60) == [
                .init(from: 0, to: 45, status: .green), .init(from: 45, to: 49.5, status: .amber), .init(from: 49.5, to: 60, status: .red),
            ])
    }

    @Test func dataTables() {
        #expect(
            line.dataTable()
                == ChartDataTable(
                    headers: ["Period", "CAC", "Target"],
                    rows: [
                        ["Nov 2025", "€38.20", "€45.00"], ["Dec 2025", "n/a", "€45.00"], ["Jan 2026", "€40.50", "€45.00"],
                        ["Feb 2026", "€41.18", "€45.00"],
                    ]))
        // Clicks / impressions = 31,400 / 1,250,000 = 0.02512 → 2.5%; a missing stage breaks both its rates.
        let funnel = FunnelChart(
            id: "f", title: "Funnel",
            stages: [
                .init(name: "Impressions", value: 1_250_000),
                .init(name: "Clicks", value: 31_400), .init(name: "Leads", value: nil),
            ], locale: .enGB)
        #expect(funnel.dataTable().rows == [["Impressions", "1,250,000", ""], ["Clicks", "31,400", "2.5%"], ["Leads", "n/a", "n/a"]])
        // 1,250,000 / 31,400 ≈ 39.8, under a hundredfold: linear widths. Down to 96 customers
        // (1,250,000 / 96 ≈ 13,000) the widths go logarithmic.
        #expect(!funnel.usesLogScale)
        var deeper = funnel
        deeper.stages.append(.init(name: "Customers", value: 96))
        #expect(deeper.usesLogScale)
        // Totals skip missing parts: 10 + (missing) = 10; a period with no parts at all is n/a.
        let stacked = StackedBarChart(
            id: "s", title: "Spend", periods: ["a", "b"],
            series: [ChartSeries(name: "x", values: [10, nil]), ChartSeries(name: "y", values: [nil, nil])],
            valueFormat: .count, locale: .enGB)
        #expect(stacked.dataTable().rows == [["a", "10", "n/a", "10"], ["b", "n/a", "n/a", "n/a"]])
    }

    @Test func heatmapShades() {
        let map = Heatmap(id: "h", title: "t", rows: [], columns: [], values: [], valueFormat: .count, locale: .enGB)
        // Five equal steps over 2.9…4.6 (width 1.7 / 5 = 0.34 each): 2.9 → 1;
        // 3.3 → 1 + floor(0.4 / 0.34) = 1 + floor(1.18) = 2; 4.6 → 5 (the top is kept in the last step).
        #expect(map.step(2.9, low: 2.9, high: 4.6) == 1)
        #expect(map.step(3.3, low: 2.9, high: 4.6) == 2)
        #expect(map.step(4.6, low: 2.9, high: 4.6) == 5)
        #expect(map.step(4, low: 4, high: 4) == 3)
    }

    @Test func emptyInputsStillMakeWellFormedCharts() {
        let empty = [
            LineChart(id: "l", title: "t", series: [], periods: [], valueFormat: .count, locale: .enGB).svg(),
            LineChart(
                id: "l", title: "t", series: [ChartSeries(name: "x", values: [nil, nil])], periods: ["a", "b"],
                target: [nil, 3], valueFormat: .count, locale: .enGB
            ).svg(),
            Sparkline(id: "s", title: "t", periods: [], values: [], valueFormat: .count, locale: .enGB).svg(),
            BarChart(id: "b", title: "t", categories: [], values: [], valueFormat: .count, locale: .enGB).svg(),
            BarChart(id: "b", title: "t", categories: [], values: [], valueFormat: .count, locale: .enGB, orientation: .horizontal).svg(),
            StackedBarChart(id: "st", title: "t", periods: [], series: [], valueFormat: .count, locale: .enGB).svg(),
            FunnelChart(id: "f", title: "t", stages: [], locale: .enGB).svg(),
            BulletChart(
                id: "u", title: "t", label: "x", value: nil, target: nil, higherIsBetter: true, valueFormat: .count,
                locale: .enGB
            ).svg(),
            ScatterChart(
                id: "sc", title: "t", points: [], xTitle: "x", yTitle: "y", xFormat: .count, yFormat: .count,
                locale: .enGB
            ).svg(),
            Heatmap(id: "h", title: "t", rows: [], columns: [], values: [], valueFormat: .count, locale: .enGB).svg(),
        ]
        for svg in empty {
            #expect(svg.hasSuffix("</svg>\n"))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }

    @Test func outputIsDeterministic() {
        #expect(allCharts() == allCharts())
    }
}
