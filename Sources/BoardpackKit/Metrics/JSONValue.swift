/// A JSON document, rendered deterministically for `metrics.json` (SPEC §3.5).
///
/// `render()` sorts object keys by their UTF-8 bytes, indents by two spaces, puts `": "` after
/// keys and ends with a newline. Numbers: integral values with magnitude below 2^53 print as
/// integers (`45`, not `45.0`); other finite values print in Swift's shortest round-trip form
/// (`41.2`, `0.0842`), which uses exponent notation only below 1e-4 or above 2^53
/// (`1e-05`, `1.8014398509481984e+16`, valid JSON); `-0` prints as `0`; NaN and infinities print as `null`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A number, or `null` for n/a.
    public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }

    /// The document as text, ending with a newline.
    public func render() -> String {
        var writer = JSONWriter(capacity: 4096)
        writer.write(self)
        return writer.finish()
    }

    /// Byte order of the UTF-8 encodings, the order of object keys.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = Swift.min(x.count, y.count)
                for k in 0..<n where x[k] != y[k] { return x[k] < y[k] }
                return x.count < y.count
            }
        }
    }

    /// Whether two strings have the same UTF-8 bytes. (`==` compares canonical equivalence:
    /// `"é"` and `"e\u{301}"` are equal, yet they are different keys in JSON text.)
    static func utf8Equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }

    /// The number's JSON text (see the type's documentation).
    public static func format(_ d: Double) -> String {
        var writer = JSONWriter(capacity: 24)
        writer.number(d)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Writes JSON text as UTF-8 bytes, in the form `JSONValue.render()` documents.
///
/// A document is written either from a `JSONValue` tree (`write(_:)`, which sorts each
/// object's keys) or member by member: `beginObject()`, then `key(_:)` and a value for each
/// member in key order, then `endObject()`; arrays alike with `item()` before each element.
/// The second way lets `metrics.json` be written straight from a pack's figures, whose keys
/// are known in advance, without building a tree of dictionaries per pack.
///
/// It is a `TextOutputStream` so that `Double.write(to:)` hands over the shortest digits of a
/// number as bytes (`_writeASCII`), without making a `String` first: `metrics.json` holds
/// thousands of numbers per pack.
struct JSONWriter: TextOutputStream {
    /// The text so far is `storage[..<count]`; the rest is room to write into. A document is
    /// hundreds of thousands of small writes, and a write here is one check and one copy, where
    /// appending to an array would also go through its growth logic each time.
    private var storage: [UInt8]
    /// How many bytes of `storage` hold text.
    private(set) var count = 0
    /// How many objects and arrays are open: the indent of their members' lines.
    private var depth = 0

    /// An empty writer with room for `capacity` bytes (it grows past them as needed).
    init(capacity: Int) { storage = [UInt8](repeating: 0, count: Swift.max(capacity, 16)) }

    /// The text so far.
    var bytes: ArraySlice<UInt8> { storage[..<count] }

    /// The document's bytes, with the final newline; the writer is left empty.
    mutating func finishBytes() -> [UInt8] {
        put(0x0A)
        storage.removeSubrange(count...)
        count = 0
        return storage
    }

    /// The document as text, with the final newline.
    mutating func finish() -> String { String(decoding: finishBytes(), as: UTF8.self) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { put($0) }
    }

    /// The standard library's hook for ASCII text from numbers; a `TextOutputStream` without it
    /// receives a `String` made from the same bytes through `write(_:)`.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { put(buffer) }

    // MARK: Bytes

    /// Makes room for `extra` more bytes, at least doubling the room when it grows.
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { storage += repeatElement(0, count: Swift.max(extra, storage.count)) }
    }

    /// Appends `source`.
    private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress else { return }
        reserve(source.count)
        let at = count
        storage.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: at).update(from: from, count: source.count) }
        count += source.count
    }

    /// Appends `source`.
    private mutating func put(_ source: [UInt8]) { source.withUnsafeBufferPointer { put($0) } }

    /// Appends a literal's bytes.
    private mutating func put(_ source: StaticString) { source.withUTF8Buffer { put($0) } }

    /// Appends one byte.
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// The last byte written, if any.
    private var lastByte: UInt8? { count > 0 ? storage[count - 1] : nil }

    // MARK: Structure

    /// Opens an object; its members follow, each as `key(_:)` then a value.
    mutating func beginObject() {
        put(UInt8(ascii: "{"))
        depth += 1
    }

    /// Closes the innermost object: `{}` when it has no members, otherwise `}` on its own line.
    mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array; each element follows `item()`.
    mutating func beginArray() {
        put(UInt8(ascii: "["))
        depth += 1
    }

    /// Closes the innermost array: `[]` when it has no elements, otherwise `]` on its own line.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the innermost object: its key, quoted, and `": "`. Keys must come in
    /// the order the document wants (`JSONValue.utf8Precedes` for `metrics.json`).
    mutating func key(_ name: String) {
        separate()
        quote(name)
        put(": ")
    }

    /// ``key(_:)`` with a key quoted in advance.
    mutating func key(_ name: JSONKey) {
        separate()
        put(name.bytes)
    }

    /// Starts an element of the innermost array.
    mutating func item() { separate() }

    /// The comma after the previous member, if any, and the new member's line break and indent.
    ///
    /// The container has a member already unless the last byte written is its opening bracket:
    /// every value ends with something else (a digit, `l`, `e`, `"`, `}` or `]`).
    private mutating func separate() {
        let last = lastByte
        lineBreak(comma: last != UInt8(ascii: "{") && last != UInt8(ascii: "["), indent: depth)
    }

    /// Closes the innermost container with `bracket`, on its own line unless it is empty.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let last = lastByte
        if last != UInt8(ascii: "{") && last != UInt8(ascii: "[") { lineBreak(comma: false, indent: depth) }
        put(bracket)
    }

    /// `",\n"` and spaces: every line break with its indent is a prefix of it (or of it without
    /// the comma), copied in one go.
    private static let lineBreaks: [UInt8] = Array(",\n".utf8) + repeatElement(UInt8(ascii: " "), count: 64)
    /// `lineBreaks`, held by each writer so that the hot path reads no global.
    private let breaks = lineBreaks

    /// A comma if asked, a line break and `2 × indent` spaces.
    private mutating func lineBreak(comma: Bool, indent: Int) {
        let breaks = self.breaks
        breaks.withUnsafeBufferPointer { text in
            let start = comma ? 0 : 1
            if 2 + 2 * indent <= text.count {
                put(UnsafeBufferPointer(rebasing: text[start..<(2 + 2 * indent)]))
                return
            }
            // Deeper than the prepared indent: the line break, then the spaces in pieces.
            put(UnsafeBufferPointer(rebasing: text[start..<2]))
            var spaces = 2 * indent
            while spaces > 0 {
                let piece = Swift.min(spaces, text.count - 2)
                put(UnsafeBufferPointer(rebasing: text[2..<(2 + piece)]))
                spaces -= piece
            }
        }
    }

    // MARK: Values

    /// `null`.
    mutating func null() { put("null") }

    /// `true` or `false`.
    mutating func bool(_ b: Bool) { put(b ? "true" : "false") }

    /// A number, or `null` for n/a.
    mutating func number(_ d: Double?) {
        if let d { number(d) } else { null() }
    }

    /// A string, quoted and escaped.
    mutating func string(_ s: String) { quote(s) }

    /// A string, or `null` when there is none.
    mutating func string(_ s: String?) {
        if let s { quote(s) } else { null() }
    }

    /// `value`, with each object's members in the byte order of their keys' UTF-8.
    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let d): number(d)
        case .string(let s): quote(s)
        case .array(let items):
            beginArray()
            for item in items {
                self.item()
                write(item)
            }
            endArray()
        case .object(let members):
            beginObject()
            for index in Self.sortedIndices(members) {
                let member = members[index]
                key(member.key)
                write(member.value)
            }
            endObject()
        }
    }

    /// The positions of a dictionary's entries in the byte order of their keys' UTF-8
    /// (`JSONValue.utf8Precedes`).
    ///
    /// Most keys differ in their first eight bytes, so the positions are sorted by those bytes
    /// taken as one big-endian integer; only runs of keys sharing them are then compared in full.
    static func sortedIndices<Value>(_ members: [String: Value]) -> [Dictionary<String, Value>.Index] {
        var order: [(prefix: UInt64, index: Dictionary<String, Value>.Index)] = []
        order.reserveCapacity(members.count)
        var index = members.startIndex
        while index != members.endIndex {
            order.append((prefix(members[index].key), index))
            members.formIndex(after: &index)
        }
        order.sort { $0.prefix < $1.prefix }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && order[end].prefix == order[start].prefix { end += 1 }
            if end - start > 1 {
                order[start..<end].sort { JSONValue.utf8Precedes(members[$0.index].key, members[$1.index].key) }
            }
            start = end
        }
        return order.map(\.index)
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian integer, zero-padded.
    static func prefix(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { text in
            var result: UInt64 = 0
            for offset in 0..<Swift.min(8, text.count) { result |= UInt64(text[offset]) << (56 - 8 * offset) }
            return result
        }
    }

    /// A number as `JSONValue.format` documents it.
    mutating func number(_ d: Double) {
        guard d.isFinite else {
            null()
            return
        }
        if d == 0 {
            put(UInt8(ascii: "0"))
        } else if d == d.rounded(), Swift.abs(d) < 9_007_199_254_740_992 {
            integer(Int64(d))
        } else {
            d.write(to: &self)
        }
    }

    /// An integer's decimal digits, with `-` when negative.
    private mutating func integer(_ value: Int64) {
        if value < 0 { put(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits = 1
        var probe = rest / 10
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        reserve(digits)
        count += digits
        var at = count
        repeat {
            at -= 1
            storage[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// A JSON string: runs without characters to escape are copied whole.
    mutating func quote(_ s: String) {
        put(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { text in
            var runStart = 0
            for (index, u) in text.enumerated() where u < 0x20 || u == UInt8(ascii: "\"") || u == UInt8(ascii: "\\") {
                put(UnsafeBufferPointer(rebasing: text[runStart..<index]))
                runStart = index + 1
                escape(u)
            }
            put(UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        put(UInt8(ascii: "\""))
    }

    /// The escape sequence for a quote, a backslash or a control character.
    private mutating func escape(_ u: UInt8) {
        switch u {
        case UInt8(ascii: "\""): put("\\\"")
        case UInt8(ascii: "\\"): put("\\\\")
        case 0x0A: put("\\n")
        case 0x0D: put("\\r")
        case 0x09: put("\\t")
        case 0x08: put("\\b")
        case 0x0C: put("\\f")
        default:
            let hex = String(u, radix: 16)
            write("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }
}

/// An object key quoted in advance, with the `": "` that follows it, for keys written many times
/// (the KPI ids of every breakdown row, the fields of every KPI).
struct JSONKey: Sendable {
    /// The key's JSON text and `": "`.
    let bytes: [UInt8]
    /// The key itself.
    let name: String

    init(_ name: String) {
        var writer = JSONWriter(capacity: name.utf8.count + 4)
        writer.quote(name)
        writer.write(": ")
        self.bytes = Array(writer.bytes)
        self.name = name
    }
}
