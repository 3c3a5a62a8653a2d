/// Finds the known column name nearest to a misspelt one, for "did you mean" hints.
enum CSVNameSuggestion {
    /// The candidate closest to `name` by edit distance, when close enough to be a plausible
    /// typo: at most max(2, length / 3) edits. Ties go to the alphabetically first name.
    static func nearest(to name: String, in candidates: Set<String>) -> String? {
        let limit = max(2, name.unicodeScalars.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates.sorted() {
            let distance = editDistance(name, candidate)
            if distance <= limit && distance < (best?.distance ?? Int.max) {
                best = (distance, candidate)
            }
        }
        return best?.name
    }

    /// Levenshtein distance over Unicode scalars (insertions, deletions, substitutions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
