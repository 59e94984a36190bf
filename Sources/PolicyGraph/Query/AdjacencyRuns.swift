/// One direction of the graph's adjacency (``Graph/outgoing`` or ``Graph/incoming``) as buffer
/// pointers: the view every inner loop of a traversal or a pattern match reads.
///
/// A node's slots are `offsets[node]..<offsets[node + 1]`; slot `k` is edge row `items[k]`, whose
/// far end is `ends[k]` and relation `relations[k]`. Slots are ordered by relation, then file
/// order, so the edges of one relation at a node are one run. Reading the far end and the relation
/// beside the slot, not through the edge row, keeps a walk over a node's edges in one place in
/// memory: on a large graph every lookup through the edge row is a cache miss.
///
/// Pointers, not arrays: copying them is free and a read pays no bounds check or reference
/// count. Valid only inside ``with(_:_:)``, which pins the arrays.
struct AdjacencyRuns {
    let offsets: UnsafeBufferPointer<Int32>
    let items: UnsafeBufferPointer<Int32>
    let ends: UnsafeBufferPointer<Int32>
    let relations: UnsafeBufferPointer<UInt16>

    /// No arrays: what a view holds outside ``with(_:_:)``.
    static var empty: AdjacencyRuns {
        AdjacencyRuns(offsets: .init(start: nil, count: 0), items: .init(start: nil, count: 0),
                      ends: .init(start: nil, count: 0), relations: .init(start: nil, count: 0))
    }

    /// Calls `body` with the pointers of the adjacency index `index`, pinned for the call.
    static func with<R, E: Error>(_ index: CSRIndex, _ body: (AdjacencyRuns) throws(E) -> R) throws(E) -> R {
        try index.offsets.withUnsafeBufferPointer { (offsets) throws(E) -> R in
            try index.items.withUnsafeBufferPointer { (items) throws(E) -> R in
                try index.ends.withUnsafeBufferPointer { (ends) throws(E) -> R in
                    try index.relations.withUnsafeBufferPointer { (relations) throws(E) -> R in
                        try body(AdjacencyRuns(offsets: offsets, items: items, ends: ends, relations: relations))
                    }
                }
            }
        }
    }

    /// The slots of `node`.
    @inline(__always)
    func slots(of node: Int32) -> Range<Int> { Int(offsets[Int(node)])..<Int(offsets[Int(node) &+ 1]) }

    /// The slots of `node` whose edges have relation `relation`: one run.
    ///
    /// At a node of a few dozen edges, counting the relations before and at `relation` in one
    /// pass (independent reads, which the processor overlaps) beats a binary search, whose probes
    /// wait for each other. Hubs get the binary search.
    @inline(__always)
    func run(of node: Int32, relation: Int) -> Range<Int> {
        run(in: slots(of: node), relation: UInt16(truncatingIfNeeded: relation))
    }

    /// The slots among `all` (one node's) whose edges have relation `r`.
    @inline(__always)
    func run(in all: Range<Int>, relation r: UInt16) -> Range<Int> {
        if all.count <= Self.scannedDegree {
            var before = 0, at = 0
            for k in all {
                let x = relations[k]
                before &+= x < r ? 1 : 0
                at &+= x == r ? 1 : 0
            }
            return (all.lowerBound + before)..<(all.lowerBound + before + at)
        }
        var low = all.lowerBound, high = all.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if relations[mid] < r { low = mid + 1 } else { high = mid }
        }
        var end = low
        high = all.upperBound
        while end < high {
            let mid = (end + high) >> 1
            if relations[mid] <= r { end = mid + 1 } else { high = mid }
        }
        return low..<end
    }

    /// Up to this degree, a node's relation runs are found by reading every slot's relation, and
    /// a walk of one relation checks each slot instead of finding the run first.
    static let scannedDegree = 48
}
