import Mustache

/// The theme's pack template turned once per build into text and the places where each pack's
/// values go, so that a pack's shell is a few copies instead of a Mustache render.
///
/// Mustache does not say where a template puts its values: swift-mustache looks each name up
/// through dynamic casts and escapes each value a character at a time, which came to a few
/// percent of a build for the shell's 25 small values. For a template that only writes the
/// pack's values and opens sections on them, the output is text, then a value (escaped or
/// not), then text, and so on, with sections kept or dropped by the value's truthiness; the
/// library itself renders the template once per truthiness of `draft` with a marker in place
/// of each string value (``Probe``), and the markers found in its output are the
/// places. Layout, standalone lines and comments are the library's own.
///
/// Any other template (partials, inheritance, delimiters, pragmas, dotted names, transforms,
/// `{{.}}`, `sections`, a name the pack does not have) is rendered by Mustache for every pack,
/// as is a pack where a string opened as a section is empty (the library's view of an empty
/// string is then not assumed).
struct PackShellTemplate: Sendable {
    typealias Key = PackPage.ShellContext.Key

    /// A run of the template's output: text as it is, or a pack's value.
    enum Piece: Sendable, Equatable {
        case text([UInt8])
        case value(Key, escaped: Bool)
    }

    /// The pieces when the pack has no draft note (`[0]`) and when it has (`[1]`).
    let pieces: [[Piece]]
    /// The string keys the template opens as sections (`{{#key}}`, `{{^key}}`).
    let sectionKeys: [Key]

    /// The prepared template, or nil when `source` uses more of Mustache than values and
    /// sections on them: such a template is rendered by Mustache for every pack.
    init?(source: String, library: MustacheLibrary, name: String = "pack") {
        guard let sections = Self.sectionKeys(source) else { return nil }
        var pieces: [[Piece]] = []
        for draft in [false, true] {
            guard let output = library.render(Probe(draft: draft), withTemplate: name),
                let split = Self.pieces(output)
            else { return nil }
            pieces.append(split)
        }
        self.pieces = pieces
        sectionKeys = Key.allCases.filter(sections.contains)
    }

    /// The shell of the pack page (the page without its sections: `main` is still
    /// ``PackPage/mainMarker``) as UTF-8; nil when a key opened as a section is empty.
    func render(_ context: PackPage.ShellContext) -> [UInt8]? {
        for key in sectionKeys where context[key].isEmpty { return nil }
        let pieces = self.pieces[context.draft ? 1 : 0]
        var out: [UInt8] = []
        out.reserveCapacity(
            pieces.reduce(0) { total, piece in
                switch piece {
                case .text(let bytes): total + bytes.count
                case .value(let key, _): total + context[key].utf8.count + 16
                }
            })
        for piece in pieces {
            switch piece {
            case .text(let bytes): out += bytes
            case .value(let key, escaped: false): out.appendUTF8(context[key])
            case .value(let key, escaped: true): Self.appendMustacheEscaped(context[key], to: &out)
            }
        }
        return out
    }

