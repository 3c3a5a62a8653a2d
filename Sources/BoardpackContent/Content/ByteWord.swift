/// Eight bytes of a file read as one little-endian word (the first byte lowest), and the
/// byte-wise tests the CSV reader runs on them: a field's end, its digits and their value
/// come from a few integer operations per eight bytes instead of a branch per byte.
///
/// Written by hand (SWAR, "SIMD within a register") because the standard library's SIMD
/// types give no portable way to find the first matching byte, and the plain-row path needs
/// exactly that: where a field ends.
///
/// Every mask below is exact: a byte's result never borrows from or carries into its
/// neighbours, so the lowest set bit always marks the first byte that matches.
enum ByteWord {
    /// 0x01 in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// 0x7F in every byte.
    static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset` (the caller checks that they are inside the buffer).
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of every byte of `word` that is not zero.
    @inline(__always)
    static func nonZeroMask(_ word: UInt64) -> UInt64 {
        // (b & 0x7F) + 0x7F sets the high bit for 1...0x7F without carrying out of the byte;
        // or-ing `word` adds the bytes of 0x80 and above.
        (((word & lowBits) &+ lowBits) | word) & highBits
    }

    /// The high bit of every byte of `word` equal to `byte`.
    @inline(__always)
    static func equalMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        ~nonZeroMask(word ^ (ones &* UInt64(byte))) & highBits
    }

    /// The high bit of every byte of `word` that is not an ASCII digit.
    @inline(__always)
    static func nonDigitMask(_ word: UInt64) -> UInt64 {
        // Digits become 0...9; (b & 0x7F) + 0x76 reaches 0x80 exactly for 10...0x7F.
        let t = word ^ 0x3030_3030_3030_3030
        return (((t & lowBits) &+ 0x7676_7676_7676_7676) | t) & highBits
    }

    /// Index of the first byte marked in `mask` (a mask from the functions above), 8 when none.
    @inline(__always)
    static func firstMarked(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

    /// Number of bytes marked in `mask` (one multiplication adds up the high bits; the
    /// portable target has no population-count instruction).
    @inline(__always)
    static func count(_ mask: UInt64) -> Int { Int(((mask >> 7) &* ones) >> 56) }

    /// Number of bytes marked in two masks together.
    @inline(__always)
    static func count(_ a: UInt64, _ b: UInt64) -> Int { Int((((a >> 7) &+ (b >> 7)) &* ones) >> 56) }

    /// The byte at `index` (0...7).
    @inline(__always)
    static func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word &>> UInt64(index << 3)) }

    /// The first `count` bytes (1...8), the others zero.
    @inline(__always)
    static func prefix(_ word: UInt64, _ count: Int) -> UInt64 {
        count == 8 ? word : word & ((1 &<< UInt64(count << 3)) &- 1)
    }

    /// The value of the first `count` bytes (1...8), all ASCII digits, read as a decimal number.
    ///
    /// The digits are moved to the top of the word (the bytes shifted in are leading zeros),
    /// then adjacent digits, pairs and quadruples are combined with three multiplications
    /// (the method of simdjson's `parse_eight_digits_unrolled`).
    @inline(__always)
    static func digitsValue(_ word: UInt64, count: Int) -> UInt64 {
        var v = (word ^ 0x3030_3030_3030_3030) &<< UInt64(64 - (count << 3))
        v = (v &* 10) &+ (v >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let pairs = (v & mask) &* (100 + (1_000_000 << 32))
        let quads = ((v >> 16) & mask) &* (1 + (10_000 << 32))
        return (pairs &+ quads) >> 32
    }
}
