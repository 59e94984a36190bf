/// A `cite` cell read as a locator and a quote: `§01 ¶2: 双方均认识到`.
package struct Citation: Hashable, Sendable {
    /// Where the quote is said to be.
    package let locator: CitationLocator
    /// The quoted words, as written after the `: `.
    package let quote: String
    /// The locator as written in the cell (what `--fix` replaces).
    let locatorText: String

    /// Reads a cite cell; `nil` when it does not start with a locator followed by `:` and a quote.
    package init?(_ cell: String) {
        guard let colon = cell.firstIndex(of: ":") else { return nil }
        let head = String(cell[..<colon])
        let quote = cell[cell.index(after: colon)...].drop { $0 == " " }
        guard let locator = CitationLocator(head), !quote.isEmpty else { return nil }
        self.locator = locator
        self.quote = String(quote)
        self.locatorText = head
    }
}
