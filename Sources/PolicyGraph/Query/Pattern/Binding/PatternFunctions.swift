/// The scalar functions of the language: the Cypher functions that make sense over a policy graph.
/// (`id(n)` is deliberately absent: a node's `id` property is its id.)
enum ScalarFunction: String, Sendable, CaseIterable {
    case type, labels, size, startNode, endNode, coalesce, toLower, toUpper, toString, toInteger, toFloat, head, last

    /// The function called `name`, case-insensitively.
    static func named(_ name: String) -> ScalarFunction? {
        allCases.first { $0.rawValue.lowercased() == name.lowercased() }
    }

    /// How many arguments it takes.
    var arity: ClosedRange<Int> { self == .coalesce ? 1...Int.max : 1...1 }

    /// What the argument should be, for messages.
    var argumentDescription: String {
        switch self {
        case .type, .startNode, .endNode: return "a relationship"
        case .labels: return "a node"
        case .size: return "a list or a string"
        case .head, .last: return "a list"
        case .toLower, .toUpper: return "a string"
        default: return "a value"
        }
    }

    /// Applies the function to evaluated arguments; null in, null out (except `coalesce`).
    ///
    /// - Throws: ``QueryError`` when an argument has the wrong type.
    func apply(_ arguments: [PatternValue], graph: Graph, at location: QueryLocation) throws(QueryError) -> PatternValue {
        if self == .coalesce { return arguments.first { !$0.isNull } ?? .null }
        let a = arguments.first ?? .null
        if a.isNull { return .null }
        func wrong() -> QueryError {
            QueryError(.invalidArgument("\(rawValue)() needs \(argumentDescription)"), at: location)
        }
        switch (self, a) {
        case (.type, .edge(let e)): return .string(graph.relation(ofEdge: e).rawValue)
        case (.startNode, .edge(let e)): return .node(graph.source(ofEdge: e))
        case (.endNode, .edge(let e)): return .node(graph.target(ofEdge: e))
        case (.labels, .node(let n)): return .list([.string(graph.kind(at: n).rawValue)])
        case (.size, .list(let items)): return .int(items.count)
        case (.size, .string(let s)): return .int(CodePoints.count(s))
        case (.head, .list(let items)): return items.first ?? .null
        case (.last, .list(let items)): return items.last ?? .null
        case (.toLower, .string(let s)): return .string(s.lowercased())
        case (.toUpper, .string(let s)): return .string(s.uppercased())
        case (.toString, .string): return a
        case (.toString, .int), (.toString, .double): return .string(PatternArithmetic.text(a))
        case (.toString, .bool(let b)): return .string(b ? "true" : "false")
        case (.toInteger, .int): return a
        case (.toInteger, .double(let d)):
            guard d.isFinite, abs(d) < 9.2e18 else { return .null }
            return .int(Int(d))
        case (.toInteger, .string(let s)):
            if let n = Int(s.trimmingSpaces) { return .int(n) }
            if let d = Double(s.trimmingSpaces), d.isFinite, abs(d) < 9.2e18 { return .int(Int(d)) }
            return .null
        case (.toFloat, .int(let n)): return .double(Double(n))
        case (.toFloat, .double): return a
        case (.toFloat, .string(let s)): return Double(s.trimmingSpaces).map { .double($0) } ?? .null
        default: throw wrong()
        }
    }
}

/// The aggregating functions: they fold the rows of a group into one value.
enum AggregateFunction: String, Sendable, CaseIterable {
    case count, collect, sum, avg, min, max

    static func named(_ name: String) -> AggregateFunction? {
        allCases.first { $0.rawValue == name.lowercased() }
    }
}

extension String {
    /// Without whitespace code points at either end.
    var trimmingSpaces: String { CodePoints.trimming(self) }
}
