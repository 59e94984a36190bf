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
        var converted: [QueryValue] = []
        converted.reserveCapacity(values[i].count)
        for value in values[i] { converted.append(graph.publicValue(value)) }
        return converted
    }

    /// Every row converted at once: the public result.
    var result: QueryResult {
        // The graph unwrapped once: `row(_:)` per row would copy the optional graph (a retain
        // and a release of each of its buffers) for every row, the most of a short query's cost.
        guard let graph else { return QueryResult(columns: columns, rows: [], source: nil) }
        var rows: [[QueryValue]] = []
        rows.reserveCapacity(values.count)
        for row in values {
            var converted: [QueryValue] = []
            converted.reserveCapacity(row.count)
            for value in row { converted.append(graph.publicValue(value)) }
            rows.append(converted)
        }
        return QueryResult(columns: columns, rows: rows, source: graph)
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
