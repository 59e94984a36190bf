/// How much one pair of actors agrees: counts over U, the targets either holds a position on.
package struct PairAgreement: Sendable, Hashable {
    /// The pair, `first < second` by id.
    package let first: NodeID
    package let second: NodeID
    /// Targets both take a stance on with the same sign (both support, or both oppose).
    package let agree: Int
    /// Targets one supports and the other opposes.
    package let conflict: Int
    /// Targets one holds neutral and the other supports or opposes (half agreement, half conflict).
    package let halfway: Int
    /// |U|, never 0 in a result.
    package let union: Int

    /// Counts as given.
    package init(first: NodeID, second: NodeID, agree: Int, conflict: Int, halfway: Int = 0, union: Int) {
        self.first = first
        self.second = second
        self.agree = agree
        self.conflict = conflict
        self.halfway = halfway
        self.union = union
    }

    /// (agree + halfway / 2) / union.
    package var jaccard: Double { union == 0 ? 0 : Double(2 * agree + halfway) / Double(2 * union) }
}

/// Agreement summed over every unordered pair of a set of actors, and the pair that agrees most.
///
/// This is the all-pairs answer without the matrix: counts only, no evidence, no measures
/// other than agree / union. Stances are positions as ``Graph/position(of:options:)`` computes
/// them (so a target an actor both supports and opposes with equal weight is no stance of it).
package struct PairwiseAgreement: Sendable, Hashable {
    /// The actors, sorted by id.
    package let actors: [NodeID]
    /// Σ over unordered pairs of agree.
    package let agree: Int
    /// Σ over unordered pairs of conflict.
    package let conflict: Int
    /// Σ over unordered pairs of halfway (neutral against a side).
    package let halfway: Int
    /// The pair with the highest jaccard: pairs are scanned with first < second in id order and a
    /// pair replaces the best so far only when `(2 agree + halfway) * best.union >
    /// (2 best.agree + best.halfway) * union`,
    /// so ties go to the smallest pair. Pairs with an empty union have no ratio and are skipped;
    /// `nil` when every pair's union is empty (or there are fewer than two actors).
    package let best: PairAgreement?

    /// A summary as given.
    package init(actors: [NodeID], agree: Int, conflict: Int, halfway: Int = 0, best: PairAgreement?) {
        self.actors = actors
        self.agree = agree
        self.conflict = conflict
        self.halfway = halfway
        self.best = best
    }

    /// The number of unordered pairs.
    package var pairCount: Int { actors.count * (actors.count - 1) / 2 }
}

extension Graph {
    /// ``PairwiseAgreement`` over every node of `kind` (direct stances by default).
    ///
    /// - Throws: ``QueryError`` for an unknown kind or an invalid option.
    /// - Complexity: see ``pairwiseAgreement(actors:options:)``.
    package func pairwiseAgreement(kind: Kind, options: PositionOptions = PositionOptions()) throws(QueryError) -> PairwiseAgreement {
        let kind = try checkedKind(kind.rawValue)
        return try pairwiseAgreement(actors: nodes(ofKindIDs: kind), options: options)
    }

