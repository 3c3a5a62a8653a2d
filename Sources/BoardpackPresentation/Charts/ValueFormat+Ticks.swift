import BoardpackContent
import BoardpackFormat

extension ValueFormat {
    /// Labels for a scale's ticks, all with the same number of decimals (the fewest that show
    /// the step exactly) and, from ten thousand up, the same compact scale: `€0`, `€20k`, `€40k`.
    /// Units that a chart title carries (days, months) are shown as bare numbers.
    func tickLabels(for scale: NiceScale, locale: PackLocale) -> [String] {
        let f = PackFormatter(locale: locale)
        let largest = max(abs(scale.lower), abs(scale.upper))
        let decimals = { (shift: Int) -> Int in
            RoundedDecimal(scale.step, fractionDigits: 10, shift: shift)?.trimmingZeros().fractionDigits.count ?? 0
        }
        let compactScale = f.compactScale(forMagnitude: largest)
        let useCompact = largest >= 10_000
        // The decimals depend on the step only: worked out once, not once per tick.
        let shift: Int
        switch self {
        case .currency, .count, .days, .months, .number: shift = useCompact ? -compactScale.exponent : 0
        case .ratio: shift = 2
        case .multiple: shift = 0
        }
        let digits = decimals(shift)
        let compact = { (value: Double) -> (sign: String, amount: String) in
            guard let r = RoundedDecimal(value, fractionDigits: digits, shift: -compactScale.exponent) else {
                return ("", f.notAvailable)
            }
            if r.isZero { return ("", "0") }  // a bare zero, never `0k`
            return (f.sign(r), r.magnitude(locale: locale) + compactScale.suffix)
        }
        return scale.ticks.map { tick in
            switch self {
            case .currency(let code):
                if useCompact {
                    let (sign, amount) = compact(tick)
                    return f.money(sign: sign, amount: amount, code: code)
                }
                return f.currency(tick, code: code, fractionDigits: digits)
            case .ratio:
                return f.percent(tick, fractionDigits: digits)
            case .multiple:
                return f.multiple(tick, fractionDigits: digits)
            case .count, .days, .months, .number:
                if useCompact {
                    let (sign, amount) = compact(tick)
                    return sign + amount
                }
                return f.decimal(tick, fractionDigits: digits)
            }
        }
    }
}
