/// Rough text widths for layout, without fonts: per-character advance widths of a
/// Helvetica/Arial-like sans-serif, in ems. Good to a few percent, which is what label
/// fitting needs; the estimate errs wide so real text stays inside its box.
enum TextMetrics {
    /// The estimated width of `text` at `fontSize` user units.
    static func width(_ text: String, fontSize: Double = ChartStyle.fontSize) -> Double {
        // The table is Helvetica's; common Linux and Windows UI fonts (DejaVu Sans, Segoe UI)
        // run up to about 12% wider, and a label must fit in all of them.
        ems(text) * fontSize * 1.12
    }

    /// `text` cut to fit `maxWidth`, ending in `…` when anything was cut.
    static func truncate(_ text: String, to maxWidth: Double, fontSize: Double = ChartStyle.fontSize) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        var kept = Array(text)
        // Running sums in the order `width` adds, so each candidate measures exactly as
        // `width(String(kept) + "…")` would.
        var sums = [0.0]
        sums.reserveCapacity(kept.count + 1)
        for ch in kept { sums.append(sums[sums.count - 1] + advance(ch)) }
        while !kept.isEmpty && (sums[kept.count] + advance("…")) * fontSize * 1.12 > maxWidth {
            kept.removeLast()
        }
        while kept.last == " " { kept.removeLast() }
        return String(kept) + "…"
    }

    /// The sum of the advances of `text`'s characters, added left to right.
    private static func ems(_ text: String) -> Double {
        // Fast path over scalars when each is its own character: scalars below U+0300 (no
        // combining marks) other than CR (which joins a following LF), and the few symbols
        // of the table; anything else goes character by character.
        var ems = 0.0
        for s in text.unicodeScalars {
            let v = s.value
            guard (v < 0x300 && v != 0x0D) || v == 0x20AC || v == 0x2212 || v == 0x2026 else {
                return text.reduce(0.0) { $0 + advance($1) }
            }
            ems += advance(scalar: v)
        }
        return ems
    }

    private static func advance(_ ch: Character) -> Double {
        switch ch {
        case "i", "j", "l", ".", ",", ":", ";", "'", "|", "!", "\u{00A0}", " ", "I": return 0.3
        case "f", "t", "r", "(", ")", "-", "/", "[", "]": return 0.36
        case "m", "w", "M", "W", "%", "@", "€", "£": return 0.86
        case "0"..."9", "$", "+", "\u{2212}", "×": return 0.58
        case "A"..."Z": return 0.7
        case "a"..."z": return 0.56
        default: return 0.62
        }
    }

    /// ``advance(_:)`` for a character made of the one scalar `v`.
    private static func advance(scalar v: UInt32) -> Double {
        switch v {
        case 0x69, 0x6A, 0x6C, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x7C, 0x21, 0xA0, 0x20, 0x49: return 0.3
        case 0x66, 0x74, 0x72, 0x28, 0x29, 0x2D, 0x2F, 0x5B, 0x5D: return 0.36
        case 0x6D, 0x77, 0x4D, 0x57, 0x25, 0x40, 0x20AC, 0xA3: return 0.86
        case 0x30...0x39, 0x24, 0x2B, 0x2212, 0xD7: return 0.58
        case 0x41...0x5A: return 0.7
        case 0x61...0x7A: return 0.56
        default: return 0.62
        }
    }
}
