/// "Did you mean …?" for misspelt keys and words.
enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo:
    /// at most a third of the word's length in edits (and at least one).
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        // Sorted, so that a tie always gives the same answer whatever the order of a set.
        let limit = max(1, word.count / 3)
        var best: (candidate: String, distance: Int)?
        let length = word.count
        for candidate in candidates.sorted() {
            // The distance is at least the difference in length: a long word is no typo.
            guard abs(candidate.count - length) <= limit else { continue }
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The Levenshtein distance, counting an adjacent swap as one edit.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousRow = [Int](), row = Array(0...b.count)
        for i in 1...a.count {
            let beforePrevious = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
        }
        return row[b.count]
    }
}
