/// Maths that must give the same bits on every machine, so it uses only IEEE `+ − × ÷`
/// (C library functions such as `log10` may differ in the last bit between platforms).
enum ChartMath {
    /// Base-10 logarithm of a positive finite `x`, to about 1e-15 relative error.
    static func log10(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 0 }
        // x = m × 2^e with 1 ≤ m < 2; ln m = 2 atanh((m − 1)/(m + 1)), a fast series for m < 2.
        let e = Double(x.exponent)
        let m = x.significand
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z, sum = 0.0
        for k in stride(from: 1, through: 39, by: 2) {
            sum += term / Double(k)
            term *= z2
        }
        let ln2 = 0.693_147_180_559_945_3, ln10 = 2.302_585_092_994_046
        return (2 * sum + e * ln2) / ln10
    }
}
