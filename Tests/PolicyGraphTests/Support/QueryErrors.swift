import Testing
@testable import PolicyGraph

/// The error `query` raises on `graph`; a query that raises none is recorded as a test issue
/// (named by `shown`, e.g. with its invisible characters spelt out) and gives a placeholder.
func queryError(_ query: String, on graph: Graph?, shown: (String) -> String = { $0 }) throws -> QueryError {
    let graph = try #require(graph)
    do {
        _ = try graph.query(query)
    } catch {
        return error
    }
    Issue.record("no error for \(shown(query))")
    return QueryError(.syntax("none"))
}
