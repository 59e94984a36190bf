/// The two balls of a shortest-path search, grown on raw arrays: the part of
/// ``ShortestPathSearch`` that visits edges, where the time goes.
///
/// `fromSource` and `toTarget` are arrays of one slot per node, `SearchScratch.empty` where a
/// node is unvisited (borrowed from the graph, so they come cleared). The source ball's nodes are
/// appended to `sourceNodes` layer by layer (layer `k` is `sourceNodes[layerStarts[k]..<
/// layerStarts[k + 1]]`) and the target ball's to `targetNodes`: the lists are the layers, and
/// also say which slots to reset afterwards.
struct ShortestPathBalls {
    private(set) var sourceNodes: [Int32] = []
    private(set) var targetNodes: [Int32] = []
    /// The position of the touching nodes on every shortest path.
    private(set) var meet = 0
    /// Steps of every shortest path; `nil` when the target cannot be reached.
    private(set) var length: Int?

    /// The value `fromSource` holds for a node at `position` of a shortest path (a node at
    /// distance `d` from the source that is not, or not yet, known to be on one holds `2d`).
    @inline(__always)
    static func onPath(_ position: Int) -> Int32 { Int32(position) << 1 | 1 }

    /// Grows both balls until they touch, then marks the source-side nodes on a shortest path
    /// (see ``ShortestPathSearch`` for why this finds every one of them).
    init(source: Int32, target: Int32, adjacency: AdjacencyView, forward: Direction, backward: Direction,
         fromSource: inout [Int32], toTarget: inout [Int32]) {
        let empty = SearchScratch.empty
        var sourceNodes: [Int32] = [source]
        var targetNodes: [Int32] = [target]
        var meet = 0
        var length: Int?
        fromSource.withUnsafeMutableBufferPointer { fs in
            toTarget.withUnsafeMutableBufferPointer { tt in
                adjacency.withPointers { adj in
                    tt[Int(target)] = 0
                    if source == target {
                        fs[Int(source)] = Self.onPath(0)
                        length = 0
                        return
                    }
                    fs[Int(source)] = 0
                    var layerStarts = [0, 1]
                    var targetStart = 0
                    // Edge visits to expand each source layer and the target frontier: summed
                    // once per frontier, just before it is weighed (and most likely expanded, so
                    // the offsets read here are in the cache for it), never for one that is not.
                    var layerCosts: [Int] = []
                    var targetCost: Int?
                    var targetRadius = 0
                    var touching: [Int32] = []
                    while touching.isEmpty {
                        let start = layerStarts[layerStarts.count - 2], end = layerStarts[layerStarts.count - 1]
                        if start == end || targetStart == targetNodes.count { return }
                        if layerCosts.count < layerStarts.count - 1 {
                            var total = 0
                            for i in start..<end { total += adj.degree(sourceNodes[i], forward) }
                            layerCosts.append(total)
                        }
                        let backwardCost = targetCost ?? {
                            var total = 0
                            for i in targetStart..<targetNodes.count { total += adj.degree(targetNodes[i], backward) }
                            return total
                        }()
                        targetCost = backwardCost
                        if layerCosts[layerCosts.count - 1] <= backwardCost {
                            let level = Int32(layerStarts.count - 1) << 1
                            for i in start..<end {
                                adj.forEachNeighbor(sourceNodes[i], forward) { v in
                                    guard fs[Int(v)] == empty else { return }
                                    fs[Int(v)] = level
                                    sourceNodes.append(v)
                                    if tt[Int(v)] != empty { touching.append(v) }
                                }
                            }
                            layerStarts.append(sourceNodes.count)
                        } else {
                            let level = Int32(targetRadius + 1)
                            let frontierEnd = targetNodes.count
                            for i in targetStart..<frontierEnd {
                                adj.forEachNeighbor(targetNodes[i], backward) { v in
                                    guard tt[Int(v)] == empty else { return }
                                    tt[Int(v)] = level
                                    targetNodes.append(v)
                                    if fs[Int(v)] != empty { touching.append(v) }
                                }
                            }
                            targetStart = frontierEnd
                            targetRadius += 1
                            targetCost = nil
                        }
                    }
                    meet = layerStarts.count - 2
                    length = meet + targetRadius
                    // Keep the source-side nodes that lead to a touching node, layer by layer
                    // backwards: from the out-edges of the whole layer, or from the in-edges of the
                    // nodes kept one layer further on when those are fewer (usually a handful).
                    for v in touching { fs[Int(v)] = Self.onPath(meet) }
                    var kept = touching
                    var found: [Int32] = []
                    for position in stride(from: meet - 1, through: 0, by: -1) {
                        let here = Int32(position) << 1, nextKept = Self.onPath(position + 1)
                        found.removeAll(keepingCapacity: true)
                        var keptCost = 0
                        for v in kept { keptCost += adj.degree(v, backward) }
                        if keptCost < layerCosts[position] {
                            for v in kept {
                                adj.forEachNeighbor(v, backward) { u in
                                    guard fs[Int(u)] == here else { return }
                                    fs[Int(u)] = here | 1
                                    found.append(u)
                                }
                            }
                        } else {
                            for i in layerStarts[position]..<layerStarts[position + 1] {
                                let u = sourceNodes[i]
                                if adj.anyNeighbor(u, forward, { fs[Int($0)] == nextKept }) {
                                    fs[Int(u)] = here | 1
                                    found.append(u)
                                }
                            }
                        }
                        swap(&kept, &found)
                    }
                }
            }
        }
        self.sourceNodes = sourceNodes
        self.targetNodes = targetNodes
        self.meet = meet
        self.length = length
    }
}
