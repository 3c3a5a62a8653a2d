/// A locale the pack can be written in: numbers, currency, dates, month names and labels.
///
/// Formatting is the tool's own (see `PackFormatter`), never the host's ICU or Foundation,
/// so a pack is byte-identical on every machine.
package enum PackLocale: String, Sendable, CaseIterable, Hashable {
    /// British English, the default.
    case enGB = "en-GB"
    /// American English.
    case enUS = "en-US"
    /// Italian.
    case itIT = "it-IT"

    /// The default locale when `boardpack.yml` names none.
    package static let `default` = PackLocale.enGB

    /// Parses a `unit.yml` / `boardpack.yml` locale string; also accepts `_` for `-` and any
    /// letter case (`en_gb`, `IT-it`). Returns nil for anything else.
    package init?(parsing text: some StringProtocol) {
        let normalised = String(text.map { $0 == "_" ? "-" : $0 }).lowercased()
        guard let match = PackLocale.allCases.first(where: { $0.rawValue.lowercased() == normalised }) else {
            return nil
        }
        self = match
    }

    /// True for the Italian locale.
    package var isItalian: Bool { self == .itIT }

    /// The decimal separator: `.` in English, `,` in Italian.
    package var decimalSeparator: String { isItalian ? "," : "." }

    /// The thousands separator: `,` in English, `.` in Italian.
    var groupingSeparator: String { isItalian ? "." : "," }
}
