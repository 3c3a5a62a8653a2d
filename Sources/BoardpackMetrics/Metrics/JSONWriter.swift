/// The text rules of `metrics.json` (SPEC §3.5) that do not need a writer: numbers, and the
/// byte order of keys.
///
/// A document sorts object keys by their UTF-8 bytes, indents by two spaces, puts `": "` after
/// keys and ends with a newline. Numbers: integral values with magnitude below 2^53 print as
/// integers (`45`, not `45.0`); other finite values print in Swift's shortest round-trip form
/// (`41.2`, `0.0842`), which uses exponent notation only below 1e-4 or above 2^53
/// (`1e-05`, `1.8014398509481984e+16`, valid JSON); `-0` prints as `0`; NaN and infinities print as `null`.
package enum JSONText {
    /// Byte order of the UTF-8 encodings, the order of object keys.
    package static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = Swift.min(x.count, y.count)
                for k in 0..<n where x[k] != y[k] { return x[k] < y[k] }
                return x.count < y.count
            }
        }
    }

    /// The positions of `keys` in the byte order of their UTF-8 (`utf8Precedes`).
    ///
    /// Most keys differ in their first eight bytes, so the positions are sorted by those bytes
    /// taken as one big-endian integer; only runs of keys sharing them are then compared in full.
    static func utf8Order<Keys: Collection<String>>(_ keys: Keys) -> [Keys.Index] {
        var order: [(prefix: UInt64, index: Keys.Index)] = []
        order.reserveCapacity(keys.count)
        for index in keys.indices { order.append((prefix(keys[index]), index)) }
        order.sort { $0.prefix < $1.prefix }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && order[end].prefix == order[start].prefix { end += 1 }
            if end - start > 1 { order[start..<end].sort { utf8Precedes(keys[$0.index], keys[$1.index]) } }
            start = end
        }
        return order.map(\.index)
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

    /// Whether two strings have the same UTF-8 bytes. (`==` compares canonical equivalence:
    /// `"é"` and `"e\u{301}"` are equal, yet they are different keys in JSON text.)
    static func utf8Equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }

    /// The number's JSON text (see the type's documentation).
    package static func format(_ d: Double) -> String {
        var writer = JSONWriter(capacity: 32)
        writer.number(d)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Writes JSON text as UTF-8 bytes, in the form ``JSONText`` documents: the one writer of
/// `metrics.json`.
///
/// A document is written member by member: `beginObject()`, then `key(_:)` and a value for
/// each member in key order, then `endObject()`; arrays alike with `item()` before each
/// element. `metrics.json` is written straight from a pack's figures, whose keys are known in
/// advance, without building a tree of dictionaries per pack: the tree is the reference the
/// tests compare with (`Tests/…/JSONValue.swift`); `metrics.json` writing was 2.8 % of a whole
/// build's CPU time in the last profile, and a tree would add a dictionary per object. A key
/// out of byte order stops debug builds (and so every test), so the order is kept by the
/// writer, not by the hand that calls it.
///
/// A document is hundreds of thousands of small writes, so the text goes into memory the writer
/// allocates and frees itself: a write is a bounds check and a copy, where an array would check
/// its uniqueness and capacity on every append. The writer cannot be copied, so that no two
/// writers share that memory.
package struct JSONWriter: ~Copyable {
    /// The text so far is `base[..<count]`; `capacity` bytes are allocated.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0
    /// How many objects and arrays are open: the indent of their members' lines.
    private(set) var depth = 0
    /// Whether the innermost open object or array has no member yet. (Only it can be empty: every
    /// container around it has at least the member that holds it.)
    private var isEmpty = true
    #if DEBUG
        /// The last key of each open object (nil in arrays and before the first key).
        private var lastKeys: [String?] = []
    #endif

    /// Stops a debug build when `name` does not come after the object's previous key in byte order.
    private mutating func checkOrder(_ name: String) {
        #if DEBUG
            if let last = lastKeys.last ?? nil {
                precondition(JSONText.utf8Precedes(last, name), "JSON keys out of order: `\(last)` before `\(name)`")
            }
            if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = name }
        #endif
    }

    /// Opens a level of the key-order check.
    private mutating func openLevel() {
        #if DEBUG
            lastKeys.append(nil)
        #endif
    }

    /// An empty writer with room for `capacity` bytes (it grows past them as needed).
    package init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The text so far.
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The document's bytes, with the final newline.
    consuming func finishBytes() -> [UInt8] {
        put(0x0A)
        return bytes
    }

    /// The document as text, with the final newline.
    ///
    /// The bytes are not validated again: everything a writer writes is valid UTF-8 (ASCII
    /// punctuation and numbers, and whole strings copied from Swift `String`s, which hold valid
    /// UTF-8; escapes split them only at ASCII bytes). `String(decoding:as:)` would check every
    /// byte one at a time, which for a `metrics.json` costs more than writing it. Debug builds
    /// still check.
    consuming func finish() -> String {
        put(0x0A)
        let text = UnsafeBufferPointer(start: base, count: count)
        assert(String(validating: text, as: UTF8.self) != nil, "a JSON writer wrote invalid UTF-8")
        return String(copying: UTF8Span(unchecked: text.span))
    }

    /// Appends a string's UTF-8 as it is.
    private mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { put($0) }
    }

    // MARK: Bytes

    /// Makes room for `extra` more bytes, at least doubling the room when it grows.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = Swift.max(count + extra, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    /// Appends `source`.
    private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress else { return }
        reserve(source.count)
        (base + count).update(from: from, count: source.count)
        count += source.count
    }

    /// Appends a literal's bytes.
    fileprivate mutating func put(_ source: StaticString) { source.withUTF8Buffer { put($0) } }

    /// Appends one byte.
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends a copy of the text written at `range` (for instance a number's, to write the same
    /// number again without formatting it), and returns where the copy is.
    mutating func repeatText(_ range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "text not written yet")
        reserve(range.count)
        let start = count
        (base + start).update(from: base + range.lowerBound, count: range.count)
        count += range.count
        return start..<count
    }

    // MARK: Structure

    /// Opens an object; its members follow, each as `key(_:)` then a value.
    package mutating func beginObject() {
        openLevel()
        put(UInt8(ascii: "{"))
        depth += 1
        isEmpty = true
    }

    /// Closes the innermost object: `{}` when it has no members, otherwise `}` on its own line.
    package mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array; each element follows `item()`.
    package mutating func beginArray() {
        openLevel()
        put(UInt8(ascii: "["))
        depth += 1
        isEmpty = true
    }

    /// Closes the innermost array: `[]` when it has no elements, otherwise `]` on its own line.
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the innermost object: its key, quoted, and `": "`. Keys must come in
    /// the order the document wants (`JSONText.utf8Precedes` for `metrics.json`).
    package mutating func key(_ name: String) {
        checkOrder(name)
        separate()
        quote(name)
        put(": ")
    }

    /// ``key(_:)`` with a key prepared for the current depth.
    package mutating func key(_ name: borrowing JSONKey) {
        precondition(name.depth == depth, "a key prepared for another depth")
        checkOrder(name.name)
        name.line.withUnsafeBufferPointer { prepared($0, withNull: false) }
    }

    /// ``key(_:)`` with key `k` of keys prepared for the current depth; with `null: true`, the
    /// member's value `null` too, in the same copy.
    package mutating func key(_ keys: borrowing JSONKeys, _ k: Int, null: Bool = false) {
        precondition(keys.depth == depth, "keys prepared for another depth")
        checkOrder(keys.names[k])
        let start = k == 0 ? 0 : keys.ends[k - 1]
        keys.text.withUnsafeBufferPointer { prepared(UnsafeBufferPointer(rebasing: $0[start..<keys.ends[k]]), withNull: null) }
    }

    /// Writes a prepared key's line: its comma unless the member is the first, and `null` if asked.
    private mutating func prepared(_ line: UnsafeBufferPointer<UInt8>, withNull: Bool) {
        let start = isEmpty ? 1 : 0
        isEmpty = false
        put(UnsafeBufferPointer(rebasing: line[start..<(withNull ? line.count : line.count - 4)]))
    }

    /// Starts an element of the innermost array.
    package mutating func item() { separate() }

    /// The comma after the previous member, if any, and the new member's line break and indent.
    private mutating func separate() {
        lineBreak(comma: !isEmpty, indent: depth)
        isEmpty = false
    }

    /// Closes the innermost container with `bracket`, on its own line unless it is empty.
    ///
    /// The container it was in is not empty: the closed one is its member.
    private mutating func close(_ bracket: UInt8) {
        #if DEBUG
            lastKeys.removeLast()
        #endif
        depth -= 1
        if !isEmpty { lineBreak(comma: false, indent: depth) }
        put(bracket)
        isEmpty = false
    }

    /// `",\n"` and spaces: every line break with its indent is a prefix of it (or of it without
    /// the comma), copied in one go.
    private static let lineBreaks: [UInt8] = Array(",\n".utf8) + repeatElement(UInt8(ascii: " "), count: 64)
    /// `lineBreaks`, held by each writer so that the hot path reads no global.
    private let breaks = lineBreaks

    /// A comma if asked, a line break and `2 × indent` spaces.
    fileprivate mutating func lineBreak(comma: Bool, indent: Int) {
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
    package mutating func null() { put("null") }

    /// `true` or `false`.
    mutating func bool(_ b: Bool) { put(b ? "true" : "false") }

    /// A number, or `null` for n/a.
    package mutating func number(_ d: Double?) {
        if let d { number(d) } else { null() }
    }

    /// A string, quoted and escaped.
    package mutating func string(_ s: String) { quote(s) }

    /// A string, or `null` when there is none.
    package mutating func string(_ s: String?) {
        if let s { quote(s) } else { null() }
    }

    /// A number as `JSONText.format` documents it.
    package mutating func number(_ d: Double) {
        guard d.isFinite else {
            null()
            return
        }
        if d == 0 {
            put(UInt8(ascii: "0"))
        } else if Swift.abs(d) < 9_007_199_254_740_992, Double(Int64(d)) == d {
            // Integral: below 2^53, converting to an integer and back loses nothing else.
            integer(Int64(d))
        } else {
            reserve(Digits.room)
            var digits = Digits(at: base + count)
            d.write(to: &digits)
            count += digits.count
        }
    }

    /// Receives a number's shortest round-trip text from `Double.write(to:)`, as bytes (through
    /// `_writeASCII`, without making a `String`), straight into the writer's memory.
    private struct Digits: TextOutputStream {
        /// Room for the longest text of a `Double` (`-2.2250738585072014e-308` is 24 bytes).
        static let room = 32
        let at: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func write(_ string: String) {
            var string = string
            string.withUTF8 { _writeASCII($0) }
        }

        /// The standard library's hook for ASCII text from numbers; a `TextOutputStream` without
        /// it receives a `String` made from the same bytes through `write(_:)`.
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
            guard let from = buffer.baseAddress else { return }
            precondition(count + buffer.count <= Self.room, "a number longer than any Double's")
            (at + count).update(from: from, count: buffer.count)
            count += buffer.count
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
            base[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// A JSON string: runs without characters to escape are copied whole.
    package mutating func quote(_ s: String) {
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

/// An object key prepared for members at one nesting depth: the comma, line break and indent
/// that come before it, and `": "` after it, so that writing it is one copy. For keys written
/// many times, such as the fields of every KPI.
package struct JSONKey: Sendable {
    /// The nesting depth of the members the key is for (see `JSONWriter.depth`).
    package let depth: Int
    /// The key's line (see `line(_:depth:)`).
    package let line: [UInt8]
    /// The key itself.
    package let name: String

    package init(_ name: String, depth: Int) {
        self.depth = depth
        self.name = name
        line = Self.line(name, depth: depth)
    }

    /// `",\n"`, the indent, the key's JSON text, `": "`, then `null` for `JSONWriter.key(_:null:)`.
    package static func line(_ name: String, depth: Int) -> [UInt8] {
        var writer = JSONWriter(capacity: 2 * depth + name.utf8.count + 12)
        writer.lineBreak(comma: true, indent: depth)
        writer.quote(name)
        writer.put(": null")
        return writer.bytes
    }
}

/// Object keys prepared like `JSONKey`, their lines one after the other in one buffer, so that
/// writing one copies no reference to it: for the keys of every breakdown row.
package struct JSONKeys: Sendable {
    /// The nesting depth of the members the keys are for.
    package let depth: Int
    /// The keys' lines.
    package let text: [UInt8]
    /// Where each key's line ends in `text` (the next one starts there).
    package let ends: [Int]
    /// The keys themselves.
    package let names: [String]

    package init(_ names: some Sequence<String>, depth: Int) {
        var text: [UInt8] = []
        var ends: [Int] = []
        self.names = Array(names)
        for name in self.names {
            text += JSONKey.line(name, depth: depth)
            ends.append(text.count)
        }
        self.depth = depth
        self.text = text
        self.ends = ends
    }

    /// How many keys there are.
    package var count: Int { ends.count }
}
