/// A problem that keeps a JSON interchange document from being imported, at the line and
/// column of the value it concerns.
package struct ImportError: LocatedError, Hashable, Sendable {
    /// Why the document cannot be imported, with the values the message quotes.
    public enum Reason: Hashable, Sendable {
        /// The text is not JSON (or is cut short): the parser's message.
        case syntax(String)
        /// The text is JSON but not a PolicyGraph document of this version: what is wrong where.
        case shape(String)
        /// The schema part cannot be written as a `schema.json` over the built-in schema.
        case schema(String)
        /// A row whose cell count differs from its table's columns.
        case cellCount(table: String, row: Int, expected: Int, found: Int)
        /// A table header the CSV format cannot hold (missing required columns, a duplicate).
        case header(table: String, message: String)
    }

    public let location: SourceLocation
    public let reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    public var message: String {
        switch reason {
        case .syntax(let message): return "invalid JSON: \(message); nothing was written"
        case .shape(let message): return message
        case .schema(let message): return "schema: \(message)"
        case .cellCount(let table, let row, let expected, let found):
            return "\(table) row \(row): expected \(expected) cells as in \(table).columns, found \(found)"
        case .header(let table, let message): return "\(table).columns: \(message)"
        }
    }

    public var locationDescription: String? { location.description }
}

/// Everything that kept a document from importing: its errors of form and the validation
/// issues of the graph it holds (located at the rows of the document), sorted by location.
package struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [ImportError]
    public let issues: [ValidationIssue]

    public init(errors: [ImportError], issues: [ValidationIssue] = []) {
        self.errors = errors.sorted { $0.location < $1.location }
        self.issues = issues.sorted { $0.location < $1.location }
    }

    /// How many of the problems are errors.
    public var errorCount: Int { errors.count + issues.filter(\.isError).count }

    /// One line a problem, `file:line:column: error: message`, in order.
    public var lines: [String] {
        var all: [(SourceLocation, String)] = errors.map { ($0.location, $0.description) }
        all += issues.map { ($0.location, $0.description) }
        return all.sorted { $0.0 < $1.0 }.map(\.1)
    }

    public var description: String { lines.joined(separator: "\n") }
}
