/// The graph's arrays that matching reads in its inner loops, as unsafe buffers valid while one
/// query runs.
///
/// Reaching `graph.incoming.items` through a `Graph` (a struct of a dozen arrays) costs a
/// reference-count round trip whenever the graph or a struct holding it is copied into a call,
/// and every read pays a bounds check; in the loops that count leaves and expand edges, that was
/// most of the time. Buffers are plain pointers: copying them is free, and the query holds the
/// graph (so the arrays) alive for as long as they are used (see ``with(_:_:)``).
struct MatchArrays {
    /// The adjacency in each direction, far ends and relations beside the edge rows.
    let out: AdjacencyRuns
    let `in`: AdjacencyRuns
    /// Edge row → source row, target row, relation index.
    let from: UnsafeBufferPointer<Int32>
    let to: UnsafeBufferPointer<Int32>
    let relations: UnsafeBufferPointer<UInt16>
    /// Node row → kind index.
    let kinds: UnsafeBufferPointer<UInt16>
    /// The edge rows of each relation, in file order.
    let byRelationOffsets: UnsafeBufferPointer<Int32>
    let byRelationItems: UnsafeBufferPointer<Int32>

    /// No arrays: what a matcher holds outside ``with(_:_:)``.
    static var empty: MatchArrays {
        MatchArrays(out: .empty, in: .empty, from: .init(start: nil, count: 0), to: .init(start: nil, count: 0),
                    relations: .init(start: nil, count: 0), kinds: .init(start: nil, count: 0),
                    byRelationOffsets: .init(start: nil, count: 0), byRelationItems: .init(start: nil, count: 0))
    }

    /// Calls `body` with the arrays of `graph`, pinned for the duration of the call.
    static func with<R>(_ graph: Graph, _ body: (MatchArrays) throws(QueryError) -> R) throws(QueryError) -> R {
        try AdjacencyRuns.with(graph.outgoing) { (out) throws(QueryError) -> R in
            try AdjacencyRuns.with(graph.incoming) { (into) throws(QueryError) -> R in
                try graph.edgeTable.from.withUnsafeBufferPointer { (from) throws(QueryError) -> R in
                    try graph.edgeTable.to.withUnsafeBufferPointer { (to) throws(QueryError) -> R in
                        try graph.edgeTable.relations.withUnsafeBufferPointer { (relations) throws(QueryError) -> R in
                            try graph.nodeTable.kinds.withUnsafeBufferPointer { (kinds) throws(QueryError) -> R in
                                try graph.byRelation.offsets.withUnsafeBufferPointer { (relationOffsets) throws(QueryError) -> R in
                                    try graph.byRelation.items.withUnsafeBufferPointer { (relationItems) throws(QueryError) -> R in
                                        try body(MatchArrays(out: out, in: into, from: from, to: to, relations: relations, kinds: kinds,
                                                             byRelationOffsets: relationOffsets, byRelationItems: relationItems))
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

/// A node slot's constraints in the form an inner loop checks: its kinds as a bit set (a shift
/// and a mask, nothing to retain). A slot with ids to match, or in a schema of more than 64
/// kinds, is `exact`: the loop asks the slot itself.
struct NodeFilter {
    /// Allowed kinds by bit; all ones when any kind passes.
    let bits: UInt64
    /// Whether any kind passes (so the kind need not be read).
    let anyKind: Bool
    /// Whether the slot must be asked (`NodeSlot.accepts(_:in:)`) instead.
    let exact: Bool

    init(_ slot: NodeSlot) {
        guard let kinds = slot.kinds else {
            bits = ~0
            anyKind = true
            exact = slot.rows != nil
            return
        }
        var b: UInt64 = 0
        for (k, allowed) in kinds.enumerated() where allowed && k < 64 { b |= 1 << UInt64(k) }
        bits = b
        anyKind = false
        exact = slot.rows != nil || kinds.count > 64
    }

    /// Whether a node of kind `kind` passes (for a filter that is not `exact`).
    @inline(__always)
    func passes(kind: UInt16) -> Bool { (bits >> UInt64(kind & 63)) & 1 != 0 }

    /// Whether node `row` passes (for a filter that is not `exact`).
    @inline(__always)
    func passes(_ row: Int32, _ arrays: MatchArrays) -> Bool { anyKind || passes(kind: arrays.kinds[Int(row)]) }
}

/// The rows a ``NodeFilter`` lets through, as one bit per node row: 125 kB for a million nodes,
/// so that a loop testing the ends of millions of edges reads a table that stays in cache
/// instead of the kinds of the rows (2 MB). Built from the smaller side: the rows of the allowed
/// kinds, or those of the others with the test inverted.
struct KindRows {
    private let words: [UInt64]
    private let inverted: UInt64

    /// `nil` when every row passes. Only for filters that are not `exact`.
    init?(_ filter: NodeFilter, graph: Graph) {
        guard !filter.anyKind else { return nil }
        let kinds = graph.schema.kinds.indices
        let allowed = kinds.filter { filter.passes(kind: UInt16($0)) }
        let others = kinds.filter { !filter.passes(kind: UInt16($0)) }
        let population = allowed.reduce(0) { $0 + graph.byKind.range($1).count }
        let marked = 2 * population <= graph.nodeCount ? allowed : others
        inverted = 2 * population <= graph.nodeCount ? 0 : 1
        var words = [UInt64](repeating: 0, count: (graph.nodeCount + 63) / 64)
        for kind in marked {
            for row in graph.byKind.members(kind) { words[Int(row) >> 6] |= 1 << UInt64(row & 63) }
        }
        self.words = words
    }

    /// The rows whose bits are set in `words` (one bit per row, `row >> 6` the word).
    init(words: [UInt64]) {
        self.words = words
        inverted = 0
    }

    /// 1 when row `row` passes, else 0.
    @inline(__always)
    func bit(_ row: Int32) -> UInt64 {
        ((words[Int(row) >> 6] >> UInt64(row & 63)) & 1) ^ inverted
    }
}