    /// `text` escaped as swift-mustache escapes a `{{value}}`: each `&`, `<`, `>`, `"` and `'`
    /// that is a character of its own. A character is a grapheme there, so a quote followed by a
    /// combining mark is left as it is; the project's `appendEscapedHTML` works on bytes and
    /// would escape it, so it serves only text with nothing but ASCII around the five.
    static func appendMustacheEscaped(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: isEscapedInHTML) else { return out.appendUTF8(text) }
        guard utf8.contains(where: { $0 >= 0x80 }) else { return appendEscapedHTML(text, to: &out) }
        for character in text {
            switch character {
            case "&": out.appendLiteral("&amp;")
            case "<": out.appendLiteral("&lt;")
            case ">": out.appendLiteral("&gt;")
            case "\"": out.appendLiteral("&quot;")
            case "'": out.appendLiteral("&#39;")
            default: out.appendUTF8(String(character))
            }
        }
    }

    // MARK: Reading the template

    /// The string keys `source` opens as sections, when every tag is one of `{{key}}`,
    /// `{{{key}}}`, `{{&key}}`, `{{#key}}`, `{{^key}}`, `{{/key}}` (spaces or tabs around the
    /// name allowed) on a key of the pack, `draft` included, or a comment; nil for anything
    /// else, or when the text holds the probe's marker characters.
    ///
    /// This reads only as much of Mustache as it needs to refuse what it does not know: the
    /// library parses the template for the probe render, and any tag read differently here is
    /// refused rather than guessed.
    static func sectionKeys(_ source: String) -> Set<Key>? {
        let text = Array(source.utf8)
        // The markers' first bytes (U+E000, U+E001 start EE 80).
        for i in text.indices.dropLast() where text[i] == 0xEE && text[i + 1] == 0x80 { return nil }
        var sections: Set<Key> = []
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var i = 0
        func at(_ k: Int) -> UInt8? { k < text.count ? text[k] : nil }
        func skipBlanks() { while at(i) == UInt8(ascii: " ") || at(i) == UInt8(ascii: "\t") { i += 1 } }
        func closes(_ count: Int) -> Bool {
            guard i + count <= text.count, text[i..<i + count].allSatisfy({ $0 == close }) else { return false }
            i += count
            return true
        }
        while i + 1 < text.count {
            guard text[i] == open && text[i + 1] == open else {
                i += 1
                continue
            }
            i += 2
            let sigil = at(i)
            if sigil == UInt8(ascii: "!") {
                // A comment runs to the first `}}`.
                while i + 1 < text.count && !(text[i] == close && text[i + 1] == close) { i += 1 }
                guard closes(2) else { return nil }
                continue
            }
            let triple = sigil == open
            let section = sigil == UInt8(ascii: "#") || sigil == UInt8(ascii: "^")
            if triple || section || sigil == UInt8(ascii: "&") || sigil == UInt8(ascii: "/") { i += 1 }
            skipBlanks()
            let start = i
            while let c = at(i), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || c == UInt8(ascii: "_") { i += 1 }
            let name = String(decoding: text[start..<i], as: UTF8.self)
            skipBlanks()
            guard closes(triple ? 3 : 2) else { return nil }
            if name == "draft" { continue }
            guard let key = Key(rawValue: name) else { return nil }
            if section { sections.insert(key) }
        }
        return sections
    }

    // MARK: The probe

    /// The context of the probe render: each string key's marker, and `draft`.
    struct Probe: MustacheParent {
        var draft: Bool

        func child(named name: String) -> Any? {
            if let key = Key(rawValue: name) { return PackShellTemplate.marker(key) }
            return name == "draft" ? draft : nil
        }
    }

    /// The text that stands for `key` in the probe: U+E000, the key's number, `&`, U+E001.
    /// Escaping turns the `&` into `&amp;`, so the output tells an escaped value from a raw one.
    static func marker(_ key: Key) -> String {
        "\u{E000}\(Key.allCases.firstIndex(of: key)!)&\u{E001}"
    }

    /// The probe's output as text and values; nil when a marker is not whole (the template
    /// did something to a value after all).
    static func pieces(_ output: String) -> [Piece]? {
        let bytes = Array(output.utf8)
        let start: [UInt8] = [0xEE, 0x80, 0x80], end: [UInt8] = [0xEE, 0x80, 0x81]
        let raw = Array("&".utf8), escaped = Array("&amp;".utf8)
        var pieces: [Piece] = []
        var copied = 0, i = 0
        func matches(_ needle: [UInt8], at k: Int) -> Bool {
            k + needle.count <= bytes.count && bytes[k..<k + needle.count].elementsEqual(needle)
        }
        while i < bytes.count {
            guard matches(start, at: i) else {
                if matches(end, at: i) { return nil }
                i += 1
                continue
            }
            var k = i + start.count, number = 0, digits = 0
            while k < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[k]), digits < 3 {
                number = number * 10 + Int(bytes[k] - UInt8(ascii: "0"))
                k += 1
                digits += 1
            }
            guard digits > 0, number < Key.allCases.count else { return nil }
            let isEscaped = matches(escaped, at: k)
            guard isEscaped || matches(raw, at: k) else { return nil }
            k += isEscaped ? escaped.count : raw.count
            guard matches(end, at: k) else { return nil }
            if copied < i { pieces.append(.text(Array(bytes[copied..<i]))) }
            pieces.append(.value(Key.allCases[number], escaped: isEscaped))
            i = k + end.count
            copied = i
        }
        if copied < bytes.count { pieces.append(.text(Array(bytes[copied...]))) }
        return pieces
    }
}
