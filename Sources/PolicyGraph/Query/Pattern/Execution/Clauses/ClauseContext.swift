/// The variables of one row of the clause pipeline, by name.
typealias ClauseRow = [String: PatternValue]

/// What evaluation in the clause pipeline reads and counts: the graph, the parameters, the
/// budgets, and (while a WITH or RETURN projects) the finished aggregates and projected columns.
struct ClauseContext {
    let graph: Graph
    let parameters: [String: PatternValue]
    let limits: QueryLimits
    /// Steps of matching so far, against ``QueryLimits/maxSteps``.
    var steps = 0
    /// Pattern predicates and `EXISTS` answered by ``EdgeTest``, and by the search: what the
    /// run did, for the tests that compare it with EXPLAIN.
    var edgeTests = 0
    var patternSearches = 0
    /// The paths of the clauses searched so far, resolved (by ``ResolvedPath/key(of:)``): a
    /// clause searched for each input row is resolved once.
    var resolvedPaths: [Int: [ResolvedPath]] = [:]
    /// The edge tests recognised so far, by where their pattern starts in the query (see
    /// ``EdgeTest/key(of:)``): each is recognised once, and reused for a row that binds the
    /// names it read as bound.
    var recognizedEdgeTests: [Int: EdgeTest] = [:]
    /// Aggregate values of the group being projected, by the aggregate's canonical text.
    var aggregates: [String: PatternValue] = [:]
    /// Values already projected, by the canonical text of their expression (ORDER BY reads them).
    var projected: [String: PatternValue] = [:]

    /// Counts one step of matching.
    /// - Throws: ``QueryError/Reason/workLimit(steps:)`` past the budget.
    mutating func step() throws(QueryError) {
        try step(1)
    }

    /// Counts `count` steps of matching at once.
    /// - Throws: ``QueryError/Reason/workLimit(steps:)`` past the budget.
    mutating func step(_ count: Int) throws(QueryError) {
        steps += count
        if steps > limits.stepCap { throw QueryError(.workLimit(steps: limits.maxSteps ?? steps)) }
    }

    /// Checks a stream's size against the row budget.
    /// - Throws: ``QueryError/Reason/rowLimit(rows:)`` past it.
    func checkRows(_ count: Int) throws(QueryError) {
        if let max = limits.maxRows, count > max { throw QueryError(.rowLimit(rows: max)) }
    }
}
