import BoardpackMarkdown
import BoardpackSupport
import Yams

/// A strategy note (`notes/*.md`): front matter plus a GFM body.
package struct Note: Sendable, Equatable {
    /// Where a note appears in the pack.
    package enum Section: String, Sendable, CaseIterable, Decodable {
        case summary, decisions, strategy, risks, appendix
    }

    /// What a paper asks of the board (SPEC §2.4): a decision, a discussion, or nothing.
    package enum Purpose: String, Sendable, CaseIterable, Decodable {
        case decision, discussion, information
    }

    /// Who may read a note; each audience sees its own notes and those below it.
    package enum Audience: String, Sendable, CaseIterable, Comparable, Decodable {
        case staff, management, board

        var rank: Int {
            switch self {
            case .staff: 0
            case .management: 1
            case .board: 2
            }
        }

        package static func < (a: Audience, b: Audience) -> Bool { a.rank < b.rank }
    }

    /// The file's path as shown in diagnostics.
    package var path: String
    /// The file name without folder, used to order notes within a section.
    package var fileName: String
    package var title: String
    package var period: Period
    package var section: Section
    package var audience: Audience
    package var draft: Bool
    package var author: String?
    package var order: Int
    /// What the note asks of the board.
    package var purpose: Purpose = .information
    /// One sentence: what the board is asked to do.
    package var ask: String?
    /// Who answers for the paper (or the risk).
    package var owner: String?
    /// The Markdown after the front matter.
    package var body: String
    /// 1-based line of the file on which `body` starts (for positions inside the body).
    var bodyLine: Int
    /// Where the front matter's `period` value is, for diagnostics about it.
    package var periodLocation: SourceLocation

    /// The body read as GitHub-flavoured Markdown: safe HTML with placeholders for its embeds,
    /// the embeds and the task items. `idPrefix` keeps footnote ids unique when several notes
    /// share a page. Only the notes a build shows are read, once, when their pack is computed.
    package func document(idPrefix: String) -> RenderedMarkdown {
        Markdown.render(body, path: path, firstLine: bodyLine, idPrefix: idPrefix)
    }

    /// True when a build for `audience` (with or without drafts) may show this note.
    package func isVisible(to audience: Audience, includeDrafts: Bool) -> Bool {
        self.audience <= audience && (includeDrafts || !draft)
    }
}

/// The front matter fields as written in YAML, validated.
struct NoteFrontMatter: Decodable {
    var title: String
    var period: Period
    var section: Note.Section
    var audience: Note.Audience
    var draft: Bool
    var author: String?
    var order: Int
    var purpose: Note.Purpose = .information
    var ask: String?
    var owner: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case title, period, section, audience, draft, author, order, purpose, ask, owner }

    init(title: String, period: Period, section: Note.Section, audience: Note.Audience, draft: Bool, author: String?, order: Int) {
        self.title = title
        self.period = period
        self.section = section
        self.audience = audience
        self.draft = draft
        self.author = author
        self.order = order
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        title = problems.field("") { try c.decode(String.self, forKey: .title) }
        period = problems.field(.month(Month(index: 0))) {
            let text = try c.decode(String.self, forKey: .period)
            guard let period = Period(parsing: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .period, in: c, debugDescription: "`period` must be YYYY-MM or YYYY-Qn, not `\(text)`")
            }
            return period
        }
        section = problems.field(.summary) {
            let text = try c.decode(String.self, forKey: .section)
            guard let section = Note.Section(rawValue: text) else {
                let names = Note.Section.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    forKey: .section, in: c, debugDescription: "unknown section `\(text)` (expected one of \(names))")
            }
            return section
        }
        audience = problems.field(.board) {
            let text = try c.decodeIfPresent(String.self, forKey: .audience) ?? "board"
            guard let audience = Note.Audience(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .audience, in: c, debugDescription: "unknown audience `\(text)` (expected staff, management or board)")
            }
            return audience
        }
        draft = problems.field(false) { try c.decodeIfPresent(Bool.self, forKey: .draft) ?? false }
        author = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .author) }
        order = problems.field(0) { try c.decodeIfPresent(Int.self, forKey: .order) ?? 0 }
        purpose = problems.field(.information) {
            let text = try c.decodeIfPresent(String.self, forKey: .purpose) ?? "information"
            guard let purpose = Note.Purpose(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .purpose, in: c, debugDescription: "unknown purpose `\(text)` (expected decision, discussion or information)")
            }
            return purpose
        }
        ask = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .ask) }
        owner = problems.field(nil) { try c.decodeIfPresent(String.self, forKey: .owner) }
        if purpose == .decision && ask == nil && problems.errors.isEmpty {
            problems.errors.append(
                DecodingError.dataCorruptedError(
                    forKey: .purpose, in: c,
                    debugDescription: "a decision paper says what the board is asked to do: add `ask:` (one sentence)"))
        }
        try problems.throwIfAny()
    }
}

extension Note {
    /// Splits `---` front matter from the body and validates it.
    package static func parse(text: String, path: String) -> Result<Note, DiagnosticsError> {
        let fileName = lastComponent(of: path)
        guard let split = FrontMatterSplit(text) else {
            return .failure(
                DiagnosticsError([
                    .error(
                        "a note must start with YAML front matter between `---` lines", at: SourceLocation(file: path, line: 1, column: 1))
                ]))
        }
        guard let yaml = split.yaml, let body = split.body else {
            return .failure(
                DiagnosticsError([.error("front matter is not closed by a `---` line", at: SourceLocation(file: path, line: 1, column: 1))])
            )
        }
        switch decodeFrontMatter(yaml, path: path) {
        case let .failure(error):
            return .failure(error)
        case let .success((fm, periodLocation)):
            return .success(
                Note(
                    path: path, fileName: fileName, title: fm.title, period: fm.period, section: fm.section, audience: fm.audience,
                    draft: fm.draft, author: fm.author, order: fm.order, purpose: fm.purpose, ask: fm.ask, owner: fm.owner, body: body,
                    bodyLine: split.bodyLine, periodLocation: periodLocation ?? SourceLocation(file: path, line: 1)))
        }
    }

    /// The part of `path` after its last `/` (trailing ones ignored); all of it when it has
    /// nothing else. Same as `path.split(separator: "/").last`, without splitting the path.
    static func lastComponent(of path: String) -> String {
        var end = path.endIndex
        while end > path.startIndex && path[path.index(before: end)] == "/" { end = path.index(before: end) }
        guard end > path.startIndex else { return path }
        let start = path[..<end].lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[start..<end])
    }

    /// Decodes the front matter and finds where its `period` value is, from the one composed
    /// tree (``YAMLFile/compose(_:basicResolver:)``: Yams' basic resolver whenever it decodes
    /// as the default one, whose regular expressions on every key were most of a note's load
    /// time).
    static func decodeFrontMatter(_ yaml: String, path: String) -> Result<(NoteFrontMatter, SourceLocation?), DiagnosticsError> {
        YAMLFile.decodeTree(NoteFrontMatter.self, from: yaml, path: path, lineOffset: 1).map { fm, node in
            guard case let .mapping(map) = node, let value = map["period"] else { return (fm, nil) }
            return (fm, periodLocation(of: value, path: path))
        }
    }

    /// Where the `period` value is: its first character, after an opening quote.
    private static func periodLocation(of value: Node, path: String) -> SourceLocation? {
        guard let mark = value.mark else { return nil }
        var column = mark.column
        if case let .scalar(scalar) = value, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { column += 1 }
        return SourceLocation(file: path, line: mark.line + 1, column: column)
    }
}
