/// Close matches for a misspelt name, and the one way messages offer them: `did you mean 'a' or 'b'?`.
package enum Suggestions {
    /// The longest word suggestions are looked for: the edit distance is quadratic in it.
    package static let maxWordLength = 64

    /// The candidates within a small edit distance of `word` (case-insensitive), closest first,
    /// at most `limit`; ties sorted by name so that messages are deterministic.
    package static func closest(to word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let w = Array(word.lowercased())
        // The distance is quadratic in the length: no suggestions for a word no one mistyped
        // (a 30,000-character id took seconds per candidate; found by the CSV fuzzer).
        guard !w.isEmpty, w.count <= maxWordLength else { return [] }
        let threshold = max(1, min(3, w.count / 3))
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            if abs(c.count - w.count) > threshold { continue }
            let d = distance(w, c, cap: threshold)
            if d <= threshold { scored.append((d, candidate)) }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    /// `did you mean 'a' or 'b'?` for the close names, or `nil` when there are none; the caller
    /// puts it after its own punctuation.
    package static func didYouMean(_ names: [some CustomStringConvertible]) -> String? {
        guard !names.isEmpty else { return nil }
        return "did you mean " + names.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// `; did you mean 'a'?` after a message, or nothing when no name is close.
    package static func hint(_ names: [some CustomStringConvertible]) -> String {
        didYouMean(names).map { "; " + $0 } ?? ""
    }

    /// Levenshtein distance with transpositions counted as one edit, stopping past `cap`.
    package static func distance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > cap { return rowMin }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
