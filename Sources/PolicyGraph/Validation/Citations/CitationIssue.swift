/// A citation or statement cell that does not check out: the row, the column and why.
package struct CitationIssue: Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, with the values that make the message.
    public enum Reason: Hashable, Sendable {
        /// The `source` cell names no row of `sources.csv`.
        case unknownSource(String, suggestions: [String])
        /// The `source` cell is empty and the graph has several sources.
        case missingSource(count: Int)
        /// The source names a text file that is not there.
        case missingText(source: String, path: String)
        /// The cell is not `§SECTION ¶N: quote`.
        case malformedCite(String)
        /// The quote occurs nowhere in the source's text.
        case quoteNotFound(quote: String, source: String)
        /// The quote occurs in the source, but not where the locator points; `found` lists where.
        case wrongLocator(CitationLocator, found: [CitationLocator])
        /// The `evidence` cell is none of `stated`, `reported`, `inferred`.
        case unknownEvidence(String, suggestions: [String])
        /// The `by` cell is neither a node id nor `authors`.
        case unknownSpeaker(String, suggestions: [String])
    }

    /// The row: `edges.csv` or `nodes.csv` and its line.
    public let location: SourceLocation
    /// The column the problem is in (`cite`, `source`, `by`, `evidence`).
    public let field: String
    /// Why the cell does not check out.
    public let reason: Reason

    /// An issue of `reason` in column `field` of the row at `location`.
    public init(_ reason: Reason, field: String, at location: SourceLocation) {
        self.reason = reason
        self.field = field
        self.location = location
    }

    /// The locator that would make the cite right: the one place the quote occurs, when the
    /// locator is wrong and the quote occurs exactly once in the source.
    public var suggestedLocator: CitationLocator? {
        if case .wrongLocator(_, let found) = reason, found.count == 1 { return found[0] }
        return nil
    }

    /// The message without the location: the column, the value, what would fix it.
    public var message: String {
        func didYouMean(_ suggestions: [String]) -> String {
            guard !suggestions.isEmpty else { return "" }
            return " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
        }
        switch reason {
        case .unknownSource(let id, let suggestions):
            return "column '\(field)': unknown source '\(id)'\(didYouMean(suggestions)); add it to sources.csv or fix the id"
        case .missingSource(let count):
            return "column '\(field)': empty, and the graph has \(count) sources; name the one the fact is read from"
        case .missingText(let source, let path):
            return "column '\(field)': the text of source '\(source)' is not at '\(path)'"
        case .malformedCite(let cell):
            return "column '\(field)': '\(cell)' is not a citation; write '§SECTION ¶N: quoted words'"
        case .quoteNotFound(let quote, let source):
            return "column '\(field)': the quote '\(quote)' does not occur in source '\(source)'; quote the text verbatim"
        case .wrongLocator(let given, let found):
            if found.count == 1 {
                return "column '\(field)': the quote is not in \(given) but in \(found[0]); write '\(found[0])'"
            }
            return "column '\(field)': the quote is not in \(given) but in " + found.map(\.description).joined(separator: ", ")
                + "; name one of them"
        case .unknownEvidence(let value, let suggestions):
            return "column '\(field)': unknown evidence '\(value)'\(didYouMean(suggestions)); write stated, reported or inferred"
        case .unknownSpeaker(let value, let suggestions):
            return "column '\(field)': '\(value)' is neither a node id nor '\(Column.authorsValue)'\(didYouMean(suggestions))"
        }
    }

    /// `file:line: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
