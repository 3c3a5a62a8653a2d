extension PackFormatter {
    /// A compact scale: the power of ten and its suffix.
    package struct CompactScale: Sendable {
        /// Decimal exponent: 0, 3, 6 or 9.
        package var exponent: Int
        /// Text after the number, including any leading space.
        package var suffix: String
    }

    /// The scales in increasing order for this locale.
    ///
    /// English: `k`, `M`, `bn` (FT and Economist usage). Italian: `k` for thousands (common in
    /// Italian business dashboards, and "48,2 mila" is too long for an axis), `Mln` and `Mld`
    /// for millions and billions, the abbreviations of the Italian financial press, with a
    /// no-break space before them (`1,2 Mln`).
    var compactScales: [CompactScale] { locale.isItalian ? Self.italianScales : Self.englishScales }

    private static let englishScales = [
        CompactScale(exponent: 0, suffix: ""), CompactScale(exponent: 3, suffix: "k"),
        CompactScale(exponent: 6, suffix: "M"), CompactScale(exponent: 9, suffix: "bn"),
    ]
    private static let italianScales = [
        CompactScale(exponent: 0, suffix: ""), CompactScale(exponent: 3, suffix: "k"),
        CompactScale(exponent: 6, suffix: unitSpace + "Mln"), CompactScale(exponent: 9, suffix: unitSpace + "Mld"),
    ]

    /// A large number in short form: 48,200 → `48.2k`, 1,234,567 → `1.2M` (en);
    /// `48,2k`, `1,2 Mln` (it). Below a thousand the value keeps up to `fractionDigits`
    /// decimals with trailing zeros dropped (`950`, `12.5`). A value that rounds up to the
    /// next scale moves there (999,960 → `1.0M`, not `1000.0k`).
    package func compact(_ value: Double?, fractionDigits: Int = 1) -> String {
        guard let (r, scale) = compactParts(value, fractionDigits) else { return notAvailable }
        return r.text(locale: locale, prefix: sign(r), suffix: scale.suffix)
    }

    /// Money in short form: `€48.2k`, `−€1.2M` (en); `48,2k €`, `1,2 Mln €` (it).
    func compactCurrency(_ value: Double?, code: String, fractionDigits: Int = 1) -> String {
        guard let (r, scale) = compactParts(value, fractionDigits) else { return notAvailable }
        return money(r, code: code, scaleSuffix: scale.suffix)
    }

    /// The scale a set of values should share (e.g. axis ticks), chosen from the largest magnitude.
    package func compactScale(forMagnitude magnitude: Double) -> CompactScale {
        let scales = compactScales
        var chosen = scales[0]
        for scale in scales where magnitude >= power10(scale.exponent) { chosen = scale }
        return chosen
    }

    private func compactParts(_ value: Double?, _ digits: Int) -> (RoundedDecimal, CompactScale)? {
        guard let value, value.isFinite else { return nil }
        let scales = compactScales
        var index = scales.lastIndex { abs(value) >= power10($0.exponent) } ?? 0
        while true {
            let scale = scales[index]
            guard var r = RoundedDecimal(value, fractionDigits: digits, shift: -scale.exponent) else { return nil }
            if r.integerDigitCount >= 4 && index + 1 < scales.count {
                index += 1
                continue
            }
            if scale.exponent == 0 { r = r.trimmingZeros() }
            return (r, scale)
        }
    }
}

/// 10^exponent for small non-negative exponents, computed exactly.
package func power10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= 10 }
    return result
}
