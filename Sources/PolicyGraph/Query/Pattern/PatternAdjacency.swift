/// Edge ranges of one node for one relation: a node's adjacency in the CSR indices is sorted by
/// relation, so the edges of a relation are a binary search away and are scanned without
/// looking at the node's other edges.
extension Graph {
    /// Positions in `csr.items` of node `node`'s edges of relation `relation`.
    @inline(__always)
    func adjacency(_ csr: CSRIndex, of node: Int32, relation: Int) -> Range<Int> {
        let all = csr.range(Int(node))
        let relations = edgeTable.relations
        let r = UInt16(relation)
        var low = all.lowerBound, high = all.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if relations[Int(csr.items[mid])] < r { low = mid + 1 } else { high = mid }
        }
        var end = low
        high = all.upperBound
        while end < high {
            let mid = (end + high) >> 1
            if relations[Int(csr.items[mid])] <= r { end = mid + 1 } else { high = mid }
        }
        return low..<end
    }

    /// Calls `body(edge, otherEnd)` for every edge at `node` of the allowed `relations` (all when
    /// `nil`): out-edges when `outgoing`, else in-edges. With `skipLoops`, a self-loop is left
    /// out (an undirected walk meets it in the out-edges already).
    @inline(__always)
    func forEachEdge(at node: Int32, outgoing: Bool, relations: [Int]?, skipLoops: Bool = false,
                     _ body: (Int32, Int32) throws(QueryError) -> Void) throws(QueryError) {
        let csr = outgoing ? self.outgoing : self.incoming
        let ends = outgoing ? edgeTable.to : edgeTable.from
        if let relations {
            for r in relations {
                for i in adjacency(csr, of: node, relation: r) {
                    let e = csr.items[i]
                    let other = ends[Int(e)]
                    if skipLoops, other == node { continue }
                    try body(e, other)
                }
            }
        } else {
            for i in csr.range(Int(node)) {
                let e = csr.items[i]
                let other = ends[Int(e)]
                if skipLoops, other == node { continue }
                try body(e, other)
            }
        }
    }

    /// How many edges `forEachEdge(at:outgoing:relations:)` would visit. O(log degree) per relation.
    func edgeCount(at node: Int32, outgoing: Bool, relations: [Int]?) -> Int {
        let csr = outgoing ? self.outgoing : self.incoming
        guard let relations else { return csr.range(Int(node)).count }
        var total = 0
        for r in relations { total += adjacency(csr, of: node, relation: r).count }
        return total
    }
}
