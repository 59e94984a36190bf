/// A problem of meaning in one row: the CSV was read, but the row breaks the format or the
/// schema. Validation reports every issue of every row, not just the first.
public struct ValidationIssue: LocatedError, Hashable, Sendable {
    /// Whether the finding stops the graph from loading (`error`) or is only worth a look (`warning`).
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// What is wrong with the row, with the values the message quotes.
    public enum Reason: Hashable, Sendable {
        case emptyField
        case duplicateID(NodeID, firstLine: Int)
        case unknownKind(Kind, suggestions: [String])
        case unknownRelation(Relation, suggestions: [String])
        case unknownNode(NodeID, suggestions: [String])
        case forbiddenEndpoints(Relation, from: Kind, to: Kind, allowed: [Schema.Endpoints])
        case invalidWeight(String)
        case invalidDate(String)
        case emptyLabel
        /// An id holding a control character (a tab, a line break, ...): the byte's value.
        case controlCharacterInID(UInt8)
    }

    public let location: SourceLocation
    /// The column the problem is in (`to`, `kind`, ...).
    public let field: String
    public let reason: Reason

    public init(_ reason: Reason, field: String, at location: SourceLocation) {
        self.reason = reason
        self.field = field
        self.location = location
    }

    public var severity: Severity {
        switch reason {
        // A graph with these still loads: every output escapes any text (the adversarial
        // fixtures hold such ids on purpose), but a tab or line break in an id is most often
        // a paste mistake, worth a line in `validate`.
        case .emptyLabel, .controlCharacterInID: return .warning
        default: return .error
        }
    }

    public var isError: Bool { severity == .error }

    public var message: String {
        func didYouMean(_ suggestions: [String]) -> String { Suggestions.didYouMean(suggestions).map { " (\($0))" } ?? "" }
        switch reason {
        case .emptyField:
            return "column '\(field)': empty value; every row needs one"
        case .duplicateID(let id, let firstLine):
            return "column '\(field)': duplicate id '\(id)', first defined on line \(firstLine); ids must be unique"
        case .unknownKind(let kind, let suggestions):
            return "column '\(field)': unknown kind '\(kind)'\(didYouMean(suggestions)) (declare new kinds in schema.json)"
        case .unknownRelation(let relation, let suggestions):
            return "column '\(field)': unknown relation '\(relation)'\(didYouMean(suggestions)) (declare new relations in schema.json)"
        case .unknownNode(let id, let suggestions):
            return "column '\(field)': unknown node '\(id)'\(didYouMean(suggestions)); add it to nodes.csv or fix the id"
        case .forbiddenEndpoints(let relation, let from, let to, let allowed):
            let rules = allowed.map { "\($0.from.map(\.rawValue).joined(separator: "|")) -> \($0.to.map(\.rawValue).joined(separator: "|"))" }
            return "column '\(field)': '\(relation)' cannot join \(English.article(from.rawValue)) to \(English.article(to.rawValue)); the schema allows \(rules.joined(separator: "; "))"
        case .invalidWeight(let value):
            return "column '\(field)': weight '\(value)' is not a number; write a decimal such as 0.5 or leave it empty"
        case .invalidDate(let value):
            return "column '\(field)': '\(value)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD"
        case .emptyLabel:
            return "column '\(field)': empty label; diagrams and name lookups show the id instead"
        case .controlCharacterInID(let byte):
            let code = String(byte, radix: 16, uppercase: true)
            return "column '\(field)': the id contains a control character (U+\(String(repeating: "0", count: 4 - code.count))\(code)); ids are usually plain text on one line: remove it unless it is meant"
        }
    }

    public var locationDescription: String? { location.description }

    /// `error` or `warning`.
    public var severityLabel: String { severity.rawValue }
}
