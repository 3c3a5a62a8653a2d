/// Interns the values of one dimension column: each distinct label is stored once and rows
/// hold its index.
///
/// Rows usually repeat the previous label or one of a handful, so the lookup first compares
/// with the last label, then probes a small open-addressing table; bytes are copied only for
/// a label never seen before. (A `Dictionary` keyed by `[UInt8]` would allocate a key per
/// row; SipHash through `Hasher` measured at a third of the reader's time on a 50-store file.)
///
/// Labels of at most eight bytes (store and channel codes mostly are) are packed into one
/// word, first byte lowest, which is both their key and what they are compared by: the
/// zero padding is unambiguous, since a data file holds no NUL byte and a label is never
/// empty. Longer labels are keyed by an FNV-1a hash of their bytes and compared byte by byte.
///
/// Exports list the same labels in the same order period after period, so the table also
/// remembers which label followed each one last time: the plain-row path compares a cell
/// with that `expected` label first, and on a match takes its length and index from it
/// without looking for the cell's end.
struct CSVLabelTable {
    /// The distinct labels' bytes, in order of first appearance.
    private(set) var labels: [[UInt8]] = []
    /// Per label: its packed word when it has one to eight bytes, else 0.
    private var words: [UInt64] = []
    /// Hash of each label, parallel to `labels`.
    private var hashes: [UInt64] = []
    /// Per label: the label read right after it the last time, -1 when none yet.
    private var following: [Int32] = []
    /// Open-addressing slots holding label indices, -1 when empty; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    /// The index returned last, tried first.
    private var last: Int32 = -1

    /// A short label that may come next, as `expected` gives it.
    struct Expected {
        var index: Int32
        /// Its bytes packed as in `intern(word:bytes:)`.
        var word: UInt64
        /// Its length in bytes, 1...8.
        var length: Int
    }

    /// The label that followed the last one returned, the last time that one was read, when
    /// it is a short label.
    var expected: Expected? {
        guard last >= 0 else { return nil }
        let index = following[Int(last)]
        guard index >= 0 else { return nil }
        let word = words[Int(index)]
        guard word != 0 else { return nil }
        // The highest non-zero byte is the last one (labels hold no NUL byte).
        return Expected(index: index, word: word, length: (71 - word.leadingZeroBitCount) >> 3)
    }

    /// Records that the cell just read holds the `expected` label.
    mutating func take(_ expected: Expected) {
        last = expected.index
    }

    /// The index of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if bytes.count >= 1 && bytes.count <= 8 { return intern(short: bytes) }
        if last >= 0 && words[Int(last)] == 0 && Self.equal(labels[Int(last)], bytes) { return found(last) }
        let hash = Self.fnv1a(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if words[index] == 0 && hashes[index] == hash && Self.equal(labels[index], bytes) {
                return found(Int32(index))
            }
            slot = (slot + 1) & mask
        }
        return add(bytes, word: 0, hash: hash, slot: slot)
    }

    /// `intern` for a label of one to eight bytes.
    private mutating func intern(short bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var word: UInt64 = 0
        for (i, byte) in bytes.enumerated() { word |= UInt64(byte) << UInt64(8 * i) }
        return intern(word: word, bytes: bytes)
    }

    /// `intern` for a label of one to eight `bytes` already packed into `word` (first byte
    /// lowest, the rest zero), as the plain-row path reads them.
    mutating func intern(word: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if last >= 0 && words[Int(last)] == word { return found(last) }
        let hash = Self.mix(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if words[index] == word { return found(Int32(index)) }
            slot = (slot + 1) & mask
        }
        return add(bytes, word: word, hash: hash, slot: slot)
    }

    /// Returns `index`, noting it as the label that followed the last one.
    private mutating func found(_ index: Int32) -> Int32 {
        if last >= 0 { following[Int(last)] = index }
        last = index
        return index
    }

    /// Adds a new label in the free `slot`.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, word: UInt64, hash: UInt64, slot: Int) -> Int32 {
        let index = Int32(labels.count)
        labels.append(Array(bytes))
        words.append(word)
        hashes.append(hash)
        following.append(-1)
        slots[slot] = index
        if labels.count * 2 > slots.count { grow() }
        return found(index)
    }

    /// The labels as strings.
    var strings: [String] { labels.map { String(decoding: $0, as: UTF8.self) } }

    /// Doubles the slot table and re-inserts every label.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A short label's hash: its word multiplied by a large odd constant (Fibonacci hashing),
    /// the high bits folded down since the table indexes with the low ones.
    private static func mix(_ word: UInt64) -> UInt64 {
        let product = word &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // Fold the high bits down: the table indexes with the low ones.
        return hash ^ (hash >> 29)
    }

    private static func equal(_ label: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard label.count == bytes.count else { return false }
        return label.withUnsafeBufferPointer { stored in
            for i in 0..<stored.count where stored[i] != bytes[i] { return false }
            return true
        }
    }
}
