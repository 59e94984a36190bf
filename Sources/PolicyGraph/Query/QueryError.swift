/// A question the graph cannot answer as asked: an unknown or ambiguous node, an unknown kind or
/// relation, a malformed pattern. Rendered with what is close, so that the user can fix it.
public struct QueryError: LocatedError, Hashable, Sendable {
    /// Why the question cannot be answered, with the values the message quotes.
    public enum Reason: Hashable, Sendable {
        /// Nothing matches the reference; `suggestions` are close ids or labels.
        case unknownNode(String, suggestions: [NodeID])
        /// More than one node has this label.
        case ambiguousNode(String, candidates: [NodeID])
        case unknownKind(String, suggestions: [String])
        case unknownRelation(String, suggestions: [String])
        /// No property of that name; `existing` (sorted) is what elements like `element` have,
        /// listed when no name is close.
        case unknownProperty(String, suggestions: [String], element: Element? = nil, existing: [String] = [])
        /// A property only the other element has: `n.date` on a node, when edges have `date`.
        case propertyOfOtherElement(String, read: Element)
        /// A syntax or meaning problem in a pattern query.
        case syntax(String)
        case invalidArgument(String)
        /// A pattern query did more than ``QueryLimits/maxSteps`` steps of matching.
        case workLimit(steps: Int)
        /// A view asked for a path that does not exist (along the edges' direction when `directed`).
        case noPath(from: NodeID, to: NodeID, directed: Bool)
        /// A query's rows (its result, or the rows between two clauses) passed
        /// ``QueryLimits/maxRows``.
        case rowLimit(rows: Int)
    }

    /// What a property is read on: a node or an edge (a relationship).
    public enum Element: String, Hashable, Sendable {
        case node, edge

        /// `nodes`, `edges`: as messages name them.
        public var plural: String { rawValue + "s" }
    }

    public let reason: Reason
    /// Where in the query text the problem is, when it comes from one.
    public let location: QueryLocation?
    /// Set only on ``enoughRows``, the signal a row sink throws to end matching early.
    let isEnoughRows: Bool

    public init(_ reason: Reason, at location: QueryLocation? = nil) {
        self.reason = reason
        self.location = location
        isEnoughRows = false
    }

    private init(enoughRows reason: Reason) {
        self.reason = reason
        location = nil
        isEnoughRows = true
    }

    /// Thrown by a sink that has every row a LIMIT asks for, to stop the matcher; the engine
    /// catches it, so that it never reaches a caller.
    static let enoughRows = QueryError(enoughRows: .syntax("enough rows"))

    public var message: String {
        func list<T: CustomStringConvertible>(_ items: [T]) -> String { items.map { "'\($0)'" }.joined(separator: ", ") }
        switch reason {
        case .unknownNode(let reference, let suggestions):
            return "unknown node '\(reference)'" + (suggestions.isEmpty ? "; no id or label is close" : Suggestions.hint(suggestions))
        case .ambiguousNode(let reference, let candidates):
            return "'\(reference)' names \(candidates.count) nodes (\(list(candidates))); use an id"
        case .unknownKind(let kind, let suggestions):
            return "unknown kind '\(kind)'" + Suggestions.hint(suggestions)
        case .unknownRelation(let relation, let suggestions):
            return "unknown relation '\(relation)'" + Suggestions.hint(suggestions)
        case .unknownProperty(let property, let suggestions, let element, let existing):
            if suggestions.isEmpty, let element, !existing.isEmpty {
                return "unknown property '\(property)'; \(element.plural) have: " + existing.joined(separator: ", ")
            }
            return "unknown property '\(property)'" + Suggestions.hint(suggestions)
        case .propertyOfOtherElement(let property, let element):
            let other: Element = element == .node ? .edge : .node
            return "'\(property)' is a property of \(other.plural), not of \(element.plural)"
        case .syntax(let message), .invalidArgument(let message):
            return message
        case .noPath(let from, let to, let directed):
            return "no path from '\(from)' to '\(to)'\(directed ? " along the edges' direction" : ""); nothing to draw"
        case .rowLimit(let rows):
            return "query stopped at more than \(Self.grouped(rows)) rows; add LIMIT, aggregate (count(*)), or raise the row limit"
        case .workLimit(let steps):
            return "query stopped after \(Self.grouped(steps)) steps of matching; narrow the pattern (a kind, a relation, "
                + "an upper bound on *) or raise the limit"
        }
    }

    /// `100000000` as `100,000,000`, the same in every locale.
    private static func grouped(_ n: Int) -> String {
        var digits = Array(String(n.magnitude))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return (n < 0 ? "-" : "") + String(digits)
    }

    /// `query:line:column`, or `nil` for an error about no place in the query text.
    public var locationDescription: String? { location?.description }
}

/// A place in a query text: 1-based line and column, with the line's text for a caret display.
public struct QueryLocation: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let lineText: String

    public init(line: Int, column: Int, lineText: String) {
        self.line = line
        self.column = column
        self.lineText = lineText
    }

    public var description: String { "query:\(line):\(column)" }
}
