import BoardpackFormat

/// An axis scale with "nice" ticks on a 1-2-5 step: 0–97 gives 0, 20, 40, 60, 80, 100.
///
/// Only IEEE arithmetic is used (no `log10` or `pow`, whose last bits vary between C
/// libraries), and every tick is an integer divided or multiplied by an exact power of ten,
/// so ticks print as clean decimals (`0.06`, never `0.060000000000000005`).
package struct NiceScale: Sendable, Equatable {
    /// The tick values, ascending; the first and last are the scale's ends.
    var ticks: [Double]
    /// The distance between ticks.
    package var step: Double

    /// The lowest value of the scale.
    package var lower: Double { ticks.first ?? 0 }
    /// The highest value of the scale.
    var upper: Double { ticks.last ?? 1 }

    /// A scale covering `values` (nils and non-finite values ignored) with about
    /// `targetIntervals` steps. `includeZero` stretches it to zero (bars need a zero baseline).
    /// Equal values get a band of ±10% around them (0 to 1 when all are zero); no values at
    /// all give 0 to 1.
    package init(covering values: [Double?], targetIntervals: Int = 5, includeZero: Bool = false) {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low = includeZero && low >= 0 ? low : low - pad
            high = includeZero && high <= 0 ? high : high + pad
            if low == high { high += 1 }
        }
        self = NiceScale.make(low: low, high: high, intervals: max(1, targetIntervals))
    }

    private static func make(low: Double, high: Double, intervals: Int) -> NiceScale {
        let raw = (high - low) / Double(intervals)
        // raw = residual × 10^exponent with 1 ≤ residual < 10.
        var exponent = 0
        var residual = raw
        while residual >= 10 { residual /= 10; exponent += 1 }
        while residual < 1 { residual *= 10; exponent -= 1 }
        var multiplier = 10
        for candidate in [1, 2, 5] where Double(candidate) >= residual - 1e-9 {
            multiplier = candidate
            break
        }
        let step = scaled(multiplier, exponent)
        let first = Int((low / step + 1e-9).rounded(.down))
        let last = Int((high / step - 1e-9).rounded(.up))
        let ticks = (first...max(first + 1, last)).map { scaled($0 * multiplier, exponent) }
        return NiceScale(ticks: ticks, step: step)
    }

    /// `integer × 10^exponent`, exact to the nearest double for the decimal it stands for.
    private static func scaled(_ integer: Int, _ exponent: Int) -> Double {
        exponent >= 0 ? Double(integer) * power10(exponent) : Double(integer) / power10(-exponent)
    }

    private init(ticks: [Double], step: Double) {
        self.ticks = ticks
        self.step = step
    }

    /// The position of `value` on a pixel range: `lower` maps to `from`, `upper` to `to`.
    package func position(_ value: Double, from: Double, to: Double) -> Double {
        let span = upper - lower
        return span == 0 ? from : from + (value - lower) / span * (to - from)
    }
}
