/// Gridlines, tick labels and category labels shared by the charts with axes.
enum ChartAxes {
    /// Space between an axis label and the plot.
    static let gap = 6.0

    /// The widest of `labels` at tick size.
    static func widest(_ labels: [String], fontSize: Double = ChartStyle.tickFontSize) -> Double {
        labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
    }

    /// Light horizontal gridlines across [left, right] with labels to the left, for a value
    /// axis running from `bottom` (scale lower) to `top`. The zero line is drawn as `axis`.
    static func drawHorizontalGrid(
        into svg: inout SVGBuilder, scale: NiceScale, labels: [String],
        left: Double, right: Double, top: Double, bottom: Double
    ) {
        svg.group("grid-lines")
        for (tick, label) in zip(scale.ticks, labels) {
            let y = scale.position(tick, from: bottom, to: top)
            svg.line(left, y, right, y, tick == 0 ? "axis" : "grid")
            svg.text(
                label, x: left - gap, y: y, anchor: .end, cssClass: "tick-label",
                fontSize: ChartStyle.tickFontSize, middleBaseline: true)
        }
        svg.close("g")
    }

    /// Light vertical gridlines down [top, bottom] with labels below, for a value axis running
    /// from `left` (scale lower) to `right`.
    static func drawVerticalGrid(
        into svg: inout SVGBuilder, scale: NiceScale, labels: [String],
        left: Double, right: Double, top: Double, bottom: Double
    ) {
        svg.group("grid-lines")
        for (tick, label) in zip(scale.ticks, labels) {
            let x = scale.position(tick, from: left, to: right)
            svg.line(x, top, x, bottom, tick == 0 ? "axis" : "grid")
            svg.text(
                label, x: x, y: bottom + 14, anchor: .middle, cssClass: "tick-label",
                fontSize: ChartStyle.tickFontSize)
        }
        svg.close("g")
    }

    /// Which of `count` evenly spaced labels to show so none overlap: every k-th, counted back
    /// from the last, so the latest period is always labelled.
    static func thinned(count: Int, labelWidth: Double, spacing: Double) -> [Int] {
        guard count > 0 else { return [] }
        let needed = labelWidth + 8
        var every = 1
        while spacing * Double(every) < needed && every < count { every += 1 }
        return (0..<count).filter { (count - 1 - $0) % every == 0 }
    }

    /// Period labels under a point or band scale: thinned when they would collide.
    static func drawPeriodLabels(
        into svg: inout SVGBuilder, labels: [String], xs: [Double], spacing: Double, y: Double,
        chartWidth: Double = ChartStyle.width
    ) {
        let shown = thinned(count: labels.count, labelWidth: widest(labels), spacing: spacing)
        svg.group("x-labels")
        for index in shown {
            // Keep the first and last labels inside the chart: pin them to its edges.
            let half = TextMetrics.width(labels[index], fontSize: ChartStyle.tickFontSize) / 2
            let (x, anchor): (Double, SVGBuilder.Anchor) =
                xs[index] - half < 0 ? (0, .start) : xs[index] + half > chartWidth ? (chartWidth, .end) : (xs[index], .middle)
            svg.text(labels[index], x: x, y: y, anchor: anchor, cssClass: "tick-label", fontSize: ChartStyle.tickFontSize)
        }
        svg.close("g")
    }

    /// Spreads label positions so consecutive ones are at least `gap` apart, keeping them
    /// inside [low, high] when there is room. Returns positions in the input order.
    static func spread(_ positions: [Double], gap: Double, low: Double, high: Double) -> [Double] {
        let order = positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
        var placed = order.map { positions[$0] }
        for i in placed.indices {
            placed[i] = max(placed[i], low)
            if i > 0 { placed[i] = max(placed[i], placed[i - 1] + gap) }
        }
        if let last = placed.last, last > high {
            placed[placed.count - 1] = high
            for i in stride(from: placed.count - 2, through: 0, by: -1) {
                placed[i] = min(placed[i], placed[i + 1] - gap)
            }
        }
        var result = positions
        for (slot, index) in order.enumerated() { result[index] = placed[slot] }
        return result
    }
}
