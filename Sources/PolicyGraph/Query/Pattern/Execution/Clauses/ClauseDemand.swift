/// How many rows each clause of a pipeline must produce for the query's answer: LIMIT without
/// ORDER BY needs only the first SKIP + LIMIT rows of the clause before it, so that clause (a
/// MATCH, an UNWIND) stops once it has made them, instead of making all and dropping the rest.
///
/// The demand passes back through projections that keep one row per row (no aggregate, no
/// DISTINCT, no ORDER BY, no WHERE) and stops at the first clause that can make several rows of
/// one or drop some (MATCH, UNWIND): how many of its input rows that needs is not known before.
enum ClauseDemand {
    /// For each clause, the rows of its output the later clauses read; `nil` for all of them.
    /// - Throws: ``QueryError`` for a SKIP or LIMIT that is not a whole number of at least 0.
    static func demands(_ sequence: ClauseSequence, _ context: inout ClauseContext) throws(QueryError) -> [Int?] {
        var demands = [Int?](repeating: nil, count: sequence.clauses.count)
        var need: Int?
        for index in sequence.clauses.indices.reversed() {
            demands[index] = need
            switch sequence.clauses[index] {
            case .match, .unwind:
                need = nil
            case .with(let projection), .return(let projection):
                need = try inputDemand(projection, output: need, &context)
            }
        }
        return demands
    }

    /// The input rows a projection reads to make `output` rows (all of them when `nil`).
    private static func inputDemand(_ projection: Projection, output: Int?, _ context: inout ClauseContext) throws(QueryError) -> Int? {
        guard !projection.distinct, projection.order.isEmpty, projection.predicate == nil else { return nil }
        var calls: [(String, PatternExpression)] = []
        for item in projection.items { try ClauseContext.collectAggregates(item.expression, into: &calls, inside: false) }
        guard calls.isEmpty else { return nil }
        let skip = try context.count(projection.skip, "SKIP") ?? 0
        let limit = try context.count(projection.limit, "LIMIT")
        guard let taken = [limit, output].compactMap({ $0 }).min() else { return nil }
        let (sum, overflow) = skip.addingReportingOverflow(taken)
        return overflow ? nil : sum
    }
}
