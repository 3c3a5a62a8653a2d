import BoardpackSupport
import Yams

/// Decodes YAML content into typed values and turns every failure into a positioned
/// `Diagnostic`.
///
/// Decoding goes through a composed `Node` so a `DecodingError`'s coding path can be mapped
/// back to the mark (line and column) of the offending value: Yams itself only reports
/// positions for syntax errors.
package enum YAMLFile {
    /// Decodes `text` as `T`. `path` and `lineOffset` position diagnostics: a front-matter
    /// block starting on line 2 of a note passes `lineOffset: 1`.
    package static func decode<T: Decodable>(
        _ type: T.Type, from text: String, path: String, lineOffset: Int = 0
    ) -> Result<T, Diagnostic> {
        decodeAll(type, from: text, path: path, lineOffset: lineOffset).mapError { $0.diagnostics[0] }
    }

    /// Like `decode`, but a type that collects its problems (`DecodingProblems`) reports all
    /// of them, each at its place.
    static func decodeAll<T: Decodable>(
        _ type: T.Type, from text: String, path: String, lineOffset: Int = 0
    ) -> Result<T, DiagnosticsError> {
        decodeNode(type, from: text, path: path, lineOffset: lineOffset)
    }

    /// One decoder for every file. `YAMLDecoder()` and `compose` without an encoding read the
    /// whole process environment (for `YAMS_DEFAULT_ENCODING`), under a lock the load's
    /// threads contended for; the text is always UTF-8, Swift's native encoding. Shared
    /// safely: decoding from a node only reads the decoder's options, which never change.
    nonisolated(unsafe) static let decoder = YAMLDecoder()

    /// Composes `text`, with Yams' basic resolver (no implicit types) whenever that decodes
    /// exactly as the default one: when the text has no `!` (no explicit tag) and no mapping
    /// key is `<<` (merge) or `=` (value). `basicResolver` forces the choice (tests compare);
    /// `usedBasic` tells which was used.
    ///
    /// Decoding reads each value through `Decodable` (types come from the Swift side, not from
    /// tags), but Yams finds a key by comparing resolved tags too, and the default resolver
    /// tries seven regular expressions on every key and on every key looked up: a third of
    /// the load's time on `unit.yml` files. Keys without explicit tags resolve alike under
    /// both resolvers (same text, same tag), so lookups and duplicate checks find the same
    /// keys; merge and value keys are the only ones the default resolver gives a meaning.
    /// Any error is left to the default resolver to report.
    static func compose(_ text: String, basicResolver: Bool? = nil) throws -> (node: Node?, usedBasic: Bool) {
        if basicResolver ?? !text.utf8.contains(UInt8(ascii: "!")),
            let node = try? Yams.compose(yaml: text, .basic, .default, .utf8),
            basicResolver == true || !hasSpecialKey(node)
        {
            return (node, true)
        }
        return (try Yams.compose(yaml: text, .default, .default, .utf8), false)
    }

    /// True when a mapping in `node` has a key `<<` or `=`.
    static func hasSpecialKey(_ node: Node) -> Bool {
        switch node {
        case let .mapping(map):
            return map.contains { key, value in
                key.scalar.map { $0.string == "<<" || $0.string == "=" } ?? hasSpecialKey(key) || hasSpecialKey(value)
            }
        case let .sequence(seq):
            return seq.contains(where: hasSpecialKey)
        case .scalar, .alias:
            return false
        }
    }

    static func decodeNode<T: Decodable>(
        _ type: T.Type, from text: String, path: String, lineOffset: Int, basicResolver: Bool? = nil
    ) -> Result<T, DiagnosticsError> {
        decodeTree(type, from: text, path: path, lineOffset: lineOffset, basicResolver: basicResolver).map(\.value)
    }

    /// Like ``decodeNode(_:from:path:lineOffset:basicResolver:)``, also returning the composed
    /// tree, for callers that read positions from it (composing again would parse twice).
    package static func decodeTree<T: Decodable>(
        _ type: T.Type, from text: String, path: String, lineOffset: Int, basicResolver: Bool? = nil
    ) -> Result<(value: T, node: Node), DiagnosticsError> {
        if let (line, column) = YAMLAliasLimit.excess(in: text) {
            return .failure(
                DiagnosticsError([
                    .error(
                        "the YAML expands past \(YAMLAliasLimit.maxNodes) nodes through its aliases (`*name`); write the values out instead",
                        at: SourceLocation(file: path, line: line + lineOffset, column: column))
                ]))
        }
        let node: Node
        do {
            guard let composed = try compose(text, basicResolver: basicResolver).node else {
                return .failure(
                    DiagnosticsError([.error("the YAML document is empty", at: SourceLocation(file: path, line: lineOffset + 1, column: 1))]
                    ))
            }
            node = composed
        } catch let error as YamlError {
            return .failure(DiagnosticsError([diagnostic(for: error, path: path, lineOffset: lineOffset)]))
        } catch {
            return .failure(DiagnosticsError([.error("cannot read YAML: \(error)", at: SourceLocation(file: path))]))
        }
        do {
            return .success((try decoder.decode(T.self, from: node), node))
        } catch let problems as DecodingProblems {
            return .failure(DiagnosticsError(problems.errors.map { diagnostic(for: $0, in: node, path: path, lineOffset: lineOffset) }))
        } catch let error as DecodingError {
            return .failure(DiagnosticsError([diagnostic(for: error, in: node, path: path, lineOffset: lineOffset)]))
        } catch let error as ContentError {
            let mark = node.mark
            return .failure(DiagnosticsError([.error(error.message, at: location(mark, path: path, lineOffset: lineOffset))]))
        } catch {
            return .failure(DiagnosticsError([.error("\(error)", at: location(node.mark, path: path, lineOffset: lineOffset))]))
        }
    }

    package static func location(_ mark: Mark?, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .error("invalid YAML: \(what)", at: location(mark, path: path, lineOffset: lineOffset))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: path, line: lineOffset + 1, column: 1))
        }
    }

    static func diagnostic(for error: DecodingError, in root: Node, path: String, lineOffset: Int) -> Diagnostic {
        let codingPath: [any CodingKey]
        let message: String
        switch error {
        case let .typeMismatch(type, context):
            codingPath = context.codingPath
            message = "`\(keyName(codingPath))` should be \(describe(type))"
        case let .valueNotFound(type, context):
            codingPath = context.codingPath
            message = "`\(keyName(codingPath))` should be \(describe(type))"
        case let .keyNotFound(key, context):
            codingPath = context.codingPath
            message = "missing required key `\(key.stringValue)`"
        case let .dataCorrupted(context):
            codingPath = context.codingPath
            message = context.debugDescription
        @unknown default:
            codingPath = []
            message = "\(error)"
        }
        if case let .dataCorrupted(context) = error, context.underlyingError is UnknownKey,
            let key = context.codingPath.last, case let .mapping(map)? = lookup(context.codingPath.dropLast(), in: root),
            let keyNode = map.keys.first(where: { $0.string == key.stringValue })
        {
            return .error(message, at: location(keyNode.mark, path: path, lineOffset: lineOffset))
        }
        let node = lookup(codingPath, in: root) ?? root
        return .error(message, at: location(node.mark, path: path, lineOffset: lineOffset))
    }

    /// Finds the deepest node along `codingPath` (stops at the last key that exists).
    static func lookup(_ codingPath: some Collection<any CodingKey>, in root: Node) -> Node? {
        var node = root
        for key in codingPath {
            if let index = key.intValue, case let .sequence(seq) = node, index < seq.count {
                node = seq[index]
            } else if case let .mapping(map) = node, let value = map[key.stringValue] {
                node = value
            } else {
                break
            }
        }
        return node
    }

    static func keyName(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a value of the expected kind"
        }
    }
}

