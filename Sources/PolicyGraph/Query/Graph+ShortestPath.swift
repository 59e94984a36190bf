extension Graph {
    /// A shortest path (fewest edges) from `from` to `to`: the lexicographically first by node
    /// ids, then by the order of parallel edges in `edges.csv`, so the same graph always gives
    /// the same path. `nil` when `to` cannot be reached.
    ///
    /// - Throws: ``QueryError`` for an unknown node or relation.
    /// - Complexity: a bidirectional breadth-first search: O(nodes and edges within the two
    ///   balls it grows), usually far less than the graph; memory likewise.
    public func shortestPath(from: NodeID, to: NodeID, filter: PathFilter = PathFilter()) throws(QueryError) -> GraphPath? {
        var search = try shortestPathSearch(from: from, to: to, filter: filter)
        defer { search.recycle() }
        return search.firstPath().map(path(of:))
    }

    /// The shortest path from `from` to `to` (at most one), or every shortest path when `all`
    /// (at most ``ShortestPaths/defaultLimit``; use ``allShortestPaths(from:to:filter:limit:)``
    /// to learn whether the list was cut). Parallel edges give distinct paths. Ordered by node
    /// ids, then by edge order in `edges.csv`; empty when `to` cannot be reached.
    ///
    /// - Throws: ``QueryError`` for an unknown node or relation.
    /// - Complexity: the search of ``shortestPath(from:to:filter:)``, plus O(length) per path listed.
    public func shortestPaths(from: NodeID, to: NodeID, filter: PathFilter = PathFilter(), all: Bool) throws(QueryError) -> [GraphPath] {
        if !all { return try shortestPath(from: from, to: to, filter: filter).map { [$0] } ?? [] }
        return try allShortestPaths(from: from, to: to, filter: filter).paths
    }

    /// Every shortest path from `from` to `to` up to `limit`, with how many there are in all.
    ///
    /// Their number can grow exponentially with the length, so the list stops at `limit`;
    /// ``ShortestPaths/count`` still counts them all (by dynamic programming over the steps
    /// that lie on a shortest path, without listing them).
    ///
    /// - Throws: ``QueryError`` for an unknown node or relation, or a `limit` below 1.
    /// - Complexity: the search, plus O(nodes and edges on shortest paths) to count, plus
    ///   O(length) per path listed.
    public func allShortestPaths(from: NodeID, to: NodeID, filter: PathFilter = PathFilter(),
                                 limit: Int = ShortestPaths.defaultLimit) throws(QueryError) -> ShortestPaths {
        guard limit >= 1 else { throw QueryError(.invalidArgument("the path limit must be at least 1, not \(limit)")) }
        var search = try shortestPathSearch(from: from, to: to, filter: filter)
        defer { search.recycle() }
        return ShortestPaths(paths: search.paths(limit: limit).map(path(of:)), count: search.pathCount(), length: search.length)
    }

    private func shortestPathSearch(from: NodeID, to: NodeID, filter: PathFilter) throws(QueryError) -> ShortestPathSearch {
        let source = try row(of: from)
        let target = try row(of: to)
        for relation in filter.relations.sorted() where !schema.contains(relation) { _ = try checkedRelation(relation.rawValue) }
        return ShortestPathSearch(graph: self, source: source, target: target,
                                  relationMask: relationMask(filter.relations), undirected: filter.undirected)
    }

    private func path(of rows: ShortestPathSearch.PathRows) -> GraphPath {
        GraphPath(nodes: rows.nodes.map { id(at: $0) }, edges: rows.edges.map { edge(at: $0) })
    }

    /// The row of `id`, or an unknown-node error with close ids and labels.
    func row(of id: NodeID) throws(QueryError) -> Int32 {
        guard let row = index[id] else {
            throw QueryError(.unknownNode(id.rawValue, suggestions: suggestions(for: id.rawValue)))
        }
        return row
    }
}
