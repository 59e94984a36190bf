/// Which anchors (countries, for `--cluster`; chosen actors, for a stance map) each node belongs
/// to, following what a reader of a policy diagram takes "belongs to" to mean:
///
/// 1. an anchor belongs to itself, and to nothing else;
/// 2. a node belongs to what it is `memberOf`, transitively (an official of a department of a
///    ministry belongs to the ministry's country), and to an anchor that `leads` it;
/// 3. a delegation belongs to the anchors of the nodes that lead it, take part in it or are
///    members of it (by rule 2, not through the delegation itself);
/// 4. a node that belongs to nothing by rule 2 but is a member of a delegation belongs to the
///    delegation's anchors.
///
/// Rule 3 comes after rule 2 so that a member of a joint delegation keeps its own country.
/// `participatesIn` an event, `leads` by a non-anchor and every other relation carry no
/// belonging. A node may belong to several anchors; ``owner(of:)`` is the one anchor, if unique.
struct Affiliations: Sendable {
    /// For each node row of the graph, the rows of the anchors it belongs to.
    private let sets: [Set<Int32>]
    private let graph: Graph

    /// - Complexity: O((n + m) × anchors) in the worst case; O(n + m) for tree-like memberships.
    init(graph: Graph, anchors anchorRows: some Sequence<Int32>) {
        self.graph = graph
        let n = graph.nodeCount
        var isAnchor = [Bool](repeating: false, count: n)
        var sets = [Set<Int32>](repeating: [], count: n)
        var queue: [Int32] = []
        for a in anchorRows where !isAnchor[Int(a)] {
            isAnchor[Int(a)] = true
            sets[Int(a)] = [a]
            queue.append(a)
        }
        let memberOf = graph.schema.relationIndex[.memberOf].map { UInt16($0) }
        let leads = graph.schema.relationIndex[.leads].map { UInt16($0) }
        let participatesIn = graph.schema.relationIndex[.participatesIn].map { UInt16($0) }
        let delegation = graph.schema.kindIndex[.delegation].map { UInt16($0) }
        let relations = graph.edgeTable.relations
        func isDelegation(_ row: Int32) -> Bool { graph.nodeTable.kinds[Int(row)] == delegation }

        /// Pushes the sets down `memberOf` (and anchor `leads`) edges from `queue`; `into` says
        /// which children may receive.
        func propagate(_ queue: inout [Int32], into accepts: (Int32) -> Bool, throughDelegations: Bool) {
            var head = 0
            while head < queue.count {
                let parent = queue[head]
                head += 1
                if !throughDelegations, isDelegation(parent) { continue }
                let inherited = sets[Int(parent)]
                func inherit(_ child: Int32) {
                    guard !isAnchor[Int(child)], accepts(child) else { return }
                    let before = sets[Int(child)].count
                    sets[Int(child)].formUnion(inherited)
                    if sets[Int(child)].count != before { queue.append(child) }
                }
                for e in graph.incoming.members(Int(parent)) where relations[Int(e)] == memberOf {
                    inherit(graph.source(ofEdge: e))
                }
                if isAnchor[Int(parent)] {
                    for e in graph.outgoing.members(Int(parent)) where relations[Int(e)] == leads {
                        inherit(graph.target(ofEdge: e))
                    }
                }
            }
        }
        // Rule 2: memberships, not through delegations.
        propagate(&queue, into: { _ in true }, throughDelegations: false)
        // Rule 3: delegations take the anchors of their leaders, participants and members.
        let ownSets = sets
        var delegations: [Int32] = []
        for row in 0..<Int32(n) where isDelegation(row) && !isAnchor[Int(row)] {
            for e in graph.incoming.members(Int(row)) {
                let r = relations[Int(e)]
                guard r == memberOf || r == leads || r == participatesIn else { continue }
                sets[Int(row)].formUnion(ownSets[Int(graph.source(ofEdge: e))])
            }
            if !sets[Int(row)].isEmpty { delegations.append(row) }
        }
        // Rule 4: members who belong nowhere else take their delegation's anchors.
        propagate(&delegations, into: { ownSets[Int($0)].isEmpty }, throughDelegations: true)
        self.sets = sets
    }

    /// The rows of the anchors the node at `row` belongs to, in no order.
    func anchors(ofRow row: Int32) -> Set<Int32> { sets[Int(row)] }

    /// The anchors `id` belongs to, sorted; empty for an unknown id or a node that belongs nowhere.
    func anchors(of id: NodeID) -> [NodeID] {
        guard let row = graph.index[id] else { return [] }
        return sets[Int(row)].map { graph.id(at: $0) }.sorted()
    }

    /// The one anchor `id` belongs to; `nil` when it belongs to none or to several.
    func owner(of id: NodeID) -> NodeID? {
        guard let row = graph.index[id], sets[Int(row)].count == 1, let only = sets[Int(row)].first else { return nil }
        return graph.id(at: only)
    }
}
