/// A JSON document, rendered deterministically for `metrics.json` (SPEC §3.5).
///
/// `render()` sorts object keys by their UTF-8 bytes, indents by two spaces, puts `": "` after
/// keys and ends with a newline. Numbers: integral values with magnitude below 2^53 print as
/// integers (`45`, not `45.0`); other finite values print in Swift's shortest round-trip form
/// (`41.2`, `0.0842`), which uses exponent notation only below 1e-4 or from 2^53 up
/// (`1e-05`, valid JSON); `-0` prints as `0`; NaN and infinities print as `null`.
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
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, depth: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the value's UTF-8 at nesting `depth` (two spaces of indent per level).
    private func write(into out: inout [UInt8], depth: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let d): out += Self.format(d).utf8
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]".utf8
                return
            }
            out += "[\n".utf8
            for (i, item) in items.enumerated() {
                Self.indent(depth + 1, into: &out)
                item.write(into: &out, depth: depth + 1)
                if i + 1 < items.count { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}".utf8
                return
            }
            let keys = members.keys.sorted(by: Self.utf8Precedes)
            out += "{\n".utf8
            for (i, key) in keys.enumerated() {
                Self.indent(depth + 1, into: &out)
                Self.quote(key, into: &out)
                out += ": ".utf8
                members[key]!.write(into: &out, depth: depth + 1)
                if i + 1 < keys.count { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
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
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
        if d == d.rounded(), Swift.abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return "\(d)"
    }

    private static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0x08: out += "\\b".utf8
            case 0x0C: out += "\\f".utf8
            case ..<0x20:
                let hex = String(u, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: out.append(u)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
