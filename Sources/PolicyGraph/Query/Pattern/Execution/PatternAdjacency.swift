/// Edge runs of one node for one relation, as the matcher walks them (see ``AdjacencyRuns``:
/// a node's slots are sorted by relation, so the edges of a relation are one run).
extension MatchArrays {
    /// The adjacency in one direction: out-edges when `outgoing`, else in-edges.
    @inline(__always)
    func runs(outgoing: Bool) -> AdjacencyRuns { outgoing ? out : self.in }

    /// Slots of every edge at `node` in one direction.
    @inline(__always)
    func edges(at node: Int32, outgoing: Bool) -> Range<Int> { runs(outgoing: outgoing).slots(of: node) }

    /// Slots of the edges of relation `relation` at `node`: one run.
    @inline(__always)
    func edges(at node: Int32, outgoing: Bool, relation: Int) -> Range<Int> {
        runs(outgoing: outgoing).run(of: node, relation: relation)
    }

    /// Slots of the edges at `node` of relation `relation` as an ``EdgeShape`` gives it:
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
    /// a few dozen edges, each slot's relation is checked as it comes instead of finding the run
    /// first.
    @inline(__always)
    func forEachEdge(at node: Int32, outgoing: Bool, relation: Int, list: [Int]?,
                     _ body: (Int32, Int32) throws(QueryError) -> Void) throws(QueryError) {
        let runs = self.runs(outgoing: outgoing)
        if relation >= 0 {
            let all = runs.slots(of: node)
            if all.count <= AdjacencyRuns.scannedDegree {
                let r = UInt16(truncatingIfNeeded: relation)
                for k in all where runs.relations[k] == r { try body(runs.items[k], runs.ends[k]) }
                return
            }
        }
        try forEachRun(at: node, outgoing: outgoing, relation: relation, list: list) { (range) throws(QueryError) in
            for k in range { try body(runs.items[k], runs.ends[k]) }
        }
    }

    /// Calls `body(edge, otherEnd)` for every edge at `node` of the allowed `relations` (all when
    /// `nil`): out-edges when `outgoing`, else in-edges. With `skipLoops`, a self-loop is left
    /// out (an undirected walk meets it in the out-edges already).
    @inline(__always)
    func forEachEdge(at node: Int32, outgoing: Bool, relations: [Int]?, skipLoops: Bool = false,
                     _ body: (Int32, Int32) throws(QueryError) -> Void) throws(QueryError) {
        let runs = self.runs(outgoing: outgoing)
        func visit(_ range: Range<Int>) throws(QueryError) {
            for k in range {
                let other = runs.ends[k]
                if skipLoops, other == node { continue }
                try body(runs.items[k], other)
            }
        }
        if let relations {
            for r in relations { try visit(edges(at: node, outgoing: outgoing, relation: r)) }
        } else {
            try visit(edges(at: node, outgoing: outgoing))
        }
    }

    /// How many edges `forEachEdge(at:outgoing:relations:)` would visit.
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
    private let runs: AdjacencyRuns
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
        runs = arrays.runs(outgoing: outgoing)
        self.node = node
        self.outgoing = outgoing
        var run = arrays.edges(at: node, outgoing: outgoing)
        var check: Int32 = -1
        self.list = relation == EdgeShape.severalRelations ? list ?? [] : []
        if relation >= 0 {
            if run.count <= AdjacencyRuns.scannedDegree {
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
                let k = position
                position += 1
                if check >= 0, Int32(runs.relations[k]) != check { continue }
                return (runs.items[k], runs.ends[k])
            }
            guard listIndex < list.count else { return nil }
            let run = arrays.edges(at: node, outgoing: outgoing, relation: list[listIndex])
            listIndex += 1
            position = run.lowerBound
            end = run.upperBound
        }
    }
}
