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
struct CSVLabelTable {
    /// The distinct labels' bytes, in order of first appearance.
    private(set) var labels: [[UInt8]] = []
    /// Per label: its packed word when it has one to eight bytes, else 0.
    private var words: [UInt64] = []
    /// Hash of each label, parallel to `labels`.
    private var hashes: [UInt64] = []
    /// Open-addressing slots holding label indices, -1 when empty; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    /// The index returned last, tried first.
    private var last: Int32 = -1

    /// The index of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if bytes.count >= 1 && bytes.count <= 8 { return intern(short: bytes) }
        if last >= 0 && words[Int(last)] == 0 && Self.equal(labels[Int(last)], bytes) { return last }
        let hash = Self.fnv1a(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if words[index] == 0 && hashes[index] == hash && Self.equal(labels[index], bytes) {
                last = Int32(index)
                return last
            }
            slot = (slot + 1) & mask
        }
        return add(bytes, word: 0, hash: hash, slot: slot)
    }

    /// `intern` for a label of one to eight bytes.
    private mutating func intern(short bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var word: UInt64 = 0
        for (i, byte) in bytes.enumerated() { word |= UInt64(byte) << UInt64(8 * i) }
        if last >= 0 && words[Int(last)] == word { return last }
        let hash = Self.mix(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if words[index] == word {
                last = Int32(index)
                return last
            }
            slot = (slot + 1) & mask
        }
        return add(bytes, word: word, hash: hash, slot: slot)
    }

    /// Adds a new label in the free `slot`.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, word: UInt64, hash: UInt64, slot: Int) -> Int32 {
        let index = Int32(labels.count)
        labels.append(Array(bytes))
        words.append(word)
        hashes.append(hash)
        slots[slot] = index
        if labels.count * 2 > slots.count { grow() }
        last = index
        return index
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
