/// The shortest paths between two nodes, found by a bidirectional breadth-first search and kept
/// as the layered graph of every step that lies on one of them.
///
/// The search grows a ball around the source and one around the target, each time expanding
/// whole layer of the side that costs fewer edge visits; it stops after the layer in which the
/// balls first touch. If the source ball has radius `a` and the target ball `b` when they touch,
/// every shortest path has `a + b` steps and its node at position `a` is one of the touching
/// nodes (no shorter path exists, or a node within `a` of the source and `b - 1` of the target
/// would have been in both balls a layer earlier). One backward sweep over the source layers then
/// keeps the nodes that lead to a touching node; from there on, a step is on a shortest path when
/// it gets one closer to the target. So every node on a shortest path knows its position, a walk
/// that follows those rules never dead-ends, and paths can be taken greedily (the
/// lexicographically first one) or listed in order without backtracking.
///
/// Work and memory are proportional to the two balls, not to the graph (see ``NodeMap``).
struct ShortestPathSearch {
    /// The steps from one node to the next one on a shortest path: every parallel edge.
    struct Step {
        let node: Int32
        /// Edge rows in file order.
        var edges: [Int32]
    }

    /// A path as node rows and the edge rows between them.
    struct PathRows {
        let nodes: [Int32]
        let edges: [Int32]
    }

    let graph: Graph
    /// The adjacency arrays, taken once for the inner loops.
    let adjacency: AdjacencyView
    let source: Int32
    let target: Int32
    private let mask: [Bool]?
    /// Which edges a walk from the source follows, and which the search from the target follows.
    private let forward: Direction
    private let backward: Direction
    /// Steps of every shortest path; `nil` when the target cannot be reached.
    private(set) var length: Int?
    /// Where the balls touched: the position of the touching nodes on every shortest path.
    private var meet = 0
    /// Nodes on a shortest path at positions `0...meet`, with their position.
    private var onPath: NodeMap
    /// Nodes within the target ball, with their distance to the target.
    private var toTarget: NodeMap

    init(graph: Graph, source: Int32, target: Int32, relationMask mask: [Bool]?, undirected: Bool) {
        self.graph = graph
        self.adjacency = AdjacencyView(graph, relationMask: mask)
        self.source = source
        self.target = target
        self.mask = mask
        self.forward = undirected ? .both : .out
        self.backward = undirected ? .both : .in
        let n = graph.nodeCount
        onPath = NodeMap(nodeCount: n)
        toTarget = NodeMap(nodeCount: n)
        toTarget.insert(target, 0)
        if source == target {
            onPath.insert(source, 0)
            length = 0
            return
        }
        var fromSource = NodeMap(nodeCount: n)
        fromSource.insert(source, 0)
        var sourceLayers: [[Int32]] = [[source]]
        var sourceFrontier: [Int32] = [source]
        var targetFrontier: [Int32] = [target]
        var targetRadius = 0
        var touching: [Int32] = []
        while touching.isEmpty {
            if sourceFrontier.isEmpty || targetFrontier.isEmpty { return }
            var next: [Int32] = []
            if cost(of: sourceFrontier, direction: forward) <= cost(of: targetFrontier, direction: backward) {
                let level = Int32(sourceLayers.count)
                for u in sourceFrontier {
                    adjacency.forEach(u, forward) { _, v in
                        if fromSource.insert(v, level) {
                            next.append(v)
                            if toTarget.contains(v) { touching.append(v) }
                        }
                    }
                }
                sourceLayers.append(next)
                sourceFrontier = next
            } else {
                let level = Int32(targetRadius + 1)
                for u in targetFrontier {
                    adjacency.forEach(u, backward) { _, v in
                        if toTarget.insert(v, level) {
                            next.append(v)
                            if fromSource.contains(v) { touching.append(v) }
                        }
                    }
                }
                targetRadius += 1
                targetFrontier = next
            }
        }
        meet = sourceLayers.count - 1
        length = meet + targetRadius
        // Keep the source-side nodes that lead to a touching node, layer by layer backwards.
        for v in touching { onPath.insert(v, Int32(meet)) }
        for position in stride(from: meet - 1, through: 0, by: -1) {
            let nextPosition = Int32(position + 1)
            for u in sourceLayers[position] {
                var leads = false
                adjacency.forEach(u, forward) { _, v in
                    if !leads, onPath[v] == nextPosition { leads = true }
                }
                if leads { onPath.insert(u, Int32(position)) }
            }
        }
    }

    /// Edge visits needed to expand `frontier`.
    private func cost(of frontier: [Int32], direction: Direction) -> Int {
        var total = 0
        for u in frontier {
            total += adjacency.degree(u, direction)
        }
        return total
    }

    /// Whether `v` is the node at `position` of some shortest path that reached it from a node
    /// at `position - 1` of a shortest path.
    private func isOnPath(_ v: Int32, at position: Int) -> Bool {
        guard let length else { return false }
        if position <= meet { return onPath[v] == Int32(position) }
        return toTarget[v] == Int32(length - position)
    }

    /// The steps from `u`, the node at `position` of a shortest path, to the next node of one;
    /// sorted by the next node's id when `sorted` (edges are always in file order).
    func steps(from u: Int32, at position: Int, sorted: Bool = true) -> [Step] {
        // Locals, so that the closures below capture these few values, not a copy of the whole
        // search (which retained every array of it per call and dominated path walks).
        guard let length else { return [] }
        let next = position + 1
        let onPath = self.onPath, toTarget = self.toTarget, meet = self.meet
        let wanted = Int32(next <= meet ? next : length - next)
        let useSourceSide = next <= meet
        var found: [(node: Int32, edge: Int32)] = []
        adjacency.forEach(u, forward) { e, v in
            if (useSourceSide ? onPath[v] : toTarget[v]) == wanted { found.append((v, e)) }
        }
        if sorted {
            let ids = graph.nodeTable.ids
            found.sort { a, b in
                a.node == b.node ? a.edge < b.edge : ids[Int(a.node)] < ids[Int(b.node)]
            }
        } else {
            found.sort { a, b in a.node == b.node ? a.edge < b.edge : a.node < b.node }
        }
        var steps: [Step] = []
        for (node, edge) in found {
            if let last = steps.last, last.node == node {
                steps[steps.count - 1].edges.append(edge)
            } else {
                steps.append(Step(node: node, edges: [edge]))
            }
        }
        return steps
    }
}
