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
        guard parallel else {
            counts = tally(0..<m)
            return
        }
        let (first, second) = Parallel.both({ tally(0..<m / 2) }, { tally(m / 2..<m) })
        counts = zip(first, second).map { $0 + $1 }
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
        if counts.isEmpty, kinds > 0 {
            // Only the triples that occur: each must end in `otherKinds` on the counted side.
            let wanted = Set(relations)
            func has(_ list: [Bool]?, _ k: Int) -> Bool { list.map { k < $0.count && $0[k] } ?? true }
            for (key, n) in sparse where n > 0 {
                let target = key % kinds, source = (key / kinds) % kinds, relation = key / (kinds * kinds)
                guard wanted.contains(relation) else { continue }
                if outgoing != false, has(anchorKinds, source), !has(otherKinds, target) { return false }
                if outgoing != true, has(anchorKinds, target), !has(otherKinds, source) { return false }
            }
            return true
        }
        for relation in relations {
            for anchor in 0..<kinds where anchorKinds.map({ anchor < $0.count && $0[anchor] }) ?? true {
                for other in 0..<kinds where !(other < otherKinds.count && otherKinds[other]) {
                    if outgoing != false, count(relation: relation, source: anchor, target: other) > 0 { return false }
                    if outgoing != true, count(relation: relation, source: other, target: anchor) > 0 { return false }
                }
            }
        }
        return true
    }
}