extension YAMLFile {
    /// The position of the scalar at `keyPath` (e.g. `["kpis", "cac", "formula"]`) in `text`,
    /// pointing at the first character of its value (after an opening quote).
    package static func location(of keyPath: [String], in text: String, path: String, lineOffset: Int = 0) -> SourceLocation? {
        guard let root = try? Yams.compose(yaml: text, .default, .default, .utf8) else { return nil }
        return location(of: keyPath, in: root, path: path, lineOffset: lineOffset)
    }

    /// Like ``location(of:in:path:lineOffset:)-(_,String,_,_)``, in a tree already composed (composing the
    /// text again for every key made a file of many KPIs quadratic).
    package static func location(of keyPath: [String], in root: Node, path: String, lineOffset: Int = 0) -> SourceLocation? {
        var node = root
        for key in keyPath {
            // A number steps into a sequence: ["sources", "1", "command"].
            if case let .sequence(items) = node, let index = Int(key), items.indices.contains(index) {
                node = items[index]
                continue
            }
            guard case let .mapping(map) = node, let value = map[key] else { return nil }
            node = value
        }
        guard let mark = node.mark else { return nil }
        var column = mark.column
        if case let .scalar(scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { column += 1 }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: column)
    }
}

/// Several problems found while decoding one value: a `Decodable` initialiser that checks
/// each field collects them so that one run reports all of a file's mistakes.
package struct DecodingProblems: Error, Sendable {
    package var errors: [DecodingError]

    package init() { errors = [] }

    /// The field's value, or `fallback` after recording why it could not be decoded.
    package mutating func field<T>(_ fallback: T, _ decode: () throws -> T) -> T {
        do {
            return try decode()
        } catch let nested as DecodingProblems {
            errors += nested.errors
        } catch let error as DecodingError {
            errors.append(error)
        } catch {
            errors.append(.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)")))
        }
        return fallback
    }

    /// Throws the collected problems, if any.
    package func throwIfAny() throws {
        if !errors.isEmpty { throw self }
    }
}

