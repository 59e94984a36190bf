/// Everything that kept a graph folder from loading: the files that could not be read and
/// every problem of meaning found in those that could, sorted by location.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [LoadError]
    /// Validation findings; those that are errors are why the load failed.
    public let issues: [ValidationIssue]

    public init(errors: [LoadError], issues: [ValidationIssue]) {
        self.errors = errors.sorted { Self.order($0.location, $1.location) }
        self.issues = issues.sorted { Self.order($0.location, $1.location) }
    }

    /// One line a problem, `file:line: error: message`, files in order, lines in order.
    public var lines: [String] {
        var all: [(SourceLocation, String)] = errors.map { ($0.location, $0.description) }
        all += issues.map { ($0.location, $0.description) }
        return all.enumerated().sorted {
            Self.order($0.element.0, $1.element.0) || ($0.element.0 == $1.element.0 && $0.offset < $1.offset)
        }.map(\.element.1)
    }

    /// Files in the order they are read (schema, nodes, edges), then by line and column.
    static func order(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        func rank(_ file: String) -> Int {
            if file.hasSuffix(GraphLoader.schemaFile) { return 0 }
            if file.hasSuffix(GraphLoader.nodesFile) { return 1 }
            if file.hasSuffix(GraphLoader.edgesFile) { return 2 }
            return 3
        }
        let (ra, rb) = (rank(a.file), rank(b.file))
        return ra != rb ? ra < rb : a < b
    }

    public var description: String { lines.joined(separator: "\n") }
}
