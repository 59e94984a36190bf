/// The graph's adjacency arrays held as local constants for a search's inner loops.
///
/// Going through `Graph.forEachStep` costs a reference-count round trip per call on a graph this
/// big a struct, which dominated shortest-path searches; a search takes this view once and walks
/// plain arrays.
struct AdjacencyView {
    let outgoing: CSRIndex
    let incoming: CSRIndex
    /// Per relation index: whether edges of it are followed; `nil` for all.
    let mask: [Bool]?

    init(_ graph: Graph, relationMask: [Bool]?) {
        outgoing = graph.outgoing
        incoming = graph.incoming
        mask = relationMask
    }

    /// Calls `body(edge, otherEnd)` for each edge at `node` in `direction` that the mask keeps,
    /// out-edges first, each group in adjacency order (as `Graph.forEachStep`).
    @inline(__always)
    func forEach(_ node: Int32, _ direction: Direction, _ body: (Int32, Int32) -> Void) {
        let u = Int(node)
        if direction != .in {
            for k in outgoing.range(u) {
                if let mask, !mask[Int(outgoing.relations[k])] { continue }
                body(outgoing.items[k], outgoing.ends[k])
            }
        }
        if direction != .out {
            for k in incoming.range(u) {
                if let mask, !mask[Int(incoming.relations[k])] { continue }
                body(incoming.items[k], incoming.ends[k])
            }
        }
    }
}

/// Both directions of the adjacency as buffer pointers (see ``AdjacencyRuns``), with the
/// relation mask of a search, for its innermost loops: no bounds or uniqueness checks and no
/// reference counting per step. Valid only inside ``AdjacencyView/withPointers(_:)``.
struct AdjacencyPointers {
    let out: AdjacencyRuns
    let `in`: AdjacencyRuns
    /// Per relation index, whether it is followed; empty when every relation is.
    let mask: UnsafeBufferPointer<Bool>

    /// Calls `body(otherEnd)` for each edge at `node` in `direction` that the mask keeps, in the
    /// order of ``AdjacencyView/forEach(_:_:_:)``. Without a mask, the relations are not read.
    @inline(__always)
    func forEachNeighbor(_ node: Int32, _ direction: Direction, _ body: (Int32) -> Void) {
        if mask.isEmpty {
            if direction != .in { for k in out.slots(of: node) { body(out.ends[k]) } }
            if direction != .out { for k in self.in.slots(of: node) { body(self.in.ends[k]) } }
            return
        }
        if direction != .in {
            for k in out.slots(of: node) where mask[Int(out.relations[k])] { body(out.ends[k]) }
        }
        if direction != .out {
            for k in self.in.slots(of: node) where mask[Int(self.in.relations[k])] { body(self.in.ends[k]) }
        }
    }

    /// Whether some edge at `node` in `direction` that the mask keeps leads to a node that
    /// satisfies `test`; stops at the first.
    @inline(__always)
    func anyNeighbor(_ node: Int32, _ direction: Direction, _ test: (Int32) -> Bool) -> Bool {
        let all = mask.isEmpty
        if direction != .in {
            for k in out.slots(of: node) where (all || mask[Int(out.relations[k])]) && test(out.ends[k]) { return true }
        }
        if direction != .out {
            for k in self.in.slots(of: node) where (all || mask[Int(self.in.relations[k])]) && test(self.in.ends[k]) {
                return true
            }
        }
        return false
    }

    /// Edge visits needed to expand `node` in `direction` (before the mask).
    @inline(__always)
    func degree(_ node: Int32, _ direction: Direction) -> Int {
        var total = 0
        if direction != .in { total += out.slots(of: node).count }
        if direction != .out { total += self.in.slots(of: node).count }
        return total
    }
}

extension AdjacencyView {
    /// Runs `body` with the arrays as buffer pointers.
    func withPointers<R>(_ body: (AdjacencyPointers) -> R) -> R {
        AdjacencyRuns.with(outgoing) { out in
            AdjacencyRuns.with(incoming) { into in
                (mask ?? []).withUnsafeBufferPointer { mask in
                    body(AdjacencyPointers(out: out, in: into, mask: mask))
                }
            }
        }
    }
}
