/// Which kinds each relation may join, in memory linear in the schema.
///
/// A schema lists endpoint pairs as two kind sets (`from` × `to`); expanding every pair into a
/// kinds × kinds table costs relations × kinds² (9 GB at 8,000 kinds). The sets are kept as
/// they are, and the table is built only when it is small (the built-in schema's is a few
/// thousand entries), where the loader's per-edge check reads it in one step.
struct AllowedEndpoints: Sendable {
    /// The largest table built: relations × kinds² entries.
    static let denseLimit = 1 << 22

    struct Pair: Sendable {
        let from: Set<Int>
        let to: Set<Int>
    }

    let kindCount: Int
    /// `dense[(relation * kindCount + from) * kindCount + to]`, when small enough.
    let dense: [Bool]?
    /// Per relation, its endpoint pairs as kind indices.
    private let pairs: [[Pair]]

    init(relations: [Schema.RelationRule], kindIndex: [Kind: Int]) {
        let n = kindIndex.count
        kindCount = n
        pairs = relations.map { rule in
            rule.endpoints.map { Pair(from: Set($0.from.compactMap { kindIndex[$0] }), to: Set($0.to.compactMap { kindIndex[$0] })) }
        }
        let (size, overflow) = relations.count.multipliedReportingOverflow(by: n * n)
        guard !overflow, size <= Self.denseLimit else {
            dense = nil
            return
        }
        var table = [Bool](repeating: false, count: size)
        for (r, list) in pairs.enumerated() {
            for pair in list { for f in pair.from { for t in pair.to { table[(r * n + f) * n + t] = true } } }
        }
        dense = table
    }

    /// Whether relation `relation` may join kind `from` to kind `to` (all indices).
    /// - Complexity: O(1) with the table, else O(endpoint pairs of the relation).
    func allows(relation: Int, from: Int, to: Int) -> Bool {
        if let dense { return dense[(relation * kindCount + from) * kindCount + to] }
        return pairs[relation].contains { $0.from.contains(from) && $0.to.contains(to) }
    }
}
