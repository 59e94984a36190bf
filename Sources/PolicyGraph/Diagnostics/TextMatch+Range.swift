extension TextMatch {
    /// Where `query` is found in `text` when both are folded as ``fold(_:)`` folds them, as a
    /// range of `text`'s characters (offsets from its start); `nil` when it is not found. Lets a
    /// match found after folding (`export control` in `US-Export-Controls`, `ＵＳ` in `us`) be
    /// shown where it is in the text as written.
    ///
    /// - Complexity: O(length of `text` × length of `query`).
    package static func characterRange(of query: String, in text: String) -> Range<Int>? {
        let wanted = Array(fold(query).unicodeScalars)
        guard !wanted.isEmpty else { return nil }
        // The folded scalars of `text`, each with the offset of the character it came from;
        // `fold` applied one character at a time, separators kept as single spaces.
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        var pendingSpace = false
        for (offset, character) in text.enumerated() {
            let piece = fold(String(character))
            if piece.isEmpty {
                // A separator or white space: one space before the next folded character.
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(" ")
                origin.append(offset)
                pendingSpace = false
            }
            for scalar in piece.unicodeScalars {
                folded.append(scalar)
                origin.append(offset)
            }
        }
        guard wanted.count <= folded.count else { return nil }
        for start in 0...(folded.count - wanted.count) where folded[start..<(start + wanted.count)].elementsEqual(wanted) {
            let first = origin[start] + (folded[start] == " " ? 1 : 0)
            return first..<(origin[start + wanted.count - 1] + 1)
        }
        return nil
    }
}
