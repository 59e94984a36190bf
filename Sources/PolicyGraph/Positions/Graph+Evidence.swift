extension Graph {
    /// The evidence of edge row `e`: its `evidence` cell, or ``Evidence/unstated`` when the cell
    /// is empty or unknown. `nil` for an edge that is no statement: a relation that is no stance
    /// and no `evidence` cell (a fact such as `memberOf`).
    func evidence(ofEdge e: Int32) -> Evidence? {
        let cell = edgeTable.columns.first { $0.name == Column.evidence }.map { $0.text(at: Int(e)) } ?? ""
        if let kind = Evidence(rawValue: cell) { return kind }
        return schema.relations[Int(edgeTable.relations[Int(e)])].isStance ? .unstated : nil
    }

    /// The graph without the statements attested otherwise than `kinds`: every node is kept,
    /// and every edge but the stances (and other edges with an `evidence` cell) of other
    /// evidence. The whole graph when `kinds` is empty.
    ///
    /// - Complexity: O(n + m).
    public func keepingEvidence(_ kinds: Set<Evidence>) -> Graph {
        guard !kinds.isEmpty, kinds != Set(Evidence.allCases) else { return self }
        let edgeRows = (0..<Int32(edgeCount)).filter { e in evidence(ofEdge: e).map { kinds.contains($0) } ?? true }
        return selecting(nodes: 0..<Int32(nodeCount), edges: edgeRows)
    }
}
