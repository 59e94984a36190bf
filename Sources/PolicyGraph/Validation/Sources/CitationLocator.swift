/// Where in a source a quote sits: a section (`lead`, `01`, `02.1`, `caption`, `refs`) and,
/// usually, a paragraph number within it, written `§01 ¶2` (`¶0` is the section's heading).
///
/// A locator without `¶` names the whole section.
package struct CitationLocator: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `lead`, `01`, `02.1`, `caption`, `refs`: the text after `§`.
    public let section: String
    /// The number after `¶`; `nil` for the whole section.
    public let paragraph: Int?

    /// A locator of a section and, unless `nil`, a paragraph.
    public init(section: String, paragraph: Int?) {
        self.section = section
        self.paragraph = paragraph
    }

    /// Reads `§SECTION ¶N` or `§SECTION`; `nil` when `text` is not a locator.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), parts[0].hasPrefix("§"), parts[0].count > 1 else { return nil }
        let section = String(parts[0].dropFirst())
        guard !section.contains("¶") else { return nil }
        var paragraph: Int?
        if parts.count == 2 {
            guard parts[1].hasPrefix("¶"), let n = Int(parts[1].dropFirst()), n >= 0 else { return nil }
            paragraph = n
        }
        self.init(section: section, paragraph: paragraph)
    }

    /// Whether a quote found at `other` (a paragraph) is where this locator points: the same
    /// section, and the same paragraph unless this locator names the whole section.
    public func covers(_ other: CitationLocator) -> Bool {
        section == other.section && (paragraph == nil || paragraph == other.paragraph)
    }

    /// `§01 ¶2`, or `§refs` for a whole section.
    public var description: String { paragraph.map { "§\(section) ¶\($0)" } ?? "§\(section)" }

    /// Sections by name, then paragraphs by number (a whole section first).
    public static func < (a: CitationLocator, b: CitationLocator) -> Bool {
        a.section != b.section ? a.section < b.section : (a.paragraph ?? -1) < (b.paragraph ?? -1)
    }
}
