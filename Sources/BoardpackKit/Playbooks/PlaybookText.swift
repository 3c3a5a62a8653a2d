/// A short playbook text in English and Italian.
///
/// YAML accepts `{en: …, it: …}` or a plain string, which is then used for both languages
/// (handy for ids and proper names); a mapping without `it` falls back to English.
public struct PlaybookText: Sendable, Hashable, Decodable {
    /// English text.
    public var en: String
    /// Italian text.
    public var it: String

    /// Creates a text; Italian falls back to English when not given.
    public init(en: String, it: String? = nil) {
        self.en = en
        self.it = it ?? en
    }

    private enum CodingKeys: String, CodingKey { case en, it }

    /// Decodes a plain string or an `{en, it}` mapping.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(en: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(en: try c.decode(String.self, forKey: .en), it: try c.decodeIfPresent(String.self, forKey: .it))
    }

    /// The text for a locale identifier such as `it-IT` (English otherwise).
    public func text(for locale: String) -> String {
        locale.hasPrefix("it") ? it : en
    }

    /// Both texts transformed the same way.
    public func map(_ transform: (String) -> String) -> PlaybookText {
        PlaybookText(en: transform(en), it: transform(it))
    }
}
