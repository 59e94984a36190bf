/// Text compared the way people type it: case, full-width/half-width forms and the separators of
/// ids do not matter, so `US`, `ｕｓ` and `us` are the same word and `export control` finds
/// `us-chip-export-controls`.
package enum TextMatch {
    /// `text` folded for comparison: full-width ASCII forms (U+FF01–U+FF5E) and the ideographic
    /// space as their ASCII counterparts (the width part of NFKC), lower case, `-` and `_` as
    /// spaces, runs of white space as one space, no space at either end. CJK text is otherwise
    /// kept as it is, so a substring of a Chinese label matches.
    package static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            var s = scalar
            if (0xFF01...0xFF5E).contains(s.value), let ascii = Unicode.Scalar(s.value - 0xFEE0) {
                // A full-width letter is lowered only now, after it became ASCII.
                s = Unicode.Scalar(UInt8(ascii.value)).properties.lowercaseMapping.unicodeScalars.first ?? ascii
            } else if s.value == 0x3000 {
                s = " "
            }
            if s == "-" || s == "_" || s.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(s)
        }
        return String(scalars)
    }

    /// How `text` matches `query`, both already folded: `nil` when it does not contain it.
    package static func match(_ text: String, query: String) -> TextMatchKind? {
        guard !query.isEmpty else { return nil }
        if text == query { return .exact }
        if text.hasPrefix(query) { return .prefix }
        return text.contains(query) ? .substring : nil
    }
}

/// How a text matches a query, best first.
package enum TextMatchKind: Int, Sendable, Comparable, CaseIterable {
    case exact
    case prefix
    case substring

    package static func < (lhs: TextMatchKind, rhs: TextMatchKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
