/// Edge ranges of one node for one relation: a node's adjacency in the CSR indices is sorted by
/// relation, so the edges of a relation are a binary search away and are scanned without
/// looking at the node's other edges.
extension MatchArrays {
    /// The edge rows at a node in one direction (`items(outgoing:)[range]`).
    @inline(__always)
    func items(outgoing: Bool) -> UnsafeBufferPointer<Int32> { outgoing ? outItems : inItems }

    /// Edge row → the end away from the node whose adjacency lists it.
    @inline(__always)
    func ends(outgoing: Bool) -> UnsafeBufferPointer<Int32> { outgoing ? to : from }

    /// Positions in `items(outgoing:)` of every edge at `node`.
    @inline(__always)
    func edges(at node: Int32, outgoing: Bool) -> Range<Int> {
        let offsets = outgoing ? outOffsets : inOffsets
        return Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])
    }

    /// Positions of the edges of relation `relation` at `node`: one run.
    ///
    /// Each probe reads the relation of an edge row, a random read into a big array. A binary
    /// search makes its probes one after the other, each waiting for the last; at a node of
    /// a few dozen edges, reading every edge's relation at once (the reads do not depend on each
    /// other, so the processor overlaps them) and counting those before and at `relation` is
    /// several times faster. Hubs get the binary search.
    @inline(__always)
    func edges(at node: Int32, outgoing: Bool, relation: Int) -> Range<Int> {
        let all = edges(at: node, outgoing: outgoing)
        let items = self.items(outgoing: outgoing)
        let r = UInt16(truncatingIfNeeded: relation)
        if all.count <= Self.scannedDegree {
            var before = 0, at = 0
            for k in all {
                let x = relations[Int(items[k])]
                before &+= x < r ? 1 : 0
                at &+= x == r ? 1 : 0
            }
            return (all.lowerBound + before)..<(all.lowerBound + before + at)
        }
        var low = all.lowerBound, high = all.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if relations[Int(items[mid])] < r { low = mid + 1 } else { high = mid }
        }
        var end = low
        high = all.upperBound
        while end < high {
            let mid = (end + high) >> 1
            if relations[Int(items[mid])] <= r { end = mid + 1 } else { high = mid }
        }
        return low..<end
    }

    /// Up to this degree, a node's relation runs are found by reading every edge's relation.
    static let scannedDegree = 48

    /// Positions of the edges at `node` of relation `relation` as an ``EdgeShape`` gives it:
    /// one relation, any (-1), or several (-2, `list`), passed run by run to `body`.
    @inline(__always)
    func forEachRun(at node: Int32, outgoing: Bool, relation: Int, list: [Int]?,
                    _ body: (Range<Int>) throws(QueryError) -> Void) throws(QueryError) {
        switch relation {
        case EdgeShape.anyRelation: try body(edges(at: node, outgoing: outgoing))
        case EdgeShape.severalRelations: for r in list ?? [] { try body(edges(at: node, outgoing: outgoing, relation: r)) }
        default: try body(edges(at: node, outgoing: outgoing, relation: relation))
        }
    }

    /// Calls `body(edge, otherEnd)` for each edge at `node` in one direction with the relation
    /// an ``EdgeShape`` gives (one, any, or several in `list`), in adjacency order. At a node of
    /// a few dozen edges, each edge's relation is read together with its far end in one pass
    /// (the reads overlap) instead of finding the run first and then reading the far ends.
    @inline(__always)
    func forEachEdge(at node: Int32, outgoing: Bool, relation: Int, list: [Int]?,
                     _ body: (Int32, Int32) throws(QueryError) -> Void) throws(QueryError) {
        let items = self.items(outgoing: outgoing), ends = self.ends(outgoing: outgoing)
        if relation >= 0 {
            let all = edges(at: node, outgoing: outgoing)
            if all.count <= Self.scannedDegree {
                let r = UInt16(truncatingIfNeeded: relation)
                for k in all {
                    let e = items[k]
                    let same = relations[Int(e)] == r
                    let other = ends[Int(e)]
                    if same { try body(e, other) }
                }
                return
            }
        }
        try forEachRun(at: node, outgoing: outgoing, relation: relation, list: list) { (range) throws(QueryError) in
            for k in range {
                let e = items[k]
                try body(e, ends[Int(e)])
            }
        }
    }

    /// Calls `body(edge, otherEnd)` for every edge at `node` of the allowed `relations` (all when
    /// `nil`): out-edges when `outgoing`, else in-edges. With `skipLoops`, a self-loop is left
    /// out (an undirected walk meets it in the out-edges already).
    @inline(__always)
    func forEachEdge(at node: Int32, outgoing: Bool, relations: [Int]?, skipLoops: Bool = false,
                     _ body: (Int32, Int32) throws(QueryError) -> Void) throws(QueryError) {
        let items = self.items(outgoing: outgoing), ends = self.ends(outgoing: outgoing)
        func visit(_ range: Range<Int>) throws(QueryError) {
            for i in range {
                let e = items[i]
                let other = ends[Int(e)]
                if skipLoops, other == node { continue }
                try body(e, other)
            }
        }
        if let relations {
            for r in relations { try visit(edges(at: node, outgoing: outgoing, relation: r)) }
        } else {
            try visit(edges(at: node, outgoing: outgoing))
        }
    }

    /// How many edges `forEachEdge(at:outgoing:relations:)` would visit. O(log degree) per relation.
    func edgeCount(at node: Int32, outgoing: Bool, relations: [Int]?) -> Int {
        guard let relations else { return edges(at: node, outgoing: outgoing).count }
        var total = 0
        for r in relations { total += edges(at: node, outgoing: outgoing, relation: r).count }
        return total
    }
}

