#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Literal substring search and replacement on UTF-8 bytes.
///
/// Foundation's `replacingOccurrences(of:with:)` goes through `NSString` (UTF-16 copies and
/// Unicode-aware comparison); the HTML and placeholders rewritten here are plain ASCII or
/// private-use markers, so comparing bytes gives the same result many times faster.
extension String {
    /// True when `target` occurs in the string, comparing UTF-8 bytes.
    package func containsBytes(_ target: String) -> Bool {
        var haystack = self, needle = target
        return haystack.withUTF8 { h in needle.withUTF8 { n in firstOffset(of: n, in: h, from: 0) != nil } }
    }

    /// The pieces of the string between occurrences of `separator`, comparing UTF-8 bytes: one
    /// more piece than occurrences, empty pieces kept.
    package func splittingBytes(_ separator: String) -> [String] {
        var haystack = self, needle = separator
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                var pieces: [String] = []
                var start = 0
                while !n.isEmpty, let hit = firstOffset(of: n, in: h, from: start) {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: h[start..<hit]), as: UTF8.self))
                    start = hit + n.count
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: h[start...]), as: UTF8.self))
                return pieces
            }
        }
    }

    /// Every occurrence of `target` replaced by `replacement`, left to right, comparing UTF-8
    /// bytes. Returns the string unchanged when `target` is empty or absent.
    package func replacingBytes(_ target: String, with replacement: String) -> String {
        var haystack = self, needle = target, substitute = replacement
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty, var hit = firstOffset(of: n, in: h, from: 0) else { return self }
                return substitute.withUTF8 { r in
                    var out: [UInt8] = []
                    out.reserveCapacity(h.count + max(0, r.count - n.count) * 4)
                    var start = 0
                    while true {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start..<hit]))
                        out.append(contentsOf: r)
                        start = hit + n.count
                        guard let next = firstOffset(of: n, in: h, from: start) else { break }
                        hit = next
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start...]))
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }
}

/// The offset of the first `needle` in `haystack` at or after `from`: `memchr` finds the
/// candidates for the first byte, `memcmp` checks the rest.
func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard !needle.isEmpty, let base = haystack.baseAddress, let n = needle.baseAddress,
        haystack.count - from >= needle.count
    else { return nil }
    let first = Int32(needle[0])
    var offset = from
    let last = haystack.count - needle.count
    while offset <= last {
        guard let candidate = memchr(base + offset, first, last - offset + 1) else { return nil }
        let at = UnsafeRawPointer(candidate) - UnsafeRawPointer(base)
        if memcmp(base + at, n, needle.count) == 0 { return at }
        offset = at + 1
    }
    return nil
}

/// The offsets of the occurrences of `needle` in `haystack`, left to right and not
/// overlapping.
package func offsets(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> [Int] {
    needle.withUnsafeBufferPointer { needle in
        var found: [Int] = []
        var at = 0
        while let hit = firstOffset(of: needle, in: haystack, from: at) {
            found.append(hit)
            at = hit + needle.count
        }
        return found
    }
}
