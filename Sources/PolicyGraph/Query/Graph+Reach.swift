/// How many nodes a breadth-first search reached, distance by distance.
public struct Reach: Sendable, Equatable {
    /// `counts[d - 1]` is the number of nodes at distance `d` (1...depth) that pass the kind filter.
    public let counts: [Int]

    /// The nodes at distance 1...depth, the start excluded.
    public var total: Int { counts.reduce(0, +) }
}

extension Graph {
    /// Counts the nodes within `depth` steps of `id`, by distance, without materialising them:
    /// the k-hop size of a node in a million-node graph in milliseconds.
    ///
    /// Edges are followed as `filter` says (direction, relations); every node is passed through,
    /// but only nodes of `filter.kinds` (all when empty) are counted.
    ///
    /// - Throws: ``QueryError`` for an unknown id.
    /// - Complexity: O(nodes and edges within `depth`), plus O(n / 8) for the visited bits.
    public func reach(from id: NodeID, depth: Int, filter: TraversalFilter = TraversalFilter()) throws(QueryError) -> Reach {
        guard let start = index[id] else {
            throw QueryError(.unknownNode(id.rawValue, suggestions: suggestions(for: id.rawValue)))
        }
        let mask = relationMask(filter.relations)
        let kindMask: [Bool]? = filter.kinds.isEmpty ? nil : schema.kinds.map { filter.kinds.contains($0.kind) }
        var visited = BitSet(count: nodeCount)
        visited.insert(Int(start))
        var frontier: [Int32] = [start]
        var next: [Int32] = []
        var counts: [Int] = []
        let kinds = nodeTable.kinds
        while counts.count < max(0, depth) {
            next.removeAll(keepingCapacity: true)
            var counted = 0
            for node in frontier {
                forEachStep(from: node, direction: filter.direction, relationMask: mask) { _, other in
                    if visited.insert(Int(other)) {
                        next.append(other)
                        if kindMask?[Int(kinds[Int(other)])] ?? true { counted += 1 }
                    }
                }
            }
            counts.append(counted)
            swap(&frontier, &next)
            if frontier.isEmpty {
                counts += [Int](repeating: 0, count: max(0, depth - counts.count))
                break
            }
        }
        return Reach(counts: counts)
    }
}

/// A fixed-size set of small integers, one bit each: the visited marks of a search over a
/// million nodes cost 125 kB and stay in cache.
struct BitSet {
    private var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    /// Adds `i`; whether it was new.
    @inline(__always) @discardableResult
    mutating func insert(_ i: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(i & 63)
        let w = words[i >> 6]
        if w & bit != 0 { return false }
        words[i >> 6] = w | bit
        return true
    }

    func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
}
