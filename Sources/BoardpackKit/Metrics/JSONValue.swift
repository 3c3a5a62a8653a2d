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
        writer.write(self, depth: 0)
        writer.bytes.append(0x0A)
        return String(decoding: writer.bytes, as: UTF8.self)
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

    /// The number's JSON text (see the type's documentation).
    public static func format(_ d: Double) -> String {
        var writer = JSONWriter(capacity: 24)
        writer.number(d)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Writes JSON text as UTF-8 bytes, in the form `JSONValue.render()` documents.
///
/// It is a `TextOutputStream` so that `Double.write(to:)` hands over the shortest digits of a
/// number as bytes (`_writeASCII`), without making a `String` first: `metrics.json` holds
/// thousands of numbers per pack.
struct JSONWriter: TextOutputStream {
    /// The text so far.
    var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func write(_ string: String) { bytes += string.utf8 }

    /// The standard library's hook for ASCII text from numbers; a `TextOutputStream` without it
    /// receives a `String` made from the same bytes through `write(_:)`.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// Writes `value` at nesting `depth` (two spaces of indent per level).
    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: bytes += "null".utf8
        case .bool(let b): bytes += (b ? "true" : "false").utf8
        case .number(let d): number(d)
        case .string(let s): quote(s)
        case .array(let items):
            guard !items.isEmpty else {
                bytes += "[]".utf8
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent: depth + 1)
                write(item, depth: depth + 1)
            }
            newline(indent: depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                bytes += "{}".utf8
                return
            }
            bytes.append(UInt8(ascii: "{"))
            for (i, entry) in Self.sortedEntries(members).enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent: depth + 1)
                let member = members[entry.index]
                quote(member.key)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(UInt8(ascii: " "))
                write(member.value, depth: depth + 1)
            }
            newline(indent: depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The positions of an object's members in the byte order of their keys' UTF-8
    /// (`JSONValue.utf8Precedes`).
    ///
    /// Most keys differ in their first eight bytes, so the positions are sorted by those bytes
    /// taken as one big-endian integer; only runs of keys sharing them are then compared in full.
    private static func sortedEntries(
        _ members: [String: JSONValue]
    ) -> [(prefix: UInt64, index: Dictionary<String, JSONValue>.Index)] {
        var order: [(prefix: UInt64, index: Dictionary<String, JSONValue>.Index)] = []
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
        return order
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian integer, zero-padded.
    private static func prefix(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { text in
            var result: UInt64 = 0
            for offset in 0..<Swift.min(8, text.count) { result |= UInt64(text[offset]) << (56 - 8 * offset) }
            return result
        }
    }

    /// A line break and `2 × indent` spaces.
    private mutating func newline(indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<(2 * indent) { bytes.append(UInt8(ascii: " ")) }
    }

    /// A number as `JSONValue.format` documents it.
    mutating func number(_ d: Double) {
        guard d.isFinite else {
            bytes += "null".utf8
            return
        }
        if d == 0 {
            bytes.append(UInt8(ascii: "0"))
        } else if d == d.rounded(), Swift.abs(d) < 9_007_199_254_740_992 {
            integer(Int64(d))
        } else {
            d.write(to: &self)
        }
    }

    /// An integer's decimal digits, with `-` when negative.
    private mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var count = 1
        var probe = rest / 10
        while probe > 0 {
            count += 1
            probe /= 10
        }
        let end = bytes.count + count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var at = end
        repeat {
            at -= 1
            bytes[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// A JSON string: runs without characters to escape are copied whole.
    mutating func quote(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { text in
            var runStart = 0
            for (index, u) in text.enumerated() where u < 0x20 || u == UInt8(ascii: "\"") || u == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                runStart = index + 1
                escape(u)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape sequence for a quote, a backslash or a control character.
    private mutating func escape(_ u: UInt8) {
        switch u {
        case UInt8(ascii: "\""): bytes += "\\\"".utf8
        case UInt8(ascii: "\\"): bytes += "\\\\".utf8
        case 0x0A: bytes += "\\n".utf8
        case 0x0D: bytes += "\\r".utf8
        case 0x09: bytes += "\\t".utf8
        case 0x08: bytes += "\\b".utf8
        case 0x0C: bytes += "\\f".utf8
        default:
            let hex = String(u, radix: 16)
            bytes += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
        }
    }
}
