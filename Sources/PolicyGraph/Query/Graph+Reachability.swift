extension Graph {
    /// Every node reachable from `id` by one or more steps along `filter`'s relations and
    /// direction (without a filter, edges are followed forwards; note that a
    /// ``TraversalFilter`` made without a direction walks both ways), listed only when of `filter`'s kinds
    /// (others are still walked through). Sorted by id; the start is left out even when a cycle
    /// leads back to it.
    ///
    /// - Throws: ``QueryError`` for an unknown node, kind or relation.
    /// - Complexity: O(nodes and edges reached); memory likewise (see `NodeMap`).
    public func reachable(from id: NodeID, filter: TraversalFilter = TraversalFilter(direction: .out)) throws(QueryError) -> [NodeID] {
        let start = try row(of: id)
        try check(filter)
        let mask = relationMask(filter.relations)
        var seen = NodeMap(nodeCount: nodeCount)
        seen.insert(start, 0)
        var reached: [Int32] = []
        var frontier = [start]
        while let u = frontier.popLast() {
            forEachStep(from: u, direction: filter.direction, relationMask: mask) { _, v in
                if seen.insert(v, 0) {
                    reached.append(v)
                    frontier.append(v)
                }
            }
        }
        let kindMask = filter.kinds.isEmpty ? nil : schema.kinds.map { filter.kinds.contains($0.kind) }
        return reached.filter { kindMask?[Int(nodeTable.kinds[Int($0)])] ?? true }.map { self.id(at: $0) }.sorted()
    }

    /// Throws for a kind or relation of the filter that the schema does not declare.
    func check(_ filter: TraversalFilter) throws(QueryError) {
        for kind in filter.kinds.sorted() where !schema.contains(kind) { _ = try checkedKind(kind.rawValue) }
        for relation in filter.relations.sorted() where !schema.contains(relation) { _ = try checkedRelation(relation.rawValue) }
    }
}
