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
        var out = ""
        write(into: &out, indent: "")
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += Self.format(d)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            out += "{\n"
            for (i, key) in keys.enumerated() {
                out += inner
                Self.quote(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: inner)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// The number's JSON text (see the type's documentation).
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
        if d == d.rounded(), Swift.abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return "\(d)"
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escaping: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
