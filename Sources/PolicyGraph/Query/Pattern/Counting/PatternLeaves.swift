/// Factoring out leaves: a node that the pattern reaches by one edge and that nothing else reads
/// (not RETURN, not another pattern, not a predicate over other leaves) does not need to be
/// enumerated: the matcher multiplies by how many edges could bind it. `count(*)` over
/// `(a:country)-[:supports]->(f)<-[:opposes]-(b:country)` becomes, per `f`, supporters ×
/// opposers minus the pairs where `a = b`, which is the loop a person would write.
struct LeafPlan: Sendable {
    let node: Int
    let relationship: Int
    /// The core node the leaf hangs from.
    let anchor: Int
    /// From the anchor: out-edges (`true`), in-edges (`false`) or both (`nil`, undirected).
    let outgoing: Bool?
    /// Predicates that read the leaf (and core variables).
    var predicates: [Int] = []
    /// Core relationships whose edges the leaf's edge must differ from.
    var isoEdges: [Int] = []
    var isoPaths: [Int] = []
    /// How the leaf is counted at each core match (see ``PatternLeafCounter``).
    var counting = LeafCounting.scan
    /// The planner's guesses of how many anchor rows a table holds and how many edges it
    /// counts (to size it once, and to choose its form).
    var expectedAnchors = 1024
    var expectedEdges = 0
    /// For the choice between scanning and an edge list at run time: the planner's guesses of
    /// the cost of scanning at one anchor and of the pass down the edge list (both in jumps into
    /// the edge arrays, see ``PatternLeafCounter/chooseModes(_:query:statistics:mode:)``), and
    /// how many rows the anchor may take.
    var scanPerAnchor = 0.0
    var listCost = Double.infinity
    var anchorCardinality = 0.0
    var usesTable: Bool { counting != .scan }
}

/// How a leaf's count at an anchor is found.
enum LeafCounting: Sendable, Equatable {
    /// By scanning the anchor's edges at each core match.
    case scan
    /// By a lookup in counts per anchor row built once from the leaf's candidate nodes.
    case table
    /// The same counts built in one pass down the relation's edge list (the edges in file
    /// order): reads that stream instead of jumping, cheapest when the leaf's side is big.
    case edgeTable
}

/// Two leaves on the same anchor that are not independent: `a <> b` between them, or edges
/// that could be the same edge (isomorphism). Their count is `c1 × c2 − correction`.
struct LeafPair: Sendable {
    let first: Int
    let second: Int
    /// Whether the correction is "same node" (`a <> b`); else "same edge".
    let differ: Bool
}

