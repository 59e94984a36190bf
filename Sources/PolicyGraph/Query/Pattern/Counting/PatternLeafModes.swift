
/// How leaves are counted: chosen by cost, or forced (tests check both ways against brute force).
enum LeafMode: Sendable {
    case automatic, scan, table, edgeTable
}

extension PatternLeafCounter {
    /// Decides, per leaf, between scanning and a table: scanning costs, at every core match, a
    /// jump to the anchor's slots and a read of each; a table from the candidates costs a jump
    /// per candidate and an increment per edge; a table from the edge list, a pass down the
    /// relation's edges. A plain leaf's scan reads the slots in order (far end and relation sit
    /// beside the edge row, see ``AdjacencyRuns``) at about a tenth of a jump each; other scans,
    /// and those of leaves in pairs (whose corrections walk the edges again with every check),
    /// pay a full jump per edge. The edge list reads each edge's ends from the edge table.
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
            let tight = plain && !inPairs.contains(i)
            let scanPerAnchor = tight ? 1 + perAnchor * scannedSlotCost : perAnchor
            let scanCost = plan.estimatedRows * scanPerAnchor
            let tableCost = statistics.cardinality(query.nodes[leaf.node]) * (1 + perLeaf * tabulatedEdgeCost)
            let listEdges = statistics.relations(r).reduce(0) { $0 + statistics.relationCounts[$1] }
            let listCost = plain ? listEdges * streamedEdgeCost : .infinity
            switch mode {
            case .scan: continue
            case .table: plan.leaves[i].counting = .table
            case .edgeTable: plan.leaves[i].counting = plain ? .edgeTable : .table
            case .automatic:
                if min(tableCost, listCost) < scanCost { plan.leaves[i].counting = listCost < tableCost ? .edgeTable : .table }
            }
            plan.leaves[i].scanPerAnchor = scanPerAnchor
            plan.leaves[i].listCost = mode == .automatic ? listCost : .infinity
            plan.leaves[i].anchorCardinality = statistics.cardinality(query.nodes[leaf.anchor])
            let edges = min(plan.leaves[i].counting == .edgeTable ? listEdges : tableCost, 1e9)
            plan.leaves[i].expectedEdges = Int(edges)
            plan.leaves[i].expectedAnchors = Int(min(statistics.cardinality(query.nodes[leaf.anchor]), edges))
        }
    }

    /// The cost of reading an edge down the edge list, against a jump into the edge arrays.
    static let streamedEdgeCost = 0.2
    /// The cost of reading the next slot of a node's run in a plain scan.
    static let scannedSlotCost = 0.1
    /// The cost of an edge read from a candidate's side and counted into a table.
    static let tabulatedEdgeCost = 0.3
}
