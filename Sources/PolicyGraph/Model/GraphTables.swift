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

    /// Groups `count` items by `key(item)` into `groups` groups, keeping item order within a group
    /// (a stable counting sort: O(items + groups)). `order` gives the items in the order to keep.
    init(groups: Int, order: [Int32], key: (Int32) -> Int) {
        var offsets = [Int32](repeating: 0, count: groups + 1)
        for item in order { offsets[key(item) + 1] += 1 }
        for g in 0..<groups { offsets[g + 1] += offsets[g] }
        var next = offsets
        var items = [Int32](repeating: 0, count: order.count)
        for item in order {
            let g = key(item)
            items[Int(next[g])] = item
            next[g] += 1
        }
        self.offsets = offsets
        self.items = items
    }

    func range(_ group: Int) -> Range<Int> { Int(offsets[group])..<Int(offsets[group + 1]) }
    func members(_ group: Int) -> ArraySlice<Int32> { items[range(group)] }
}
