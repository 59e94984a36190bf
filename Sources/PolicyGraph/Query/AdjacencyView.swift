/// The graph's adjacency arrays held as local constants for a search's inner loops.
///
/// Going through `Graph.forEachStep` costs a reference-count round trip per call on a graph this
/// big a struct, which dominated shortest-path searches; a search takes this view once and walks
/// plain arrays.
struct AdjacencyView {
    let outOffsets: [Int32]
    let outItems: [Int32]
    let outEnds: [Int32]
    let inOffsets: [Int32]
    let inItems: [Int32]
    let inEnds: [Int32]
    let relations: [UInt16]
    /// Per relation index: whether edges of it are followed; `nil` for all.
    let mask: [Bool]?

    init(_ graph: Graph, relationMask: [Bool]?) {
        outOffsets = graph.outgoing.offsets
        outItems = graph.outgoing.items
        outEnds = graph.outgoing.ends
        inOffsets = graph.incoming.offsets
        inItems = graph.incoming.items
        inEnds = graph.incoming.ends
        relations = graph.edgeTable.relations
        mask = relationMask
    }

    /// Calls `body(edge, otherEnd)` for each edge at `node` in `direction` that the mask keeps,
    /// out-edges first, each group in adjacency order (as `Graph.forEachStep`).
    @inline(__always)
    func forEach(_ node: Int32, _ direction: Direction, _ body: (Int32, Int32) -> Void) {
        let u = Int(node)
        if direction != .in {
            for k in Int(outOffsets[u])..<Int(outOffsets[u + 1]) {
                let e = outItems[k]
                if let mask, !mask[Int(relations[Int(e)])] { continue }
                body(e, outEnds[k])
            }
        }
        if direction != .out {
            for k in Int(inOffsets[u])..<Int(inOffsets[u + 1]) {
                let e = inItems[k]
                if let mask, !mask[Int(relations[Int(e)])] { continue }
                body(e, inEnds[k])
            }
        }
    }

    /// Edge visits needed to expand `node` in `direction` (before the mask).
    @inline(__always)
    func degree(_ node: Int32, _ direction: Direction) -> Int {
        let u = Int(node)
        var total = 0
        if direction != .in { total += Int(outOffsets[u + 1] - outOffsets[u]) }
        if direction != .out { total += Int(inOffsets[u + 1] - inOffsets[u]) }
        return total
    }
}

/// The adjacency arrays as buffer pointers, for the innermost loops of a search: no bounds or
/// uniqueness checks and no reference counting per step. Valid only inside
/// ``AdjacencyView/withPointers(_:)``.
struct AdjacencyPointers {
    let outOffsets: UnsafeBufferPointer<Int32>
    let outEnds: UnsafeBufferPointer<Int32>
    let outItems: UnsafeBufferPointer<Int32>
    let inOffsets: UnsafeBufferPointer<Int32>
    let inEnds: UnsafeBufferPointer<Int32>
    let inItems: UnsafeBufferPointer<Int32>
    let relations: UnsafeBufferPointer<UInt16>
    /// Per relation index, whether it is followed; empty when every relation is.
    let mask: UnsafeBufferPointer<Bool>

    @inline(__always)
    private func keeps(_ edge: Int32) -> Bool { mask.isEmpty || mask[Int(relations[Int(edge)])] }

    /// Calls `body(otherEnd)` for each edge at `node` in `direction` that the mask keeps, in the
    /// order of ``AdjacencyView/forEach(_:_:_:)``.
    @inline(__always)
    func forEachNeighbor(_ node: Int32, _ direction: Direction, _ body: (Int32) -> Void) {
        let u = Int(node)
        if direction != .in {
            for k in Int(outOffsets[u])..<Int(outOffsets[u + 1]) where keeps(outItems[k]) { body(outEnds[k]) }
        }
        if direction != .out {
            for k in Int(inOffsets[u])..<Int(inOffsets[u + 1]) where keeps(inItems[k]) { body(inEnds[k]) }
        }
    }

    /// Whether some edge at `node` in `direction` that the mask keeps leads to a node that
    /// satisfies `test`; stops at the first.
    @inline(__always)
    func anyNeighbor(_ node: Int32, _ direction: Direction, _ test: (Int32) -> Bool) -> Bool {
        let u = Int(node)
        if direction != .in {
            for k in Int(outOffsets[u])..<Int(outOffsets[u + 1]) where keeps(outItems[k]) && test(outEnds[k]) { return true }
        }
        if direction != .out {
            for k in Int(inOffsets[u])..<Int(inOffsets[u + 1]) where keeps(inItems[k]) && test(inEnds[k]) { return true }
        }
        return false
    }

    /// Edge visits needed to expand `node` in `direction` (before the mask).
    @inline(__always)
    func degree(_ node: Int32, _ direction: Direction) -> Int {
        let u = Int(node)
        var total = 0
        if direction != .in { total += Int(outOffsets[u + 1] &- outOffsets[u]) }
        if direction != .out { total += Int(inOffsets[u + 1] &- inOffsets[u]) }
        return total
    }
}

extension AdjacencyView {
    /// Runs `body` with the arrays as buffer pointers.
    func withPointers<R>(_ body: (AdjacencyPointers) -> R) -> R {
        outOffsets.withUnsafeBufferPointer { outOffsets in
            outEnds.withUnsafeBufferPointer { outEnds in
                outItems.withUnsafeBufferPointer { outItems in
                    inOffsets.withUnsafeBufferPointer { inOffsets in
                        inEnds.withUnsafeBufferPointer { inEnds in
                            inItems.withUnsafeBufferPointer { inItems in
                                relations.withUnsafeBufferPointer { relations in
                                    (mask ?? []).withUnsafeBufferPointer { mask in
                                        body(AdjacencyPointers(
                                            outOffsets: outOffsets, outEnds: outEnds, outItems: outItems,
                                            inOffsets: inOffsets, inEnds: inEnds, inItems: inItems,
                                            relations: relations, mask: mask))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
