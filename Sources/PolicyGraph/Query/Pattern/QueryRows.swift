/// A query's rows in their final order, kept in the engine's compact form: a row becomes
/// ``QueryValue``s (ids, edges) only when it is read, so that a command writes a large result
/// one row at a time instead of building it whole, first as values and then as text.
package struct QueryRows: Sendable {
    /// The RETURN items' names, as ``QueryResult/columns``.
    package let columns: [String]
    let values: [[PatternValue]]
    /// Where nodes and edges are looked up; `nil` only when there are no rows.
    let graph: Graph?
    /// Parts of the query that cannot match anything in this graph (a name written in the wrong
    /// case, say), found before it ran: reasons an empty answer may not be the true one.
    package let warnings: [QueryWarning]

    init(columns: [String], values: [[PatternValue]], graph: Graph?, warnings: [QueryWarning] = []) {
        self.columns = columns
        self.values = values
        self.graph = graph
        self.warnings = warnings
    }

    package var count: Int { values.count }

    /// Row `i` as public values.
    package func row(_ i: Int) -> [QueryValue] {
        guard let graph else { return [] }
        return values[i].map(graph.publicValue)
    }

    /// Every row converted at once: the public result.
    var result: QueryResult {
        QueryResult(columns: columns, rows: values.indices.map(row), source: graph)
    }
}

extension Graph {
    /// Runs a query as ``query(_:parameters:limits:)`` does and returns its rows unconverted,
    /// with the warnings about parts that cannot match.
    /// - Throws: ``QueryError`` as ``query(_:parameters:limits:)`` does.
    package func queryRows(_ text: String, parameters: [String: QueryValue] = [:], limits: QueryLimits = .default) throws(QueryError) -> QueryRows {
        try queryRows(text, options: PatternOptions(), limits: limits, parameters: parameters)
    }
}
