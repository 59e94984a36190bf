/// A scan of one kind's nodes whose WHERE tests their text column against constants
/// (`MATCH (f:framework) WHERE f.label CONTAINS 'Trade'`): the test runs over the kind's cells
/// gathered in kind order (``KindOrderedText``), bytes read front to back, and only the nodes
/// it lets through are bound, so a scan costs the kind's bytes, not a frame, a tree walk and
/// two cache misses per node. The bound nodes still pass every condition of the step as usual,
/// so the result is the general path's.
struct TextScan {
    let column: Int
    let condition: TextCondition
    /// The step's predicate the test comes from (EXPLAIN names it).
    let predicate: Int

    /// For each step, the text test its scan can run first: a scan of a node slot without
    /// ids, with a condition that is a ``TextCondition`` on a plain column of that slot.
    static func forSteps(_ plan: MatchPlan, query: BoundQuery, graph: Graph) -> [TextScan?] {
        plan.steps.map { step in
            guard case .scanNodes(let v) = step.operation, query.nodes[v].rows == nil, query.nodes[v].kinds != nil else { return nil }
            for p in step.predicates {
                guard case .columnTest(true, v, let column, _, _) = query.predicates[p].expression,
                      graph.nodeTable.columns[column].isPlain,
                      let condition = TextCondition(query.predicates[p].expression, slot: v, column: column) else { continue }
                return TextScan(column: column, condition: condition, predicate: p)
            }
            return nil
        }
    }
}

extension PatternMatcher {
    /// Step `k`'s scan of node slot `v` over `kind`, the nodes that fail `scan` skipped. Every
    /// node of the kind counts as a step tried, as in the plain scan.
    mutating func scanText<S: MatchSink>(_ scan: TextScan, _ v: Int, kind: Int, _ k: Int, _ sink: inout S) throws(QueryError) {
        let view = graph.textViews.view(column: scan.column, kind: kind, in: graph)
        let passing = scan.condition.passingRows(view)
        for _ in 0..<(view.count - passing.count) { try tick() }
        for row in passing { try bindNode(v, row, k, &sink) }
    }
}
