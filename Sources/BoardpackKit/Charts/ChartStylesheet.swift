/// The reference stylesheet for the charts: maps their classes to colours and strokes.
///
/// The integrator includes `ChartStylesheet.css` in the page's one `<style>` element (or
/// copies it into the theme and overrides the `--bp-*` properties). Defaults are the
/// Okabe–Ito colour-blind-safe palette; status colours come from the same palette and are
/// always paired with a marker shape or a word in the chart.
public enum ChartStylesheet {
    /// The CSS text.
    public static let css = #"""
.bp-chart {
  --bp-series-1: #0072B2; /* blue */
  --bp-series-2: #E69F00; /* orange */
  --bp-series-3: #009E73; /* bluish green */
  --bp-series-4: #D55E00; /* vermillion */
  --bp-series-5: #CC79A7; /* reddish purple */
  --bp-series-6: #56B4E9; /* sky blue */
  --bp-series-7: #8C6D1F; /* dark yellow (Okabe–Ito yellow is too light on white) */
  --bp-series-8: #000000; /* black */
  --bp-status-green: #009E73;
  --bp-status-amber: #E69F00;
  --bp-status-red: #D55E00;
  --bp-heat-1: #eef3f8;
  --bp-heat-2: #c6d9ea;
  --bp-heat-3: #8db5d6;
  --bp-heat-4: #4a86b8;
  --bp-heat-5: #1f4e79;
  --bp-ink: #262a33;
  --bp-muted: #66605c;
  --bp-grid: #d9d4cc;
  --bp-axis: #8c8580;
  display: block;
  width: 100%;
  height: auto;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-variant-numeric: tabular-nums;
}
/* Colour carriers: set --bp-c for the element and its children. */
.bp-chart .series-1 { --bp-c: var(--bp-series-1); }
.bp-chart .series-2 { --bp-c: var(--bp-series-2); }
.bp-chart .series-3 { --bp-c: var(--bp-series-3); }
.bp-chart .series-4 { --bp-c: var(--bp-series-4); }
.bp-chart .series-5 { --bp-c: var(--bp-series-5); }
.bp-chart .series-6 { --bp-c: var(--bp-series-6); }
.bp-chart .series-7 { --bp-c: var(--bp-series-7); }
.bp-chart .series-8 { --bp-c: var(--bp-series-8); }
.bp-chart .status-green { --bp-c: var(--bp-status-green); }
.bp-chart .status-amber { --bp-c: var(--bp-status-amber); }
.bp-chart .status-red { --bp-c: var(--bp-status-red); }
/* Marks that take the carrier's colour. */
.bp-chart .line { fill: none; stroke: var(--bp-c); stroke-width: 2.25px; stroke-linejoin: round; stroke-linecap: round; }
.bp-chart .dot, .bp-chart .bar, .bp-chart .swatch, .bp-chart .marker { fill: var(--bp-c); }
.bp-chart .series-label { fill: var(--bp-c); font-weight: 600; }
.bp-chart .marker { stroke: #fff; stroke-width: 1px; }
/* Neutral marks. */
.bp-chart text { fill: var(--bp-ink); }
.bp-chart .grid { stroke: var(--bp-grid); stroke-width: 1px; }
.bp-chart .axis { stroke: var(--bp-axis); stroke-width: 1px; }
.bp-chart .tick-label, .bp-chart .label-muted, .bp-chart .axis-title { fill: var(--bp-muted); }
.bp-chart .label-strong { font-weight: 600; }
.bp-chart .na { font-style: italic; }
.bp-chart .target, .bp-chart .reference { fill: none; stroke: var(--bp-ink); stroke-width: 1.25px; }
.bp-chart .target-label { fill: var(--bp-ink); }
.bp-chart .target-mark { stroke: var(--bp-ink); stroke-width: 3px; }
.bp-chart .band { fill: var(--bp-c); opacity: 0.28; }
.bp-chart .bullet-value { fill: var(--bp-ink); }
.bp-chart .cell.na { fill: #f4f2ef; }
.bp-chart .heat-1 { fill: var(--bp-heat-1); }
.bp-chart .heat-2 { fill: var(--bp-heat-2); }
.bp-chart .heat-3 { fill: var(--bp-heat-3); }
.bp-chart .heat-4 { fill: var(--bp-heat-4); }
.bp-chart .heat-5 { fill: var(--bp-heat-5); }
.bp-chart .cell-label { fill: var(--bp-ink); }
.bp-chart .cell-label.on-dark { fill: #fff; }
.bp-chart-stacked .bar { stroke: #fff; stroke-width: 0.75px; }
/* Sparklines scale with their tile; keep their strokes thin (set here, not as an SVG
   attribute, because the HTML checker's SVG schema lacks vector-effect). */
.bp-chart-sparkline .line, .bp-chart-sparkline .target { vector-effect: non-scaling-stroke; }
.bp-chart-sparkline .line { stroke-width: 1.75px; }
.bp-chart-sparkline .target { stroke: var(--bp-axis); stroke-width: 1px; stroke-dasharray: 2 2; }
"""#
}
