/// Interns the values of one dimension column: each distinct label is stored once and rows
/// hold its index.
///
/// Rows usually repeat the previous label or one of a handful, so the lookup first compares
/// with the last label, then hashes the bytes in place; bytes are copied only for a label
/// never seen before.
struct CSVLabelTable {
    /// The distinct labels' bytes, in order of first appearance.
    private(set) var labels: [[UInt8]] = []
    /// Label indices by hash of their bytes (a list, for the rare collision).
    private var buckets: [Int: [Int32]] = [:]
    /// The index returned last, tried first.
    private var last: Int32 = -1

    /// The index of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if last >= 0 && Self.equal(labels[Int(last)], bytes) { return last }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let candidates = buckets[hash] {
            for index in candidates where Self.equal(labels[Int(index)], bytes) {
                last = index
                return index
            }
        }
        let index = Int32(labels.count)
        labels.append(Array(bytes))
        buckets[hash, default: []].append(index)
        last = index
        return index
    }

    /// The labels as strings.
    var strings: [String] { labels.map { String(decoding: $0, as: UTF8.self) } }

    private static func equal(_ label: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard label.count == bytes.count else { return false }
        return label.withUnsafeBufferPointer { stored in
            for i in 0..<stored.count where stored[i] != bytes[i] { return false }
            return true
        }
    }
}
