import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

/// `JSONValue.render()` against a plain reference renderer (sorted keys, `"\(d)"` numbers,
/// byte-by-byte escaping) on generated documents, plus hand-worked escapes and key orders.
@Suite struct JSONWriterTests {
    /// The straightforward renderer the writer must match byte for byte.
    static func reference(_ value: JSONValue, depth: Int = 0) -> String {
        let indent = String(repeating: "  ", count: depth)
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d):
            guard d.isFinite else { return "null" }
            if d == 0 { return "0" }
            if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
            return "\(d)"
        case .string(let s): return quoted(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + reference($0, depth: depth + 1) }.joined(separator: ",\n") + "\n"
                + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            return "{\n"
                + keys.map { inner + quoted($0) + ": " + reference(members[$0]!, depth: depth + 1) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): bytes += "\\\"".utf8
            case UInt8(ascii: "\\"): bytes += "\\\\".utf8
            case 0x0A: bytes += "\\n".utf8
            case 0x0D: bytes += "\\r".utf8
            case 0x09: bytes += "\\t".utf8
            case 0x08: bytes += "\\b".utf8
            case 0x0C: bytes += "\\f".utf8
            case ..<0x20:
                let hex = String(u, radix: 16)
                bytes += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: bytes.append(u)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    static let keyPieces = [
        "marketing_cost", "marketing_cost_share", "marketin", "cac", "cac_payback_months", "ch-001", "ch-010",
        "é", "e\u{301}", "Z", "a\u{0}", "a", "", "tab\there", "q\"uote", "back\\slash", "ünïcödé", "€uro",
    ]

    static func document(_ rng: inout SplitMix, depth: Int) -> JSONValue {
        let pick = depth >= 4 ? Int.random(in: 0..<4, using: &rng) : Int.random(in: 0..<6, using: &rng)
        switch pick {
        case 0: return .null
        case 1: return .bool(rng.next() & 1 == 0)
        case 2:
            let numbers: [Double] = [
                0, -0.0, 45, -3, 41.2, 0.0842, 1e-5, 1_234_567.5, 9_007_199_254_740_992, -9_007_199_254_740_991,
                .nan, .infinity, 1e300, 0.1 + 0.2,
            ]
            return rng.next() & 1 == 0
                ? .number(numbers[Int.random(in: 0..<numbers.count, using: &rng)])
                : .number(Double.random(in: -1e6...1e6, using: &rng))
        case 3:
            return .string(keyPieces[Int.random(in: 0..<keyPieces.count, using: &rng)] + "\u{1}\n\r x")
        case 4:
            return .array((0..<Int.random(in: 0..<4, using: &rng)).map { _ in document(&rng, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0..<12, using: &rng) {
                let key =
                    keyPieces[Int.random(in: 0..<keyPieces.count, using: &rng)]
                    + (rng.next() & 1 == 0 ? "" : keyPieces[Int.random(in: 0..<keyPieces.count, using: &rng)])
                members[key] = document(&rng, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test func matchesTheReferenceRenderer() {
        var rng = SplitMix(state: 53)
        for _ in 0..<400 {
            let doc = Self.document(&rng, depth: 0)
            #expect(Array(doc.render().utf8) == Array((Self.reference(doc) + "\n").utf8))
        }
    }

    @Test func deepAndLongDocuments() {
        // Deeper than the writer's prepared indent (32 levels), and longer than its first
        // allocation, so that it grows.
        var deep = JSONValue.object(["leaf": .string(String(repeating: "é\"x", count: 3000))])
        for level in 0..<45 {
            deep = level % 2 == 0 ? .array([.number(Double(level)), deep, .object([:])]) : .object(["k\(level)": deep, "a": .array([])])
        }
        #expect(Array(deep.render().utf8) == Array((Self.reference(deep) + "\n").utf8))
    }

    @Test func keysInUTF8ByteOrder() {
        // "e\u{301}" (e + combining acute) sorts by its bytes 65 CC 81, before "éa" (C3 A9 61), and
        // keys sharing their first eight bytes fall back to the full comparison.
        let doc = JSONValue.object([
            "éa": .number(1), "e\u{301}": .number(2), "marketing_cost_share": .number(3), "marketing_cost": .number(4),
            "marketin": .number(5), "a\u{0}": .number(6), "a": .number(7), "Z": .number(8),
        ])
        // Compared as bytes: String equality would treat the two spellings of é as equal.
        #expect(
            Array(doc.render().utf8)
                == Array(
                    """
                    {
                      "Z": 8,
                      "a": 7,
                      "a\\u0000": 6,
                      "e\u{301}": 2,
                      "marketin": 5,
                      "marketing_cost": 4,
                      "marketing_cost_share": 3,
                      "éa": 1
                    }

                    """.utf8))
    }

    @Test func escapesAndNumbers() {
        #expect(JSONValue.string("a\"b\\c\u{1}\u{1f}\té").render() == "\"a\\\"b\\\\c\\u0001\\u001f\\té\"\n")
        // 2^53 is past the integer form but still printed in plain notation; 2^54 is not.
        #expect(JSONValue.format(9_007_199_254_740_992) == "9007199254740992.0")
        #expect(JSONValue.format(18_014_398_509_481_984) == "1.8014398509481984e+16")
        #expect(JSONValue.format(-9_007_199_254_740_991) == "-9007199254740991")
        #expect(JSONValue.format(0.00001) == "1e-05")
        #expect(JSONValue.format(-0.024367878705342957) == "-0.024367878705342957")
        #expect(JSONValue.format(.infinity) == "null")
    }

    /// The writer keeps the keys' order: a key before the previous one in byte order stops a
    /// debug build (and every test run), whoever writes the document.
    @Test func aKeyOutOfOrderStopsTheWriter() async {
        await #expect(processExitsWith: .failure) {
            var writer = JSONWriter(capacity: 64)
            writer.beginObject()
            writer.key("period")
            writer.null()
            writer.key("kpis")
            writer.null()
            writer.endObject()
        }
        var writer = JSONWriter(capacity: 64)
        writer.beginObject()
        writer.key("kpis")
        writer.beginObject()
        writer.key("z")
        writer.null()
        writer.endObject()
        writer.key("period")
        writer.null()
        writer.endObject()
        #expect(writer.finish() == "{\n  \"kpis\": {\n    \"z\": null\n  },\n  \"period\": null\n}\n")
    }
}
