/// A map from node rows to non-negative numbers (a distance, a layer) for one search.
///
/// `Graph` is an immutable value shared across threads, so a search cannot borrow a visited
/// array stored in it; and allocating and clearing `n` slots per call would make a search that
/// touches a dozen nodes of a million-node graph pay for all of them. So the map starts as a
/// small open-addressing hash table (linear probing, Int32 keys, no boxing) and turns into a
/// dense array once the search has touched 1/64 of the graph: past that, probing a growing table
/// costs more than clearing one slot a node.
///
/// With a graph's ``SearchScratch`` the map is dense from the start on an array borrowed from
/// it, remembers the nodes it wrote, and ``recycle(into:)`` resets just those and gives the
/// array back: a search then costs what it touches, on any graph size, after the first.
struct NodeMap {
    private static let empty = SearchScratch.empty

    private let nodeCount: Int
    /// Hash table slots: a key (`empty` when free) and its value.
    private var keys: [Int32]
    private var values: [Int32]
    private var mask: Int
    /// One value per node row (`empty` when absent) once the map has grown dense.
    private var dense: [Int32] = []
    /// How many nodes have a value.
    private(set) var count = 0
    /// The nodes written, when the dense array is borrowed (so it can be reset slot by slot).
    private var written: [Int32] = []
    private var borrowed = false

    /// An empty map for a graph of `nodeCount` nodes, sized for about `expected` entries.
    init(nodeCount: Int, expected: Int = 16) {
        self.nodeCount = nodeCount
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        keys = [Int32](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        if nodeCount <= Self.alwaysDenseUpTo { becomeDense() }
    }

    /// An empty map on an array borrowed from `scratch`; give it back with ``recycle(into:)``.
    init(borrowingFrom scratch: SearchScratch) {
        nodeCount = scratch.nodeCount
        keys = []
        values = []
        mask = 0
        dense = scratch.take()
        borrowed = true
    }

    /// Resets the slots this map wrote and gives its array back to `scratch`; the map is empty
    /// (and a plain hash map) afterwards.
    mutating func recycle(into scratch: SearchScratch) {
        guard borrowed else { return }
        var slots = dense
        dense = []
        for node in written { slots[Int(node)] = Self.empty }
        written = []
        borrowed = false
        count = 0
        keys = [Int32](repeating: Self.empty, count: 16)
        values = [Int32](repeating: 0, count: 16)
        mask = 15
        scratch.give(slots)
    }

    /// Graphs up to this many nodes get a dense map from the start: clearing it costs less than
    /// probing a table.
    static let alwaysDenseUpTo = 1 << 17

    private var isDense: Bool { !dense.isEmpty }

    @inline(__always)
    private func slot(_ node: Int32) -> Int {
        // Fibonacci hashing: consecutive rows (common in generated graphs) spread evenly.
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value of `node`, `nil` when it has none.
    subscript(node: Int32) -> Int32? {
        if isDense {
            let v = dense[Int(node)]
            return v == Self.empty ? nil : v
        }
        var i = slot(node)
        while true {
            let key = keys[i]
            if key == node { return values[i] }
            if key == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Whether `node` has a value.
    func contains(_ node: Int32) -> Bool { self[node] != nil }

    /// Gives `node` the value `value` (non-negative) unless it has one; returns whether it was new.
    @discardableResult
    mutating func insert(_ node: Int32, _ value: Int32) -> Bool {
        if isDense {
            guard dense[Int(node)] == Self.empty else { return false }
            dense[Int(node)] = value
            count += 1
            if borrowed { written.append(node) }
            return true
        }
        var i = slot(node)
        while true {
            let key = keys[i]
            if key == node { return false }
            if key == Self.empty { break }
            i = (i + 1) & mask
        }
        keys[i] = node
        values[i] = value
        count += 1
        if count * 64 > nodeCount {
            becomeDense()
        } else if count * 2 > keys.count {
            grow()
        }
        return true
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [Int32](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            var i = slot(key)
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }

    private mutating func becomeDense() {
        var dense = [Int32](repeating: Self.empty, count: max(nodeCount, 1))
        for (key, value) in zip(keys, values) where key != Self.empty { dense[Int(key)] = value }
        self.dense = dense
        keys = []
        values = []
    }
}
