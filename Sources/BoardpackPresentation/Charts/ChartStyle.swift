/// Shared sizes of the chart layout, in viewBox units (1 unit ≈ 1 CSS pixel at 640 wide).
///
/// The charts set no colours: every mark carries classes that the theme's stylesheet colours
/// from CSS custom properties (the theme's `templates/style.css`, section "Charts").
///
/// Classes used:
/// - root: `bp-chart` and `bp-chart-<kind>` (`line`, `sparkline`, `bar`, `stacked`, `funnel`,
///   `bullet`, `scatter`, `heatmap`);
/// - colour carriers, which set `--bp-c` for their element and children: `series-1` … `series-8`,
///   `status-green`, `status-amber`, `status-red`, `heat-1` … `heat-5`;
/// - marks that take the carrier's colour: `line` (stroke), `dot`, `bar`, `swatch`, `marker`
///   (fill), `series-label` (text fill);
/// - neutral marks: `grid`, `axis`, `tick-label`, `axis-title`, `label`, `label-muted`,
///   `target`, `target-label`, `target-mark`, `band`, `bullet-value`, `cell`, `cell-label`,
///   `on-dark`, `na`, `negative`, `reference`.
enum ChartStyle {
    /// Default chart width.
    static let width = 640.0
    /// Default chart height.
    static let height = 280.0
    /// Body text size.
    static let fontSize = 12.0
    /// Tick label size.
    static let tickFontSize = 11.0
    /// Vertical distance between stacked labels.
    static let lineHeight = 14.0
    /// How many series colours the stylesheet defines; later series reuse them.
    static let seriesColours = 8

    /// The colour class of the `index`-th series (0-based).
    static func seriesClass(_ index: Int) -> String { "series-\(index % seriesColours + 1)" }
}
