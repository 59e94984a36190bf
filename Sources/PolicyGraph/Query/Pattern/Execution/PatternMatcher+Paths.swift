/// Variable-length relationships: a depth-first walk per anchor that never reuses an edge.
extension PatternMatcher {
    /// One node on the current trail of a path walk, with the edges still to try from it.
    private struct WalkLevel {
        let node: Int32
        var cursor: EdgeCursor
        var outgoing: Bool
    }

    private static let shortTrail = 16

    /// A variable-length relationship: a depth-first walk that never reuses an edge (of the path
    /// or of the clause), binding the end node (or checking it, `into`) at every allowed length.
    /// Iterative, with the trail on the heap, so that a long path cannot exhaust the stack.
    mutating func walkPath<S: MatchSink>(_ ri: Int, forward: Bool, into: Bool, _ k: Int, _ sink: inout S) throws(QueryError) {
        let r = query.relationships[ri]
        let arrays = self.arrays
        let anchor = frame.nodes[forward ? r.from : r.to]
        let firstDirection = r.directed ? forward : true
        stacks[ri].removeAll(keepingCapacity: true)
        trailSets[ri].removeAll(keepingCapacity: true)
        var levels: [WalkLevel] = []
        if try arrive(at: anchor, ri, forward: forward, into: into, k, &sink) {
            levels.append(WalkLevel(node: anchor, cursor: EdgeCursor(arrays, node: anchor, outgoing: firstDirection, relations: r.relations),
                                    outgoing: firstDirection))
        }
        while let top = levels.indices.last {
            guard let (e, other) = levels[top].cursor.next() else {
                // An undirected walk tries the in-edges after the out-edges.
                if !r.directed, levels[top].outgoing {
                    levels[top].outgoing = false
                    levels[top].cursor = EdgeCursor(arrays, node: levels[top].node, outgoing: false, relations: r.relations)
                    continue
                }
                levels.removeLast()
                if !stacks[ri].isEmpty { pop(ri) }
                continue
            }
            try tick()
            let outgoing = levels[top].outgoing
            let current = levels[top].node
            if !r.directed, !outgoing, other == current { continue }
            guard r.filters.isEmpty || r.accepts(e, in: graph), !onTrail(e, ri), isUnique(e, k) else { continue }
            push(e, ri)
            if try arrive(at: other, ri, forward: forward, into: into, k, &sink) {
                levels.append(WalkLevel(node: other, cursor: EdgeCursor(arrays, node: other, outgoing: firstDirection, relations: r.relations),
                                        outgoing: firstDirection))
            } else {
                pop(ri)
            }
        }
    }

    /// The walk reached `node` over the edges in `stacks[ri]`: matches the rest of the pattern
    /// if the length allows, and says whether the walk may go on from here.
    private mutating func arrive<S: MatchSink>(at node: Int32, _ ri: Int, forward: Bool, into: Bool,
                                               _ k: Int, _ sink: inout S) throws(QueryError) -> Bool {
        let r = query.relationships[ri]
        guard let length = r.length else { return false }
        let depth = stacks[ri].count
        let target = forward ? r.to : r.from
        if depth >= length.min {
            let ok = into ? frame.nodes[target] == node : accepts(target, node)
            if ok {
                if !into { frame.nodes[target] = node }
                // The path lists its edges from the node written on the left.
                if recordsPath[ri] { frame.paths[ri] = forward == r.fromIsLeft ? stacks[ri] : stacks[ri].reversed() }
                if try passes(k) { try step(k + 1, &sink) }
            }
        }
        return length.max.map { depth < $0 } ?? true
    }

    @inline(__always)
    private func onTrail(_ e: Int32, _ ri: Int) -> Bool {
        stacks[ri].count > Self.shortTrail ? trailSets[ri].contains(e) : stacks[ri].contains(e)
    }

    private mutating func push(_ e: Int32, _ ri: Int) {
        stacks[ri].append(e)
        if stacks[ri].count == Self.shortTrail + 1 {
            trailSets[ri] = Set(stacks[ri])
        } else if stacks[ri].count > Self.shortTrail + 1 {
            trailSets[ri].insert(e)
        }
    }

    private mutating func pop(_ ri: Int) {
        let e = stacks[ri].removeLast()
        if stacks[ri].count == Self.shortTrail {
            trailSets[ri].removeAll(keepingCapacity: true)
        } else if stacks[ri].count > Self.shortTrail {
            trailSets[ri].remove(e)
        }
    }
}
