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
/// The sweep takes each layer from whichever side costs fewer edge visits: the out-edges of the
/// whole layer, or the in-edges of the nodes already kept one layer further on (usually a handful;
/// on a long chain of references this side is far cheaper).
///
/// Work is proportional to the two balls, not to the graph: the visited arrays are borrowed
/// cleared from the graph (see ``SearchScratch``) and only the touched slots are reset.
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
    /// Which edges a walk from the source follows, and which the search from the target follows.
    private let forward: Direction
    private let backward: Direction
    /// Steps of every shortest path; `nil` when the target cannot be reached.
    private(set) var length: Int?
    /// Where the balls touched: the position of the touching nodes on every shortest path.
    private var meet = 0
    /// One slot per node (borrowed from the graph, see ``SearchScratch``), for the nodes within
    /// the source ball: their distance from the source times two, plus one when they are on a
    /// shortest path; `SearchScratch.empty` elsewhere.
    private var fromSource: [Int32]
    /// Likewise, the distance to the target of the nodes within the target ball.
    private var toTarget: [Int32]
    /// The nodes of either ball, to reset their slots.
    private var sourceNodes: [Int32] = []
    private var targetNodes: [Int32] = []

    init(graph: Graph, source: Int32, target: Int32, relationMask mask: [Bool]?, undirected: Bool) {
        self.graph = graph
        self.adjacency = AdjacencyView(graph, relationMask: mask)
        self.source = source
        self.target = target
        self.forward = undirected ? .both : .out
        self.backward = undirected ? .both : .in
        fromSource = graph.scratch.take()
        toTarget = graph.scratch.take()
        let balls = ShortestPathBalls(source: source, target: target, adjacency: adjacency, forward: forward,
                                      backward: backward, fromSource: &fromSource, toTarget: &toTarget)
        sourceNodes = balls.sourceNodes
        targetNodes = balls.targetNodes
        meet = balls.meet
        length = balls.length
    }

    /// Gives the search's arrays back to the graph for the next search; call it once the paths
    /// have been taken.
    mutating func recycle() {
        guard !fromSource.isEmpty else { return }
        var slots = fromSource
        fromSource = []
        for v in sourceNodes { slots[Int(v)] = SearchScratch.empty }
        graph.scratch.give(slots)
        slots = toTarget
        toTarget = []
        for v in targetNodes { slots[Int(v)] = SearchScratch.empty }
        graph.scratch.give(slots)
    }

    /// The value `fromSource` holds for a node at `position` of a shortest path.
    @inline(__always)
    private static func onPath(_ position: Int) -> Int32 { ShortestPathBalls.onPath(position) }

    /// The first of ``steps(from:at:sorted:)``, found without listing them: the next node with
    /// the smallest id, by its first edge in file order. A path takes one step per position, so
    /// this is the whole of ``firstPath()``'s work and allocates nothing.
    func firstStep(from u: Int32, at position: Int) -> (node: Int32, edge: Int32)? {
        guard let length else { return nil }
        let next = position + 1
        let fromSource = self.fromSource, toTarget = self.toTarget, ids = graph.nodeTable.ids
        let useSourceSide = next <= meet
        let wanted = useSourceSide ? Self.onPath(next) : Int32(length - next)
        var best: (node: Int32, edge: Int32)?
        adjacency.forEach(u, forward) { e, v in
            guard (useSourceSide ? fromSource[Int(v)] : toTarget[Int(v)]) == wanted else { return }
            guard let current = best else {
                best = (v, e)
                return
            }
            if v == current.node ? e < current.edge : ids[Int(v)] < ids[Int(current.node)] { best = (v, e) }
        }
        return best
    }

    /// The steps from `u`, the node at `position` of a shortest path, to the next node of one;
    /// sorted by the next node's id when `sorted` (edges are always in file order).
    func steps(from u: Int32, at position: Int, sorted: Bool = true) -> [Step] {
        // Locals, so that the closures below capture these few values, not a copy of the whole
        // search (which retained every array of it per call and dominated path walks).
        guard let length else { return [] }
        let next = position + 1
        let fromSource = self.fromSource, toTarget = self.toTarget, meet = self.meet
        let useSourceSide = next <= meet
        let wanted = useSourceSide ? Self.onPath(next) : Int32(length - next)
        var found: [(node: Int32, edge: Int32)] = []
        adjacency.forEach(u, forward) { e, v in
            if (useSourceSide ? fromSource[Int(v)] : toTarget[Int(v)]) == wanted { found.append((v, e)) }
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
