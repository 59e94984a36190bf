/// Cardinality estimates for the planner, from counts the graph keeps anyway (nodes per kind,
/// edges per relation) and the schema's endpoints (which kinds a relation joins): O(1) to ask,
/// nothing scanned at query time.
struct PatternStatistics {
    let nodeCount: Double
    let kindCounts: [Double]
    let relationCounts: [Double]
    /// Per relation, the kinds its edges may leave from / arrive at (all kinds when undeclared).
    let sourceKinds: [[Int]]
    let targetKinds: [[Int]]
    let graph: Graph

    init(graph: Graph) {
        self.graph = graph
        let schema = graph.schema
        nodeCount = Double(graph.nodeCount)
        kindCounts = schema.kinds.indices.map { Double(graph.byKind.range($0).count) }
        relationCounts = schema.relations.indices.map { Double(graph.byRelation.range($0).count) }
        let allKinds = Array(schema.kinds.indices)
        func kinds(_ list: [Kind]) -> [Int] { list.compactMap { schema.kindIndex[$0] } }
        sourceKinds = schema.relations.map { rule in
            let k = Set(rule.endpoints.flatMap { kinds($0.from) })
            return k.isEmpty ? allKinds : k.sorted()
        }
        targetKinds = schema.relations.map { rule in
            let k = Set(rule.endpoints.flatMap { kinds($0.to) })
            return k.isEmpty ? allKinds : k.sorted()
        }
    }

    /// How many nodes a node slot can take.
    func cardinality(_ slot: NodeSlot) -> Double {
        if let rows = slot.rows { return Double(rows.count) }
        if let mask = slot.kinds { return mask.indices.reduce(0) { mask[$1] ? $0 + kindCounts[$1] : $0 } }
        return nodeCount
    }

    func population(_ kinds: [Int]) -> Double { kinds.reduce(0) { $0 + kindCounts[$1] } }

    /// How many nodes of `kinds` the slot accepts.
    func passing(_ slot: NodeSlot, among kinds: [Int]) -> Double {
        if let rows = slot.rows {
            let allowed = Set(kinds)
            return Double(rows.filter { allowed.contains(Int(graph.nodeTable.kinds[Int($0)])) && slot.accepts($0, in: graph) }.count)
        }
        if let mask = slot.kinds { return kinds.reduce(0) { mask[$1] ? $0 + kindCounts[$1] : $0 } }
        return population(kinds)
    }

    /// The relations a slot may have (all when unconstrained).
    func relations(_ slot: RelationshipSlot) -> [Int] { slot.relations ?? Array(relationCounts.indices) }

    /// Expanding a single edge from `anchor`: edges scanned per anchor row (`scan`) and rows
    /// produced per anchor row (`out`). `forward` walks from the relationship's `from` side.
    func expansion(_ r: RelationshipSlot, anchor: NodeSlot, target: NodeSlot, forward: Bool) -> (scan: Double, out: Double) {
        var scan = 0.0, out = 0.0
        for rel in relations(r) {
            for dir in r.directed ? [forward] : [true, false] {
                let anchorKinds = dir ? sourceKinds[rel] : targetKinds[rel]
                let farKinds = dir ? targetKinds[rel] : sourceKinds[rel]
                let anchorPass = passing(anchor, among: anchorKinds)
                if anchorPass == 0 { continue }
                let perAnchor = relationCounts[rel] / max(1, population(anchorKinds))
                scan += perAnchor
                out += perAnchor * passing(target, among: farKinds) / max(1, population(farKinds))
            }
        }
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
    func edgeScan(_ r: RelationshipSlot, from: NodeSlot, to: NodeSlot) -> (scan: Double, out: Double) {
        var scan = 0.0, out = 0.0
        for rel in relations(r) {
            scan += relationCounts[rel]
            let f = passing(from, among: sourceKinds[rel]) / max(1, population(sourceKinds[rel]))
            let t = passing(to, among: targetKinds[rel]) / max(1, population(targetKinds[rel]))
            out += relationCounts[rel] * f * t * (r.directed ? 1 : 2)
        }
        return (scan, out)
    }
}
