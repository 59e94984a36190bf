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
    /// Aggregate values of the group being projected, by the aggregate's canonical text.
    var aggregates: [String: PatternValue] = [:]
    /// Values already projected, by the canonical text of their expression (ORDER BY reads them).
    var projected: [String: PatternValue] = [:]

    /// Counts one step of matching.
    /// - Throws: ``QueryError/Reason/workLimit(steps:)`` past the budget.
    mutating func step() throws(QueryError) {
        steps += 1
        if steps > limits.stepCap { throw QueryError(.workLimit(steps: limits.maxSteps ?? steps)) }
    }

    /// Checks a stream's size against the row budget.
    /// - Throws: ``QueryError/Reason/rowLimit(rows:)`` past it.
    func checkRows(_ count: Int) throws(QueryError) {
        if let max = limits.maxRows, count > max { throw QueryError(.rowLimit(rows: max)) }
    }
}
