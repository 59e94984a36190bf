/// A leaf whose only conditions test its own node's label against constants (`(p:official)
/// -[:memberOf]->(a) WHERE p.label ENDS WITH 'Smith'`), counted as a plain leaf: the nodes of
/// the leaf's kinds that pass are found once, in one pass over the kinds' labels gathered in
/// kind order (``KindOrderedText``, ``TextCondition``), and kept as the leaf's bit table of
/// allowed rows, so that a count reads one bit per edge (``PlainLeafCount``) instead of the far
/// end's kind, the condition and a truth table at random.
///
/// Taken only when it is the same count: a directed leaf (a plain count of an undirected one
/// checks self-loops by kind alone), no edge filters, no ids, no core edges or paths to keep
/// apart from. And only when the planner expects the scans to ask about at least a
/// thirty-second of the kinds' nodes, so that the pass costs no more than the reads it saves.
enum PushedLeaf {
    static func count(_ leaf: LeafPlan, query: BoundQuery, graph: Graph, estimatedRows: Double) -> PlainLeafCount? {
        guard applies(leaf, query: query, graph: graph, estimatedRows: estimatedRows),
              let rows = passingRows(leaf, query: query, graph: graph) else { return nil }
        return PlainLeafCount(leaf, query: query, graph: graph, allowedRows: rows)
    }

    /// Whether ``count(_:query:graph:estimatedRows:)`` gives the leaf a pushed count, decided
    /// without gathering its rows (for the run and for EXPLAIN alike).
    static func applies(_ leaf: LeafPlan, query: BoundQuery, graph: Graph, estimatedRows: Double) -> Bool {
        let slot = query.nodes[leaf.node]
        guard !leaf.predicates.isEmpty, leaf.isoEdges.isEmpty, leaf.isoPaths.isEmpty, leaf.outgoing != nil,
              query.relationships[leaf.relationship].filters.isEmpty, !query.relationships[leaf.relationship].isPath,
              slot.rows == nil, let kinds = slot.kinds, kinds.count <= 64 else { return false }
        let allowed = kinds.indices.filter { kinds[$0] }
        let population = allowed.reduce(0) { $0 + graph.byKind.range($1).count }
        return estimatedRows * max(leaf.scanPerAnchor, 1) * 32 >= Double(population) && tests(leaf, query: query, graph: graph) != nil
    }

    /// The leaf's conditions as tests of its own label (a plain text column) against
    /// constants, when every condition is one; else `nil`.
    static func tests(_ leaf: LeafPlan, query: BoundQuery, graph: Graph) -> [(column: Int, condition: TextCondition)]? {
        guard !leaf.predicates.isEmpty, query.nodes[leaf.node].kinds != nil else { return nil }
        var tests: [(column: Int, condition: TextCondition)] = []
        for p in leaf.predicates {
            guard case .columnTest(true, leaf.node, let column, _, _) = query.predicates[p].expression,
                  graph.nodeTable.columns[column].isPlain,
                  let condition = TextCondition(query.predicates[p].expression, slot: leaf.node, column: column) else { return nil }
            tests.append((column, condition))
        }
        return tests
    }

    /// The rows of the leaf's kinds that pass its conditions, as bits, when every condition
    /// tests the leaf's own label (a plain text column) against constants; else `nil`.
    static func passingRows(_ leaf: LeafPlan, query: BoundQuery, graph: Graph) -> KindRows? {
        guard let kinds = query.nodes[leaf.node].kinds, let tests = tests(leaf, query: query, graph: graph) else { return nil }
        let allowed = kinds.indices.filter { kinds[$0] }
        var words = [UInt64](repeating: 0, count: (graph.nodeCount + 63) / 64)
        for kind in allowed {
            var passing: Set<Int32>?
            for test in tests {
                let rows = test.condition.passingRows(graph.textViews.view(column: test.column, kind: kind, in: graph))
                passing = passing.map { $0.intersection(rows) } ?? Set(rows)
            }
            for row in passing ?? [] { words[Int(row) >> 6] |= 1 << UInt64(row & 63) }
        }
        return KindRows(words: words)
    }
}

extension PlainLeafCount {
    /// A leaf counted over `allowedRows` (its kinds and conditions as bits), as a plain leaf.
    init(_ leaf: LeafPlan, query: BoundQuery, graph: Graph, allowedRows: KindRows) {
        let r = query.relationships[leaf.relationship]
        shape = LeafShape(leaf, query: query)
        relations = r.relations ?? []
        relationMask = r.relationMask ?? []
        isoEdges = leaf.isoEdges
        anyEnd = false
        leafRows = allowedRows
    }
}
