/// The node rows of a graph in file order, column by column.
struct NodeTable: Sendable {
    var ids: [NodeID] = []
    /// Index into `Schema.kinds`.
    var kinds: [UInt16] = []
    /// Every column after `id,kind`, in file order; `label` is the first.
    var columns: [AttributeColumn] = []
}

/// The edge rows of a graph in file order, column by column.
struct EdgeTable: Sendable {
    var from: [Int32] = []
    /// Index into `Schema.relations`.
    var relations: [UInt16] = []
    var to: [Int32] = []
    /// Every column after `from,relation,to`, in file order.
    var columns: [AttributeColumn] = []
}

/// A compressed sparse row index: the members of group `g` are `items[offsets[g]..<offsets[g+1]]`.
struct CSRIndex: Sendable {
    let offsets: [Int32]
    let items: [Int32]
    /// For an adjacency index, the node at the other end of each member's edge (`ends[k]` goes
    /// with `items[k]`): a traversal then reads one array in order instead of looking every edge
    /// up in the edge table, a cache miss per edge on a large graph. Empty for other indices.
    let ends: [Int32]
    /// For an adjacency index, the relation of each member's edge (`relations[k]` goes with
    /// `items[k]`), for the same reason: a walk that keeps some relations, the search for a
    /// relation's run at a node and a count of a node's edges of one relation read the node's
    /// slots in order. Apart from ``ends``, so that a walk of every relation reads four bytes a
    /// slot, not eight. Empty for other indices.
    let relations: [UInt16]

    /// Groups the items `order` by `key(item)` into `groups` groups, keeping their order within
    /// a group (a stable counting sort: O(items + groups)); with `end`, also keeps `end(item)`
    /// beside each item (see ``ends``), and with `relations` (edge row → relation),
    /// `relations[item]` (see ``relations``).
    init(groups: Int, order: [Int32], key: (Int32) -> Int, end: ((Int32) -> Int32)? = nil,
         relations edgeRelations: UnsafeBufferPointer<UInt16>? = nil) {
        self = order.withUnsafeBufferPointer { o in
            CSRIndex(groups: groups, count: o.count, key: { key(o[$0]) }, item: { o[$0] }, end: end, relations: edgeRelations)
        }
    }

    /// Groups the items 0..<count by `key(item)`, in item order within a group.
    init(groups: Int, count: Int, key: (Int) -> Int) {
        self.init(groups: groups, count: count, key: key, item: { Int32(truncatingIfNeeded: $0) }, end: nil, relations: nil)
    }

    /// The counting sort of the `count` items `item(0), item(1)...`, keyed by position; `end`
    /// is a function of the item, `edgeRelations` the relation of each edge row (for
    /// ``relations``).
    private init(groups: Int, count: Int, key: (Int) -> Int, item: (Int) -> Int32, end: ((Int32) -> Int32)?,
                 relations edgeRelations: UnsafeBufferPointer<UInt16>?) {
        var offsets: [Int32] = LargeArray.zeros(count: groups + 1)
        offsets.withUnsafeMutableBufferPointer { o in
            for i in 0..<count { o[key(i) + 1] &+= 1 }
            for g in 0..<groups { o[g + 1] &+= o[g] }
        }
        var next = offsets
        var ends: [Int32] = []
        let items: [Int32] = LargeArray.uninitialized(count: count) { buffer in
            next.withUnsafeMutableBufferPointer { next in
                guard let end else {
                    for i in 0..<count {
                        let g = key(i)
                        buffer[Int(next[g])] = item(i)
                        next[g] &+= 1
                    }
                    return
                }
                // Both arrays in the one pass: the reads run forwards through the edge table.
                ends = LargeArray.uninitialized(count: count) { (endBuffer: UnsafeMutableBufferPointer<Int32>) in
                    for i in 0..<count {
                        let g = key(i), place = Int(next[g]), member = item(i)
                        buffer[place] = member
                        endBuffer[place] = end(member)
                        next[g] &+= 1
                    }
                }
            }
        }
        self.offsets = offsets
        self.items = items
        self.ends = ends
        // Gathered after the scatter, not scattered beside the other two: the reads are
        // independent (the processor overlaps their misses), while a third scattered write per
        // edge cost more than the whole pass.
        self.relations = edgeRelations.map { r in
            items.withUnsafeBufferPointer { items in
                LargeArray.uninitialized(count: count) { (out: UnsafeMutableBufferPointer<UInt16>) in
                    for k in 0..<count { out[k] = r[Int(items[k])] }
                }
            }
        } ?? []
    }

    func range(_ group: Int) -> Range<Int> { Int(offsets[group])..<Int(offsets[group + 1]) }
    func members(_ group: Int) -> ArraySlice<Int32> { items[range(group)] }
}
