
/// How leaves are counted: chosen by cost, or forced (tests check both ways against brute force).
enum LeafMode: Sendable {
    case automatic, scan, table, edgeTable
}

extension PatternLeafCounter {
    /// Decides, per leaf, between scanning and a table: scanning costs the anchor's edges at
    /// every core match, a table from the candidates a pass over the leaf's candidates and their
    /// edges, a table from the edge list a pass down the relation's edges. Reading an edge in a
    /// scan or from a candidate is a jump into the edge arrays; down the edge list the reads
    /// stream, at about a fifth of the cost.
    ///
    /// A table cannot honour predicates that read core variables other than the anchor, nor
    /// paths to keep apart from; core edges to keep apart from are subtracted per lookup, which
    /// needs a plain leaf outside pairs. The edge list needs a plain leaf.
    static func chooseModes(_ plan: inout MatchPlan, query: BoundQuery, statistics: PatternStatistics, mode: LeafMode) {
        let inPairs = Set(plan.pairs.flatMap { [$0.first, $0.second] })
        for i in plan.leaves.indices {
            let leaf = plan.leaves[i]
            let r = query.relationships[leaf.relationship]
            let local = leaf.predicates.allSatisfy {
                query.predicates[$0].nodes.isSubset(of: [leaf.node, leaf.anchor])
                    && query.predicates[$0].relationships.isSubset(of: [leaf.relationship])
            }
            let plain = LeafShape(leaf, query: query).isPlain
            let subtractable = leaf.isoEdges.isEmpty || (plain && !inPairs.contains(i))
            guard local, subtractable, leaf.isoPaths.isEmpty else { continue }
            let forward = r.from == leaf.anchor
            let perAnchor = statistics.expansion(r, anchor: query.nodes[leaf.anchor], target: query.nodes[leaf.node], forward: forward).scan
            let perLeaf = statistics.expansion(r, anchor: query.nodes[leaf.node], target: query.nodes[leaf.anchor], forward: !forward).scan
            let scanCost = plan.estimatedRows * perAnchor
            let tableCost = statistics.cardinality(query.nodes[leaf.node]) * (1 + perLeaf)
            let listEdges = statistics.relations(r).reduce(0) { $0 + statistics.relationCounts[$1] }
            let listCost = plain ? listEdges * streamedEdgeCost : .infinity
            switch mode {
            case .scan: continue
            case .table: plan.leaves[i].counting = .table
            case .edgeTable: plan.leaves[i].counting = plain ? .edgeTable : .table
            case .automatic:
                if min(tableCost, listCost) < scanCost { plan.leaves[i].counting = listCost < tableCost ? .edgeTable : .table }
            }
            plan.leaves[i].scanPerAnchor = perAnchor
            plan.leaves[i].listCost = mode == .automatic ? listCost : .infinity
            plan.leaves[i].anchorCardinality = statistics.cardinality(query.nodes[leaf.anchor])
            let edges = min(plan.leaves[i].counting == .edgeTable ? listEdges : tableCost, 1e9)
            plan.leaves[i].expectedEdges = Int(edges)
            plan.leaves[i].expectedAnchors = Int(min(statistics.cardinality(query.nodes[leaf.anchor]), edges))
        }
    }

    /// The cost of reading an edge down the edge list, against a jump into the edge arrays.
    static let streamedEdgeCost = 0.2
}
