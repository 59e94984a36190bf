/// Cypher functions the language leaves out on purpose, reported with what to write here
/// instead, so that a query carried over from Neo4j gets a fix rather than a list of names.
enum CypherOnlyFunction {
    /// The error for a call of such a function, or nil when `name` is not one.
    static func error(_ name: PatternName, _ arguments: [PatternExpression]) -> QueryError? {
        guard name.text.utf8.count == 2, name.text.lowercased() == "id" else { return nil }
        var variable = "n"
        if arguments.count == 1, case .variable(let v) = arguments[0].form { variable = v }
        return QueryError(.syntax("unknown function '\(name.text)': Cypher's id(\(variable)) is not supported; here \(variable).id is the id"), at: name.location)
    }
}