    /// ``PairwiseAgreement`` over `actors` (any order; each once).
    ///
    /// Works from an inverted index target → (actor, sign): the sums come from per-target counts
    /// of supporters and opponents, and the best pair from a sparse accumulator per actor over
    /// the actors it shares a target with.
    ///
    /// - Throws: ``QueryError`` for an unknown or repeated actor, or an invalid option.
    /// - Complexity: O(stance edges of the actors + Σ_t k_t² + actors), k_t the number of actors
    ///   with a stance on target t.
    package func pairwiseAgreement(actors: [NodeID], options: PositionOptions = PositionOptions()) throws(QueryError) -> PairwiseAgreement {
        var rows: [Int32] = []
        for actor in actors { rows.append(try actorRow(actor)) }
        rows.sort { id(at: $0) < id(at: $1) }
        for i in rows.indices.dropFirst() where rows[i] == rows[i - 1] {
            throw QueryError(.invalidArgument("actor '\(id(at: rows[i]))' is listed twice"))
        }
        let resolved = try resolved(options)
        var positionScratch = PositionScratch(borrowingFrom: scratch)
        let vectors = rows.map { stanceVector(of: $0, resolved, &positionScratch) }
        positionScratch.recycle(into: scratch)
        var index = StanceIndex(vectors: vectors, scratch: scratch)
        defer { index.recycle(into: scratch) }
        var agreeSum = 0
        var conflictSum = 0
        var halfwaySum = 0
        index.forEachTarget { entries in
            var supporters = 0
            var opponents = 0
            for entry in entries {
                if entry.value > 0 { supporters += 1 } else if entry.value < 0 { opponents += 1 }
            }
            let neutral = entries.count - supporters - opponents
            agreeSum += supporters * (supporters - 1) / 2 + opponents * (opponents - 1) / 2 + neutral * (neutral - 1) / 2
            conflictSum += supporters * opponents
            halfwaySum += neutral * (supporters + opponents)
        }
        let k = rows.count
        var best: PairCounts?
        // Per first actor i: what it shares with each later actor j, touched j only.
        var shared = [SharedTargets](repeating: SharedTargets(), count: k)
        var touched: [Int32] = []
        // Actors take their turns in order, so when actor i comes to a target, the target's
        // entries up to and including i's own are behind a cursor: only the later actors remain.
        var cursor = index.offsets
        let entries = index.entries
        for i in 0..<k {
            for stance in vectors[i] {
                let p = index.place(of: stance.target)
                cursor[p] += 1
                for x in Int(cursor[p])..<Int(index.offsets[p + 1]) {
                    let entry = entries[x]
                    let j = Int(entry.actor)
                    if shared[j].isEmpty { touched.append(entry.actor) }
                    shared[j].add(stance.value, entry.value)
                }
            }
            for j in touched {
                let counts = PairCounts(first: i, second: Int(j), shared: shared[Int(j)],
                                        union: vectors[i].count + vectors[Int(j)].count)
                if counts.agree > 0 || counts.halfway > 0, counts.isBetter(than: best) { best = counts }
                shared[Int(j)] = SharedTargets()
            }
            touched.removeAll(keepingCapacity: true)
        }
        if best == nil, k >= 2 {
            // No pair agrees anywhere: the first pair in scan order with a non-empty union wins,
            // (0, 1) when the first actor has a stance, else (0, j) for the first j that has one.
            let j = vectors[0].isEmpty ? (1..<k).first { !vectors[$0].isEmpty } : 1
            if let j {
                best = PairCounts(first: 0, second: j, shared: SharedTargets(vectors[0], vectors[j]),
                                  union: vectors[0].count + vectors[j].count)
            }
        }
        return PairwiseAgreement(
            actors: rows.map { id(at: $0) }, agree: agreeSum, conflict: conflictSum, halfway: halfwaySum,
            best: best.map { PairAgreement(first: id(at: rows[$0.first]), second: id(at: rows[$0.second]),
                                           agree: $0.agree, conflict: $0.conflict, halfway: $0.halfway, union: $0.union) })
    }

    /// The ids of the nodes of `kind`, in file order.
    private func nodes(ofKindIDs kind: Kind) -> [NodeID] {
        guard let k = schema.kindIndex[kind] else { return [] }
        return byKind.members(k).map { id(at: $0) }
    }
}

/// A pair's counts by position in the sorted actor list, for the scan.
private struct PairCounts {
    let first: Int
    let second: Int
    let agree: Int
    let conflict: Int
    let halfway: Int
    let union: Int

    /// `union` is the sum of both actors' stance counts; the shared targets are counted once.
    init(first: Int, second: Int, shared: SharedTargets, union: Int) {
        self.first = first
        self.second = second
        agree = Int(shared.agree)
        conflict = Int(shared.conflict)
        halfway = Int(shared.halfway)
        self.union = union - shared.count
    }

    /// Whether this pair beats `best` in the scan: a higher agree / union (compared as
    /// `agree * best.union > best.agree * union`), or an equal one and an earlier pair.
    func isBetter(than best: PairCounts?) -> Bool {
        guard let best else { return true }
        let left = (2 * agree + halfway) * best.union
        let right = (2 * best.agree + best.halfway) * union
        if left != right { return left > right }
        return (first, second) < (best.first, best.second)
    }
}