enum PatternLeaves {
    /// Chooses the leaves of `query`: big candidates first, so that the rare side of a hop stays
    /// in the core that is enumerated. Returns the leaves, the coupled pairs, and the predicates
    /// the pairs take over.
    ///
    /// Assumes `query` is the whole query: a leaf is left unbound because nothing in `query`
    /// reads it, which holds only when no later clause exists to read it. ``ClausePlanner``
    /// sends a query here only then (MATCH clauses and one RETURN); any other runs in the
    /// clause pipeline.
    static func choose(_ query: BoundQuery, statistics: PatternStatistics) -> (leaves: [LeafPlan], pairs: [LeafPair], consumed: Set<Int>) {
        let graph = statistics.graph
        // Two directed leaves of one anchor pointing opposite ways (`(o)-[:memberOf]->(a)-[:memberOf]->(c)`)
        // can share an edge only if it is a loop at the anchor: when the relations have no loop,
        // they are independent.
        func mayShare(_ r: RelationshipSlot, v: Int, leaf: LeafPlan) -> Bool {
            let other = query.relationships[leaf.relationship]
            guard r.mayShareEdges(with: other) else { return false }
            let anchor = r.from == v ? r.to : r.from
            guard r.directed, other.directed, leaf.anchor == anchor, (r.from == anchor) != (other.from == anchor) else { return true }
            let shared = Set(statistics.relations(r)).intersection(statistics.relations(other))
            return shared.contains { relation in graph.byRelation.members(relation).contains { graph.source(ofEdge: $0) == graph.target(ofEdge: $0) } }
        }
        let readNodes = query.projection?.nodes ?? []
        let readRelationships = query.projection?.relationships ?? []
        var occurrences = [Int](repeating: 0, count: query.nodes.count)
        var hop = [Int](repeating: -1, count: query.nodes.count)
        for (i, r) in query.relationships.enumerated() {
            occurrences[r.from] += 1
            occurrences[r.to] += 1
            hop[r.from] = i
            hop[r.to] = i
        }
        var candidates: [Int] = []
        for v in query.nodes.indices where occurrences[v] == 1 && !readNodes.contains(v) && query.nodes[v].rows == nil {
            let r = query.relationships[hop[v]]
            if r.isPath || r.from == r.to || readRelationships.contains(hop[v]) { continue }
            candidates.append(v)
        }
        candidates.sort {
            let a = statistics.cardinality(query.nodes[$0]), b = statistics.cardinality(query.nodes[$1])
            return a != b ? a > b : $0 < $1
        }
        func touches(_ p: BoundPredicate, _ leaf: (node: Int, relationship: Int)) -> Bool {
            p.nodes.contains(leaf.node) || p.relationships.contains(leaf.relationship)
        }
        func isDiffer(_ p: BoundPredicate, _ a: Int, _ b: Int) -> Bool {
            guard let (x, y) = p.differ else { return false }
            return (x == a && y == b) || (x == b && y == a)
        }
        var leaves: [LeafPlan] = []
        var pairs: [LeafPair] = []
        var consumed: Set<Int> = []
        var isLeaf = [Bool](repeating: false, count: query.nodes.count)
        var forcedCore = [Bool](repeating: false, count: query.nodes.count)
        var paired: Set<Int> = []
        for v in candidates where !forcedCore[v] {
            let ri = hop[v]
            let r = query.relationships[ri]
            let anchor = r.from == v ? r.to : r.from
            if isLeaf[anchor] { continue }
            var coupled: [(leaf: Int, differ: Bool)] = []
            var rejected = false
            for (li, leaf) in leaves.enumerated() {
                var differ = false
                for p in query.predicates where touches(p, (v, ri)) && touches(p, (leaf.node, leaf.relationship)) {
                    if isDiffer(p, v, leaf.node) { differ = true } else { rejected = true }
                }
                let overlap = mayShare(r, v: v, leaf: leaf)
                if differ || overlap { coupled.append((li, differ)) }
            }
            if rejected { continue }
            if coupled.count > 1 { continue }
            if let c = coupled.first {
                if leaves[c.leaf].anchor != anchor || paired.contains(c.leaf) { continue }
                paired.insert(c.leaf)
                paired.insert(leaves.count)
                pairs.append(LeafPair(first: c.leaf, second: leaves.count, differ: c.differ))
                if c.differ {
                    for (pi, p) in query.predicates.enumerated() where isDiffer(p, v, leaves[c.leaf].node) { consumed.insert(pi) }
                }
            }
            let outgoing: Bool? = r.directed ? (r.from == anchor) : nil
            leaves.append(LeafPlan(node: v, relationship: ri, anchor: anchor, outgoing: outgoing))
            isLeaf[v] = true
            forcedCore[anchor] = true
        }
        for i in leaves.indices {
            let leaf = leaves[i]
            leaves[i].predicates = query.predicates.indices.filter {
                !consumed.contains($0) && touches(query.predicates[$0], (leaf.node, leaf.relationship))
            }
            for (ri, r) in query.relationships.enumerated() where !leaves.contains(where: { $0.relationship == ri }) {
                if r.mayShareEdges(with: query.relationships[leaf.relationship]) {
                    if r.isPath { leaves[i].isoPaths.append(ri) } else { leaves[i].isoEdges.append(ri) }
                }
            }
        }
        return (leaves, pairs, consumed)
    }
}
