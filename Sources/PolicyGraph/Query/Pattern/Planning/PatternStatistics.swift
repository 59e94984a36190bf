/// Cardinality estimates for the planner: nodes per kind, edges per relation, and edges per
/// relation and the kinds they join (``EdgeKindCounts``), all exact counts the graph keeps.
///
/// The schema says which kinds a relation may join, not how often: `memberOf` may lead from an
/// official to an agency, a country or an organization, and from an agency to a country, but in
/// a real graph nearly all of its edges run official → agency and the few others agency →
/// country. Spreading the edges evenly over the allowed kinds put 0.8 agencies under each
/// country instead of 250, and the planner then counted officials at each agency the costly way.
struct PatternStatistics {
    let nodeCount: Double
    let kindCounts: [Double]
    let relationCounts: [Double]
    let graph: Graph

    /// Statistics for planning a query over `relations` (the relations its relationships name;
    /// `nil` when one names none). Reads counts only: O(kinds + relations).
    init(graph: Graph, relations: Set<Int>?) {
        self.graph = graph
        let kinds = graph.schema.kinds.count
        nodeCount = Double(graph.nodeCount)
        kindCounts = (0..<kinds).map { Double(graph.byKind.range($0).count) }
        relationCounts = graph.schema.relations.indices.map { Double(graph.byRelation.range($0).count) }
    }

    /// How many nodes a node slot can take.
    func cardinality(_ slot: NodeSlot) -> Double {
        if let rows = slot.rows { return Double(rows.count) }
        if let mask = slot.kinds { return mask.indices.reduce(0) { mask[$1] ? $0 + kindCounts[$1] : $0 } }
        return nodeCount
    }

    /// How many nodes of each kind the slot accepts.
    private func accepted(_ slot: NodeSlot) -> [Double] {
        guard let rows = slot.rows else {
            guard let mask = slot.kinds else { return kindCounts }
            return kindCounts.indices.map { mask[$0] ? kindCounts[$0] : 0 }
        }
        var counts = [Double](repeating: 0, count: kindCounts.count)
        for row in rows where slot.accepts(row, in: graph) { counts[Int(graph.nodeTable.kinds[Int(row)])] += 1 }
        return counts
    }

    /// The relations a slot may have (all when unconstrained).
    func relations(_ slot: RelationshipSlot) -> [Int] { slot.relations ?? Array(relationCounts.indices) }

    /// Expanding a single edge from `anchor`: edges scanned per anchor row (`scan`) and rows
    /// produced per anchor row (`out`). `forward` walks from the relationship's `from` side.
    ///
    /// Walks the (relation, kind, kind) triples that occur (``EdgeKindCounts``), in the order of
    /// anchor kind then other kind, so O(triples of the relations + kinds), never kinds².
    func expansion(_ r: RelationshipSlot, anchor: NodeSlot, target: NodeSlot, forward: Bool) -> (scan: Double, out: Double) {
        let anchorRows = accepted(anchor), targetRows = accepted(target)
        var scan = 0.0, out = 0.0
        let anchors = anchorRows.reduce(0, +)
        guard anchors > 0 else { return (0, 0) }
        for rel in relations(r) {
            for outgoing in r.directed ? [forward] : [true, false] {
                for pair in outgoing ? graph.edgeKinds.bySource[rel] : graph.edgeKinds.byTarget[rel] {
                    let a = outgoing ? pair.source : pair.target, t = outgoing ? pair.target : pair.source
                    // The anchor's share of its kind's edges (a kind with an edge has a node).
                    let fraction = anchorRows[a] / kindCounts[a]
                    if fraction == 0 { continue }
                    let n = Double(pair.count)
                    scan += n * fraction
                    out += n * fraction * targetRows[t] / kindCounts[t]
                }
            }
        }
        scan /= anchors
        out /= anchors
        guard let length = r.length else { return (scan, out) }
        // A path: the first hop as above, later hops at the average degree of its relations.
        let average = relations(r).reduce(0) { $0 + relationCounts[$1] } / max(1, nodeCount) * (r.directed ? 1 : 2)
        let firstAny = expansion(RelationshipSlot(name: nil, relations: r.relations, relationMask: nil, from: r.from, to: r.to,
                                                  directed: r.directed, fromIsLeft: true, length: nil, clause: r.clause),
                                 anchor: anchor, target: NodeSlot(name: nil), forward: forward).scan
        let fraction = cardinality(target) / max(1, nodeCount)
        var total = 0.0
        var width = 1.0
        for hops in 0...min(length.max ?? 5, 5) {
            if hops > 0 { width *= hops == 1 ? firstAny : average }
            if hops >= length.min { total += width }
        }
        return (total, total * fraction)
    }

    /// Starting from the edges of a relationship: edges scanned and rows produced.
    /// O(triples of the relations + kinds), as ``expansion(_:anchor:target:forward:)``.
    func edgeScan(_ r: RelationshipSlot, from: NodeSlot, to: NodeSlot) -> (scan: Double, out: Double) {
        let fromRows = accepted(from), toRows = accepted(to)
        var scan = 0.0, out = 0.0
        for rel in relations(r) {
            scan += relationCounts[rel]
            for pair in graph.edgeKinds.bySource[rel] {
                let s = pair.source, t = pair.target, n = Double(pair.count)
                out += n * fromRows[s] / kindCounts[s] * toRows[t] / kindCounts[t]
                if !r.directed { out += n * fromRows[t] / kindCounts[t] * toRows[s] / kindCounts[s] }
            }
        }
        return (scan, out)
    }
}
