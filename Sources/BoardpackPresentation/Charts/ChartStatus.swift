import BoardpackContent

/// A KPI's status against its target, as a chart shows it: by colour class *and* by marker
/// shape and word, never by colour alone.
package enum ChartStatus: String, Sendable, Hashable, CaseIterable {
    /// On or better than target.
    case green
    /// Within the tolerance band.
    case amber
    /// Off target beyond the tolerance.
    case red

    /// The colour class, `status-green` etc.
    var cssClass: String { "status-\(rawValue)" }

    /// A default word for the status; callers may pass the pack's own label instead.
    package func word(_ locale: PackLocale) -> String {
        switch self {
        case .green: locale.label("on_target")
        case .amber: locale.label("watch")
        case .red: locale.label("off_target")
        }
    }

    /// Draws the status marker centred on (x, y): a circle for green, a triangle for amber,
    /// a square for red, so the status survives greyscale printing and colour blindness.
    func drawMarker(into svg: inout SVGBuilder, x: Double, y: Double, size: Double = 10) {
        let h = size / 2
        let cls = "marker \(cssClass)"
        switch self {
        case .green: svg.circle(x, y, h, cls)
        case .amber:
            svg.polyline([(x, y - h), (x + h, y + h * 0.8), (x - h, y + h * 0.8)], cls, closed: true)
        case .red: svg.rect(x - h * 0.85, y - h * 0.85, h * 1.7, h * 1.7, cls)
        }
    }
}
