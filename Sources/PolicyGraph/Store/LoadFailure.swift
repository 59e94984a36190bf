/// Everything that kept a graph folder from loading: the files that could not be read and
/// every problem of meaning found in those that could, sorted by location.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [LoadError]
    /// Validation findings; those that are errors are why the load failed.
    public let issues: [ValidationIssue]

    public init(errors: [LoadError], issues: [ValidationIssue]) {
        self.errors = errors.sorted { $0.location < $1.location }
        self.issues = issues.sorted { $0.location < $1.location }
    }

    /// One line a problem, `file:line: error: message`, files in order, lines in order.
    public var lines: [String] {
        var all: [(SourceLocation, String)] = errors.map { ($0.location, $0.description) }
        all += issues.map { ($0.location, $0.description) }
        return all.sorted { $0.0 < $1.0 }.map(\.1)
    }

    public var description: String { lines.joined(separator: "\n") }
}
