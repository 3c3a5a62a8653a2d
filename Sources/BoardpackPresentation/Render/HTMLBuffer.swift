#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Markup: HTML (or SVG) built as UTF-8 bytes, into which text can only go escaped.
///
/// What goes in: markup written in the code (string literals: `html += "<h3>"`), text, escaped
/// as it is appended (`html += "<p>\(title)</p>"` escapes `title`; ``appendEscaped(_:)``), other
/// markup (`\(badge)` where `badge` is an `HTMLBuffer`), and markup made elsewhere that the
/// code vouches for by name (``init(trusted:)``: cmark-gfm's safe HTML, the chart library's
/// SVG). There is no way to append a `String` as markup by accident, so a name from a data
/// file or `metrics.yml` cannot reach a page as markup (Plot's nodes do the same).
///
/// A pack page is some 180 KB made of thousands of small pieces (table cells, tags, labels),
/// and appending bytes to one array is much cheaper than concatenating as many intermediate
/// `String`s. Converted to a `String` once, at the end.
struct HTMLBuffer: Sendable, ExpressibleByStringInterpolation {
    /// The markup so far, as UTF-8.
    private(set) var bytes: [UInt8] = []

    init() {}

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Markup made elsewhere that the code vouches for: cmark-gfm's safe HTML, the chart
    /// library's SVG, a page rendered by the theme.
    init(trusted html: String) { bytes = Array(html.utf8) }

    /// Markup written in the code.
    init(stringLiteral literal: StaticString) { bytes.appendLiteral(literal) }

    /// Markup written in the code with values in it: text escaped, markup as it is.
    init(stringInterpolation: Interpolation) { self = stringInterpolation.buffer }

    typealias StringInterpolation = Interpolation

    /// The parts of an interpolated literal: the literal's own parts are markup, a `String`
    /// is text and is escaped, an `HTMLBuffer` is markup.
    struct Interpolation: StringInterpolationProtocol {
        var buffer: HTMLBuffer

        init(literalCapacity: Int, interpolationCount: Int) {
            buffer = HTMLBuffer(capacity: literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) { buffer.append(literal: literal) }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: some StringProtocol) { buffer.appendEscaped(text) }

        /// Markup.
        mutating func appendInterpolation(_ markup: HTMLBuffer) { buffer.append(markup) }
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The markup as a `String`, its bytes copied straight into the string's storage.
    var string: String {
        bytes.withUnsafeBufferPointer { utf8 in
            String(unsafeUninitializedCapacity: utf8.count) { out in
                guard let source = utf8.baseAddress, let target = out.baseAddress else { return 0 }
                target.initialize(from: source, count: utf8.count)
                return utf8.count
            }
        }
    }

    /// Appends trusted markup written in the code (a tag) as is.
    @inline(__always)
    mutating func append(literal html: StaticString) { bytes.appendLiteral(html) }

    /// Makes room for `count` more bytes.
    mutating func reserve(_ count: Int) { bytes.reserve(count) }

    /// Appends another buffer's markup.
    mutating func append(_ other: HTMLBuffer) { bytes += other.bytes }

    /// Appends markup that is already UTF-8 (an SVG document).
    mutating func append(bytes other: [UInt8]) { bytes += other }

    /// Appends markup that is already UTF-8.
    mutating func append(bytes other: UnsafeBufferPointer<UInt8>) { bytes += other }

    /// Appends `text` escaped by the project's one escaping routine.
    mutating func appendEscaped(_ text: some StringProtocol) { appendEscapedHTML(text, to: &bytes) }

    /// Appends another buffer's markup.
    @_disfavoredOverload
    static func += (buffer: inout HTMLBuffer, other: HTMLBuffer) { buffer.append(other) }

    /// Appends markup written in the code, straight from the literal (no buffer in between).
    static func += (buffer: inout HTMLBuffer, literal: StaticString) { buffer.append(literal: literal) }
}

extension Sequence<HTMLBuffer> {
    /// The markups one after the other, `separator` between them.
    func joined(separator: StaticString = "") -> HTMLBuffer {
        var out = HTMLBuffer()
        for (i, markup) in enumerated() {
            if i > 0 { out.append(literal: separator) }
            out.append(markup)
        }
        return out
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `text`, read in place where the string stores it contiguously
    /// (native strings and literals do); `+= text.utf8` would go through the generic sequence
    /// path.
    mutating func appendUTF8(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendSmall($0) }
        if done == nil { self += text.utf8 }
    }

    /// Appends a literal's UTF-8 (tag and attribute names, punctuation). Inlined, so that the
    /// literal's length is known where it is written and only one way of copying is compiled.
    @inline(__always)
    mutating func appendLiteral(_ text: StaticString) {
        appendSmall(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `bytes`: a few bytes one by one, more in one copy. `append(contentsOf:)` costs
    /// about as much as appending six bytes singly (each checks the array's uniqueness and
    /// capacity), and less than that beyond.
    @inline(__always)
    mutating func appendSmall(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count <= 6 {
            for byte in bytes { append(byte) }
        } else {
            append(contentsOf: bytes)
        }
    }

    /// Makes room for `count` more bytes, doubling the capacity at least (reserving exactly
    /// what each table needs, table after table, would copy the page over and over).
    mutating func reserve(_ count: Int) {
        let needed = self.count + count
        if needed > capacity { reserveCapacity(Swift.max(needed, 2 * capacity)) }
    }
}
