/// Rough text widths for layout, without fonts: per-character advance widths of a
/// Helvetica/Arial-like sans-serif, in ems. Good to a few percent, which is what label
/// fitting needs; the estimate errs wide so real text stays inside its box.
enum TextMetrics {
    /// The estimated width of `text` at `fontSize` user units.
    static func width(_ text: String, fontSize: Double = ChartStyle.fontSize) -> Double {
        var ems = 0.0
        for ch in text { ems += advance(ch) }
        // The table is Helvetica's; common Linux and Windows UI fonts (DejaVu Sans, Segoe UI)
        // run up to about 12% wider, and a label must fit in all of them.
        return ems * fontSize * 1.12
    }

    /// `text` cut to fit `maxWidth`, ending in `…` when anything was cut.
    static func truncate(_ text: String, to maxWidth: Double, fontSize: Double = ChartStyle.fontSize) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        var kept = Array(text)
        while !kept.isEmpty && width(String(kept) + "…", fontSize: fontSize) > maxWidth {
            kept.removeLast()
        }
        while kept.last == " " { kept.removeLast() }
        return String(kept) + "…"
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
}