/// A relationship slot in the form the inner loops read: plain values, nothing to retain.
struct EdgeShape {
    static let anyRelation = -1
    static let severalRelations = -2
    /// The one relation its edges have, ``anyRelation``, or ``severalRelations`` (the slot's list).
    let relation: Int
    let from: Int
    let to: Int
    let directed: Bool
    /// Whether edges must pass the slot's property filters too.
    let filtered: Bool
    /// Whether it is a variable-length relationship (a path).
    let isPath: Bool

    init(_ slot: RelationshipSlot) {
        if let relations = slot.relations {
            relation = relations.count == 1 ? relations[0] : Self.severalRelations
        } else {
            relation = Self.anyRelation
        }
        from = slot.from
        to = slot.to
        directed = slot.directed
        filtered = !slot.filters.isEmpty
        isPath = slot.isPath
    }
}

/// Walks the edges at a node in one direction with the relation an ``EdgeShape`` gives (one,
/// any, or several in `list`), yielding each edge with its far end, without allocating.
///
/// A loop over a cursor, rather than a closure handed to a walk, keeps the matcher's steps free
/// of closures that capture the matcher: calling its methods from such a closure made the
/// compiler copy the whole matcher (over a kilobyte) at every edge. At a node of a few dozen
/// edges, a single relation is checked edge by edge with the far end read alongside (the reads
/// overlap) instead of first finding the run (see ``MatchArrays/edges(at:outgoing:relation:)``).
struct EdgeCursor {
    private let arrays: MatchArrays
    private let items: UnsafeBufferPointer<Int32>
    private let ends: UnsafeBufferPointer<Int32>
    private let node: Int32
    private let outgoing: Bool
    /// The relation each edge must have (`-1`: none to check, the range is one run already).
    private let check: Int32
    /// Relations whose runs are still to walk (several relations only).
    private let list: [Int]
    private var listIndex = 0
    private var position: Int
    private var end: Int

    init(_ arrays: MatchArrays, node: Int32, outgoing: Bool, relation: Int, list: [Int]?) {
        self.arrays = arrays
        items = arrays.items(outgoing: outgoing)
        ends = arrays.ends(outgoing: outgoing)
        self.node = node
        self.outgoing = outgoing
        var run = arrays.edges(at: node, outgoing: outgoing)
        var check: Int32 = -1
        self.list = relation == EdgeShape.severalRelations ? list ?? [] : []
        if relation >= 0 {
            if run.count <= MatchArrays.scannedDegree {
                check = Int32(relation)
            } else {
                run = arrays.edges(at: node, outgoing: outgoing, relation: relation)
            }
        } else if relation == EdgeShape.severalRelations {
            run = 0..<0
        }
        self.check = check
        position = run.lowerBound
        end = run.upperBound
    }

    /// A cursor over every edge at `node` of the allowed `relations` (all when `nil`).
    init(_ arrays: MatchArrays, node: Int32, outgoing: Bool, relations: [Int]?) {
        let relation = relations.map { $0.count == 1 ? $0[0] : EdgeShape.severalRelations } ?? EdgeShape.anyRelation
        self.init(arrays, node: node, outgoing: outgoing, relation: relation, list: relations)
    }

    /// How many edges are left in the current run (all of them, for one relation or any).
    var remaining: Int { end - position }

    /// The next edge and its far end, `nil` at the end.
    @inline(__always)
    mutating func next() -> (edge: Int32, other: Int32)? {
        while true {
            while position < end {
                let e = items[position]
                position += 1
                if check >= 0, Int32(arrays.relations[Int(e)]) != check { continue }
                return (e, ends[Int(e)])
            }
            guard listIndex < list.count else { return nil }
            let run = arrays.edges(at: node, outgoing: outgoing, relation: list[listIndex])
            listIndex += 1
            position = run.lowerBound
            end = run.upperBound
        }
    }
}