/// Any key of a mapping, to list them all.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Marks a `DecodingError` whose coding path ends at a key the format does not define: its
/// diagnostic points at the key, not at its value.
struct UnknownKey: Error {}

extension Decoder {
    /// Every workspace YAML file is read strictly (SPEC §2): a key the format does not define
    /// is an error at the key that suggests the nearest known one, never ignored (a misspelt
    /// `draft` must not publish a draft). Call it first in a type's `init(from:)`; the
    /// problems go into `problems` beside the fields' own.
    package func rejectUnknownKeys<Key: CodingKey & CaseIterable>(_: Key.Type, _ problems: inout DecodingProblems) {
        guard let mapping = try? container(keyedBy: AnyCodingKey.self) else { return }
        let known = Key.allCases.map(\.stringValue)
        for key in mapping.allKeys where !known.contains(key.stringValue) {
            let hint = NameSuggestion.nearest(to: key.stringValue, among: known).map { " (did you mean `\($0)`?)" } ?? ""
            let expected = known.count <= 12 ? "; known keys here: \(known.map { "`\($0)`" }.joined(separator: ", "))" : ""
            problems.errors.append(
                .dataCorrupted(
                    .init(
                        codingPath: codingPath + [key],
                        debugDescription: "unknown key `\(key.stringValue)`\(hint.isEmpty ? expected : hint)",
                        underlyingError: UnknownKey())))
        }
    }
}

extension KeyedDecodingContainer {
    /// A number that must be finite (`.nan` and `.inf` are YAML numbers, never a target or a
    /// tolerance).
    package func decodeFiniteIfPresent(_ key: Key) throws -> Double? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "`\(key.stringValue)` must be a finite number, not \(value)")
        }
        return value
    }
}
