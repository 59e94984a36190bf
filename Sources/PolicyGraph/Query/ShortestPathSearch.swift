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
    /// Which edges a walk from the source follows, and which the search from the target follows.
    private let forward: Direction
    private let backward: Direction
    /// Steps of every shortest path; `nil` when the target cannot be reached.
    private(set) var length: Int?
    /// Where the balls touched: the position of the touching nodes on every shortest path.
    private var meet = 0
    /// Nodes within the source ball: their distance from the source times two, plus one when
    /// they are on a shortest path (one map instead of two: a search clears fewer slots).
    private var fromSource: NodeMap
    /// Nodes within the target ball, with their distance to the target.
    private var toTarget: NodeMap

    init(graph: Graph, source: Int32, target: Int32, relationMask mask: [Bool]?, undirected: Bool) {
        self.graph = graph
        self.adjacency = AdjacencyView(graph, relationMask: mask)
        self.source = source
        self.target = target
        self.forward = undirected ? .both : .out
        self.backward = undirected ? .both : .in
        fromSource = NodeMap(borrowingFrom: graph.scratch)
        toTarget = NodeMap(borrowingFrom: graph.scratch)
        toTarget.insert(target, 0)
        if source == target {
            fromSource.insert(source, Self.onPath(0))
            length = 0
            return
        }
        fromSource.insert(source, 0)
        let adjacency = self.adjacency, forward = self.forward, backward = self.backward
        var sourceLayers: [[Int32]] = [[source]]
        // Edge visits to expand each source layer, and the target frontier: summed once, as a
        // layer is found, instead of again before every expansion.
        var layerCosts = [adjacency.degree(source, forward)]
        var targetFrontier: [Int32] = [target]
        var targetCost = adjacency.degree(target, backward)
        var targetRadius = 0
        var touching: [Int32] = []
        while touching.isEmpty {
            let sourceFrontier = sourceLayers[sourceLayers.count - 1]
            if sourceFrontier.isEmpty || targetFrontier.isEmpty { return }
            var next: [Int32] = []
            var nextCost = 0
            if layerCosts[layerCosts.count - 1] <= targetCost {
                let level = Int32(sourceLayers.count) << 1
                for u in sourceFrontier {
                    adjacency.forEach(u, forward) { _, v in
                        if fromSource.insert(v, level) {
                            next.append(v)
                            nextCost += adjacency.degree(v, forward)
                            if toTarget.contains(v) { touching.append(v) }
                        }
                    }
                }
                sourceLayers.append(next)
                layerCosts.append(nextCost)
            } else {
                let level = Int32(targetRadius + 1)
                for u in targetFrontier {
                    adjacency.forEach(u, backward) { _, v in
                        if toTarget.insert(v, level) {
                            next.append(v)
                            nextCost += adjacency.degree(v, backward)
                            if fromSource.contains(v) { touching.append(v) }
                        }
                    }
                }
                targetRadius += 1
                targetFrontier = next
                targetCost = nextCost
            }
        }
        meet = sourceLayers.count - 1
        length = meet + targetRadius
        // Keep the source-side nodes that lead to a touching node, layer by layer backwards.
        for v in touching { fromSource.update(v, Self.onPath(meet)) }
        var kept = touching
        for position in stride(from: meet - 1, through: 0, by: -1) {
            let here = Int32(position) << 1, nextKept = Self.onPath(position + 1)
            var found: [Int32] = []
            var backwardCost = 0
            for v in kept { backwardCost += adjacency.degree(v, backward) }
            if backwardCost < layerCosts[position] {
                for v in kept {
                    adjacency.forEach(v, backward) { _, u in
                        if fromSource[u] == here {
                            fromSource.update(u, here | 1)
                            found.append(u)
                        }
                    }
                }
            } else {
                for u in sourceLayers[position] {
                    var leads = false
                    adjacency.forEach(u, forward) { _, v in
                        if !leads, fromSource[v] == nextKept { leads = true }
                    }
                    if leads {
                        fromSource.update(u, here | 1)
                        found.append(u)
                    }
                }
            }
            kept = found
        }
    }

    /// Gives the search's arrays back to the graph for the next search; call it once the paths
    /// have been taken.
    mutating func recycle() {
        fromSource.recycle(into: graph.scratch)
        toTarget.recycle(into: graph.scratch)
    }

    /// The value `fromSource` holds for a node at `position` of a shortest path.
    @inline(__always)
    private static func onPath(_ position: Int) -> Int32 { Int32(position) << 1 | 1 }

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
            if (useSourceSide ? fromSource[v] : toTarget[v]) == wanted { found.append((v, e)) }
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
