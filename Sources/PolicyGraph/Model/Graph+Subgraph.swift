extension Graph {
    /// The graph restricted to some node and edge rows (indices, in any order): rows keep their
    /// file order, columns and values; edges whose ends are not both kept are dropped.
    ///
    /// - Complexity: O(n + m) for the masks, then O(kept) to copy and index.
    func selecting(nodes nodeRows: some Sequence<Int32>, edges edgeRows: some Sequence<Int32>) -> Graph {
        var keepNode = [Bool](repeating: false, count: nodeCount)
        for i in nodeRows { keepNode[Int(i)] = true }
        var keepEdge = [Bool](repeating: false, count: edgeCount)
        for e in edgeRows where keepNode[Int(source(ofEdge: e))] && keepNode[Int(target(ofEdge: e))] { keepEdge[Int(e)] = true }
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        var nodes = NodeTable()
        var index: [NodeID: Int32] = [:]
        var keptNodes: [Int] = []
        for i in 0..<nodeCount where keepNode[i] {
            newIndex[i] = Int32(nodes.ids.count)
            index[nodeTable.ids[i]] = Int32(nodes.ids.count)
            nodes.ids.append(nodeTable.ids[i])
            nodes.kinds.append(nodeTable.kinds[i])
            keptNodes.append(i)
        }
        nodes.columns = nodeTable.columns.map { Self.select($0, rows: keptNodes) }
        var edges = EdgeTable()
        var keptEdges: [Int] = []
        for e in 0..<edgeCount where keepEdge[e] {
            edges.from.append(newIndex[Int(edgeTable.from[e])])
            edges.to.append(newIndex[Int(edgeTable.to[e])])
            edges.relations.append(edgeTable.relations[e])
            keptEdges.append(e)
        }
        edges.columns = edgeTable.columns.map { Self.select($0, rows: keptEdges) }
        return Graph(schema: schema, nodes: nodes, edges: edges, index: index)
    }

    /// The subgraph induced by `ids`: those nodes and every edge between two of them.
    /// Unknown ids are ignored. O(n + m).
    public func subgraph(nodes ids: some Sequence<NodeID>) -> Graph {
        let rows = ids.compactMap { index[$0] }
        var keep = [Bool](repeating: false, count: nodeCount)
        for r in rows { keep[Int(r)] = true }
        let edgeRows = (0..<Int32(edgeCount)).filter { keep[Int(source(ofEdge: $0))] && keep[Int(target(ofEdge: $0))] }
        return selecting(nodes: rows, edges: edgeRows)
    }

    private static func select(_ column: AttributeColumn, rows: [Int]) -> AttributeColumn {
        var builder = AttributeColumnBuilder(name: column.name, capacity: rows.count)
        for r in rows { builder.append(column.text(at: r)) }
        return builder.build()
    }
}
