/// Where each box of `--cluster` sits and which box each node is drawn in, when boxes nest
/// (the G7's box holds the EU's box, which holds the Commission and the member states).
///
/// Each anchor (see ``DOTClusters/anchors(in:)``) and each other node has a set of anchors it
/// belongs to directly: for an anchor, those it is `memberOf` (or that lead it); for any other
/// node, its ``Affiliations``. A membership that runs in a circle (a `memberOf` b `memberOf` a)
/// is no nesting and is left out; the circle's members share the memberships leading out of it. Anchors are placed outermost first; each thing is drawn in
/// the innermost box whose chain of enclosing boxes holds all of its memberships, or, when its
/// memberships do not nest (two organizations neither of which is in the other), in the
/// innermost box that encloses all of them (often none: then outside every box). Graphviz
/// cannot draw a node in two boxes; the memberships left out are ``unshown``.
struct BoxNesting {
    /// For each anchor row, the anchor row it sits in; absent at the top.
    private(set) var parent: [Int32: Int32] = [:]
    /// For each anchor row, its enclosing anchors, innermost first, itself included.
    private(set) var chains: [Int32: [Int32]] = [:]
    /// Memberships not shown by the boxes, as (member row, anchor row).
    private(set) var unshown: [(member: Int32, anchor: Int32)] = []
    /// For each other node row that belongs to an anchor, the anchor row it is drawn in.
    private var nodePlaces: [Int32: Int32] = [:]
    private let isAnchor: Set<Int32>

    /// - Complexity: O(a × (a + m_a)) for `a` anchors with `m_a` memberships between them.
    init(graph: Graph, anchors: [Int32]) {
        isAnchor = Set(anchors)
        let affiliations = Affiliations(graph: graph, anchors: anchors)
        let memberOf = graph.schema.relationIndex[.memberOf].map { UInt16($0) }
        let leads = graph.schema.relationIndex[.leads].map { UInt16($0) }
        let relations = graph.edgeTable.relations
        var direct: [Int32: Set<Int32>] = [:]
        for a in isAnchor {
            var ups: Set<Int32> = []
            for e in graph.outgoing.members(Int(a)) where relations[Int(e)] == memberOf {
                let t = graph.target(ofEdge: e)
                if t != a, isAnchor.contains(t) { ups.insert(t) }
            }
            for e in graph.incoming.members(Int(a)) where relations[Int(e)] == leads {
                let s = graph.source(ofEdge: e)
                if s != a, isAnchor.contains(s) { ups.insert(s) }
            }
            direct[a] = ups
        }
        var reach: [Int32: Set<Int32>] = [:]
        for a in isAnchor {
            var seen: Set<Int32> = [], queue = Array(direct[a] ?? [])
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                queue.append(contentsOf: direct[next] ?? [])
            }
            reach[a] = seen
        }
        // Strict ancestors: reached, and not reaching back (that would be a circle).
        func isStrict(_ p: Int32, of a: Int32) -> Bool { p != a && reach[p]?.contains(a) != true }
        let strictCount = Dictionary(uniqueKeysWithValues: isAnchor.map { a in (a, reach[a, default: []].filter { isStrict($0, of: a) }.count) })
        let ids = graph.nodeTable.ids
        // Outermost first: a strict ancestor has strictly fewer strict ancestors.
        let order = isAnchor.sorted { x, y in
            let cx = strictCount[x] ?? 0, cy = strictCount[y] ?? 0
            return cx != cy ? cx < cy : ids[Int(x)] < ids[Int(y)]
        }
        for a in order {
            // The members of a circle share the memberships that lead out of it.
            let circle = [a] + (reach[a] ?? []).filter { reach[$0]?.contains(a) == true }
            var memberships: Set<Int32> = []
            for c in circle { for p in direct[c] ?? [] where isStrict(p, of: a) { memberships.insert(p) } }
            for p in (direct[a] ?? []).sorted() where !isStrict(p, of: a) { unshown.append((a, p)) }
            let place = self.place(memberships, member: a, ids: ids)
            if let place { parent[a] = place }
            chains[a] = [a] + (place.flatMap { chains[$0] } ?? [])
        }
        for row in 0..<Int32(graph.nodeCount) where !isAnchor.contains(row) {
            let memberships = affiliations.anchors(ofRow: row)
            if !memberships.isEmpty, let place = place(memberships, member: row, ids: ids) { nodePlaces[row] = place }
        }
        unshown.sort { ($0.member, $0.anchor) < ($1.member, $1.anchor) }
    }

    /// The innermost box for something that belongs to `memberships`; records what it leaves out.
    private mutating func place(_ memberships: Set<Int32>, member: Int32, ids: [NodeID]) -> Int32? {
        guard !memberships.isEmpty else { return nil }
        func deeper(_ x: Int32, _ y: Int32) -> Bool {
            let cx = chains[x]?.count ?? 0, cy = chains[y]?.count ?? 0
            return cx != cy ? cx > cy : ids[Int(x)] < ids[Int(y)]
        }
        let holding = memberships.filter { d in memberships.isSubset(of: chains[d] ?? [d]) }
        let chosen: Int32?
        if let best = holding.sorted(by: deeper).first {
            chosen = best
        } else {
            var common = Set(chains[memberships.first ?? 0] ?? [])
            for d in memberships { common.formIntersection(chains[d] ?? [d]) }
            chosen = common.sorted(by: deeper).first
        }
        let shown = Set(chosen.flatMap { chains[$0] } ?? [])
        for d in memberships.sorted() where !shown.contains(d) { unshown.append((member, d)) }
        return chosen
    }

    /// The anchor row whose box `row` is drawn in before empty boxes are dropped: for an anchor,
    /// the one it sits in; for another node, the innermost of its anchors' chains.
    func placement(ofRow row: Int32) -> Int32? { isAnchor.contains(row) ? parent[row] : nodePlaces[row] }

    /// Whether `row` is an anchor.
    func isAnchor(_ row: Int32) -> Bool { isAnchor.contains(row) }
}
