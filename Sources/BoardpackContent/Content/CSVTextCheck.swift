/// Checks that a data file is UTF-8 text before it is split into fields.
///
/// One pass, eight bytes at a time while the text is ASCII, decoding multi-byte sequences
/// only where they occur. It stops at the first problem: past an invalid byte or a NUL the
/// file is probably another encoding (UTF-16, Latin-1) and every later message would be noise.
enum CSVTextCheck {
    /// What is wrong with the bytes, if anything.
    enum Problem: Equatable {
        /// The byte at this offset does not start or continue a valid UTF-8 sequence.
        case invalidUTF8(offset: Int)
        /// A NUL byte at this offset.
        case nul(offset: Int)
    }

    /// The first problem in `bytes[start...]`, or nil for valid UTF-8 without NUL bytes, and
    /// the number of line feeds before it (all of them when there is no problem): the parser
    /// sizes its columns by it, and the provenance counts lines with it.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Problem?, lineFeeds: Int) {
        let n = bytes.count
        var i = start
        var lineFeeds = 0
        while i < n {
            // ASCII without NUL, sixteen bytes at a time: for such a byte b, b - 1 sets the
            // high bit only when b is 0, and no high bit is set in b itself.
            while i + 16 <= n {
                let a = ByteWord.load(bytes.baseAddress!, at: i)
                let b = ByteWord.load(bytes.baseAddress!, at: i + 8)
                guard ((a &- ByteWord.ones) | (b &- ByteWord.ones) | a | b) & ByteWord.highBits == 0 else { break }
                lineFeeds += ByteWord.count(asciiLineFeeds(a), asciiLineFeeds(b))
                i += 16
            }
            guard i < n else { break }
            let b = bytes[i]
            if b == 0 { return (.nul(offset: i), lineFeeds) }
            if b < 0x80 {
                if b == UInt8(ascii: "\n") { lineFeeds += 1 }
                i += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return (.invalidUTF8(offset: i), lineFeeds) }
            i += length
        }
        return (nil, lineFeeds)
    }

    /// The high bit of every line feed in `word`, which holds ASCII bytes only (so the sum
    /// below carries out of no byte: `ByteWord.equalMask` without its masking).
    @inline(__always)
    private static func asciiLineFeeds(_ word: UInt64) -> UInt64 {
        ~((word ^ (ByteWord.ones &* UInt64(UInt8(ascii: "\n")))) &+ ByteWord.lowBits) & ByteWord.highBits
    }

    /// Length of the valid UTF-8 sequence starting with the non-ASCII byte at `i`, or 0.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        let b1 = bytes[i + 1]
        guard b1 >= low && b1 <= high else { return 0 }
        for k in 2..<max(length, 2) where bytes[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// The position of byte `offset`, found by counting line feeds from `start`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> CSVPosition {
        var line = 1
        var lineStart = start
        var i = start
        while i < offset {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return CSVPosition(offset: offset, line: line, lineStart: lineStart)
    }
}
