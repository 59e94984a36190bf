extension Graph {
    /// The weakly connected components (edge directions ignored), each sorted by id; largest
    /// first, ties by their first id. Isolated nodes are components of one.
    ///
    /// - Complexity: O(n + m) for union-find, then O(n log n) to sort.
    public func components() -> [Component] {
        components(mask: nil)
    }

    /// The weakly connected components when only edges of `relations` join nodes (all when
    /// empty); ordered as ``components()``.
    ///
    /// - Throws: ``QueryError`` for a relation the schema does not declare.
    public func components(relations: Set<Relation>) throws(QueryError) -> [Component] {
        try check(TraversalFilter(relations: relations))
        return components(mask: relationMask(relations))
    }

    private func components(mask: [Bool]?) -> [Component] {
        var parent = (0..<Int32(nodeCount)).map { $0 }
        func root(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]  // path halving
                x = parent[Int(x)]
            }
            return x
        }
        for e in 0..<edgeCount where mask?[Int(edgeTable.relations[e])] ?? true {
            let a = root(edgeTable.from[e]), b = root(edgeTable.to[e])
            if a != b { parent[Int(max(a, b))] = min(a, b) }
        }
        var groupOfRoot = [Int32](repeating: -1, count: nodeCount)
        var groups: [[NodeID]] = []
        for i in 0..<Int32(nodeCount) {
            let r = Int(root(i))
            if groupOfRoot[r] < 0 {
                groupOfRoot[r] = Int32(groups.count)
                groups.append([])
            }
            groups[Int(groupOfRoot[r])].append(id(at: i))
        }
        return groups.map { $0.sorted() }.sorted { a, b in
            a.count != b.count ? a.count > b.count : (a.first ?? NodeID("")) < (b.first ?? NodeID(""))
        }.map(Component.init(nodes:))
    }
}
