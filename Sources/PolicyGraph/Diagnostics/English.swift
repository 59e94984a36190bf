/// Counts and articles for messages, so that they read `1 node`, `2 nodes`, `an agency`.
package enum English {
    /// `1 node`, `2 nodes`; `plural` for words that do not take an `s`.
    package static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// `a country`, `an agency`: by the first letter, which fits the kind names of the schema.
    package static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return word }
        return ("aeiou".contains(first) ? "an " : "a ") + word
    }
}
