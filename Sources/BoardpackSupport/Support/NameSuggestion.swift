/// "Did you mean …?" suggestions by edit distance.
package enum NameSuggestion {
    /// The candidate nearest to `name` (Levenshtein distance at most a third of its length,
    /// at least 2), ties broken alphabetically; `nil` when none is close.
    package static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        let a = Array(name.unicodeScalars)
        let limit = max(2, a.count / 3)
        var best: (Int, String)?
        for c in candidates {
            let d = distance(a, Array(c.unicodeScalars))
            guard d <= limit else { continue }
            if best == nil || d < best!.0 || (d == best!.0 && c < best!.1) { best = (d, c) }
        }
        return best?.1
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = old
            }
        }
        return row[b.count]
    }
}
