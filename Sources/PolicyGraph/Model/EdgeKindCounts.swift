/// How many edges of each relation join each kind to each kind: exact counts, taken once when
/// the graph is built.
///
/// The schema says which kinds a relation may join, not which it does: `memberOf` may lead from
/// an official, a person or an agency to an agency, but in a graph of officials and agencies only
/// officials do. The planner estimates its costs from these counts, and a count of an agency's
/// members that the counts show can only be officials need not look at the members' kinds.
///
/// The counts are a table of relations × kinds² when that is small (the built-in schema's is a
/// few thousand); for a schema with many kinds only the triples that occur are kept, so that
/// memory stays linear in the graph (30,000 kinds would otherwise need terabytes).
struct EdgeKindCounts: Sendable {
    /// The largest table kept: relations × kinds² counters.
    static let denseLimit = 1 << 20

    /// The number of kinds (the width of a row).
    let kinds: Int
    /// `counts[(relation * kinds + source) * kinds + target]`, when small enough.
    private let counts: [Int]
    /// The triples that occur, by the same key, when there is no table.
    private let sparse: [Int: Int]
    private let relationCount: Int
    /// `bySource[relation]`: the kind pairs that relation's edges join, by source then target.
    /// Estimates walk these, so that their cost follows the triples that occur, not kinds².
    let bySource: [[KindPairCount]]
    /// `byTarget[relation]`: the same pairs, by target then source.
    let byTarget: [[KindPairCount]]

    /// The edges of one relation from one kind to another (`count` > 0).
    struct KindPairCount: Sendable, Equatable {
        let source: Int
        let target: Int
        let count: Int
    }

    /// Counts the edges of `edges` by relation and the kinds of their ends (`nodeKinds`).
    /// O(edges): one pass down the edge table, the kinds read at random from a small array; on
    /// a big graph, each half of the edges on its own core.
    init(relations: Int, kinds: Int, edges: EdgeTable, nodeKinds: [UInt16], parallel: Bool = false) {
        self.kinds = kinds
        relationCount = relations
        let m = edges.from.count
        let (square, o1) = kinds.multipliedReportingOverflow(by: kinds)
        let (product, o2) = relations.multipliedReportingOverflow(by: square)
        guard !o1, !o2, product <= Self.denseLimit else {
            var found: [Int: Int] = [:]
            for e in 0..<m {
                let source = Int(nodeKinds[Int(edges.from[e])]), target = Int(nodeKinds[Int(edges.to[e])])
                found[(Int(edges.relations[e]) * kinds + source) * kinds + target, default: 0] += 1
            }
            counts = []
            sparse = found
            (bySource, byTarget) = Self.pairs(found.lazy.map { (key: $0.key, count: $0.value) }, relations: relations, kinds: kinds)
            return
        }
        sparse = [:]
        let size = max(1, product)
        func tally(_ range: Range<Int>) -> [Int] {
            var counts = [Int](repeating: 0, count: size)
            counts.withUnsafeMutableBufferPointer { counts in
                nodeKinds.withUnsafeBufferPointer { k in
                    edges.from.withUnsafeBufferPointer { from in
                        edges.to.withUnsafeBufferPointer { to in
                            edges.relations.withUnsafeBufferPointer { r in
                                for e in range {
                                    let source = Int(k[Int(from[e])]), target = Int(k[Int(to[e])])
                                    counts[(Int(r[e]) * kinds + source) * kinds + target] &+= 1
                                }
                            }
                        }
                    }
                }
            }
            return counts
        }
        if parallel {
            let (first, second) = Parallel.both({ tally(0..<m / 2) }, { tally(m / 2..<m) })
            counts = zip(first, second).map { $0 + $1 }
        } else {
            counts = tally(0..<m)
        }
        let table = counts
        (bySource, byTarget) = Self.pairs(table.indices.lazy.map { (key: $0, count: table[$0]) }, relations: relations, kinds: kinds)
    }

    /// `bySource` and `byTarget` from the keys and counts of the triples (those with a count).
    /// O(t log t) for t triples that occur (plus, for a table, one pass over it).
    private static func pairs(_ occurring: some Sequence<(key: Int, count: Int)>, relations relationCount: Int,
                              kinds: Int) -> (bySource: [[KindPairCount]], byTarget: [[KindPairCount]]) {
        var pairs = [[KindPairCount]](repeating: [], count: relationCount)
        for (key, n) in occurring where n > 0 {
            let target = key % kinds, source = (key / kinds) % kinds, relation = key / (kinds * kinds)
            if relation < relationCount { pairs[relation].append(KindPairCount(source: source, target: target, count: n)) }
        }
        return (pairs.map { $0.sorted { ($0.source, $0.target) < ($1.source, $1.target) } },
                pairs.map { $0.sorted { ($0.target, $0.source) < ($1.target, $1.source) } })
    }

    /// The edges of relation `relation` from a node of kind `source` to one of kind `target`.
    func count(relation: Int, source: Int, target: Int) -> Int {
        let key = (relation * kinds + source) * kinds + target
        return counts.isEmpty ? sparse[key] ?? 0 : counts[key]
    }

    /// Whether every edge of the `relations` at a node of one of `anchorKinds` (`nil`: any)
    /// has, at its other end, a node of one of `otherKinds`: out-edges when `outgoing`, in-edges
    /// when not, both when `nil`. When so, a count of such edges need not read the other ends.
    func endsAlwaysIn(_ otherKinds: [Bool], relations: [Int], anchorKinds: [Bool]?, outgoing: Bool?) -> Bool {
        func has(_ list: [Bool]?, _ k: Int) -> Bool { list.map { k < $0.count && $0[k] } ?? true }
        for relation in relations where relation < bySource.count {
            for pair in bySource[relation] {
                if outgoing != false, has(anchorKinds, pair.source), !has(otherKinds, pair.target) { return false }
                if outgoing != true, has(anchorKinds, pair.target), !has(otherKinds, pair.source) { return false }
            }
        }
        return true
    }
}
