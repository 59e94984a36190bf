/// Issue hierarchies for positions: with roll-up, a stance on a narrower target (one with a
/// `partOf` path to a broader one) also counts for every broader target, so that China's
/// opposition to the US restrictions on China meets the US support for the export-control
/// regime that is part of them.
///
/// A broader target's s(t) sums the stance edges to it and to everything below it before the
/// clamp, like the stances of members with `inherit`: supporting two parts of a risk makes +2,
/// clamped to +1, and supporting one part while opposing another cancels. Each edge stays the
/// evidence, so a rolled-up cell names the narrower target and the cite it came from. The kinds
/// asked for pick the targets shown, not the edges followed: a stance on a technology that is
/// part of a topic counts for the topic when only topics are asked for. `partOf` edges dated
/// after the day asked for do not count yet; cycles of `partOf` are safe.
final class RollUp: Sendable {
    /// The options without the kind mask and without roll-up: which stance edges count at all.
    let plain: ResolvedPositionOptions
    /// Per index of `schema.kinds`: whether targets of that kind are shown; `nil` for every kind.
    let kindMask: [Bool]?
    /// Per target row with a `partOf` edge: every broader target, transitively, sorted, itself
    /// excluded.
    let ancestors: [Int32: [Int32]]

    init(_ graph: Graph, _ options: ResolvedPositionOptions) {
        var plain = options
        plain.rollUp = nil
        self.kindMask = options.kindMask
        self.plain = ResolvedPositionOptions(inherit: plain.inherit, kindMask: nil, dateFilter: plain.dateFilter,
                                             polarity: plain.polarity, isStance: plain.isStance, memberOf: plain.memberOf,
                                             evidenceFilter: plain.evidenceFilter)
        var parents: [Int32: [Int32]] = [:]
        if let partOf = graph.schema.relationIndex[.partOf].map({ UInt16($0) }) {
            let relations = graph.edgeTable.relations
            for e in relations.indices where relations[e] == partOf {
                if let filter = options.dateFilter, !filter.keeps(Int32(e)) { continue }
                parents[graph.edgeTable.from[e], default: []].append(graph.edgeTable.to[e])
            }
        }
        var ancestors: [Int32: [Int32]] = [:]
        for start in parents.keys {
            var seen: Set<Int32> = [start]
            var queue = parents[start] ?? []
            var found: [Int32] = []
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                found.append(next)
                queue += parents[next] ?? []
            }
            ancestors[start] = found.sorted()
        }
        self.ancestors = ancestors
    }

    /// Whether a target row of this graph is shown.
    @inline(__always)
    func shows(_ target: Int32, in graph: Graph) -> Bool {
        guard let mask = kindMask else { return true }
        return mask[Int(graph.nodeTable.kinds[Int(target)])]
    }
}

extension Graph {
    /// For each stance edge of the actor (and its members with `inherit`), in the order the plain
    /// position sums them: its contribution, the edge, and every shown target it counts for.
    private func rolledUpSums(of row: Int32, _ rollUp: RollUp, _ marks: inout MemberMarks)
        -> (sums: [Int32: Double], evidence: [Int32: [Int32]], speakers: [Int32])
    {
        let speakers = speakers(of: row, rollUp.plain, &marks)
        var sums: [Int32: Double] = [:]
        var evidence: [Int32: [Int32]] = [:]
        for speaker in speakers {
            for k in outgoing.range(Int(speaker)) {
                guard let signed = stanceContribution(ofSlot: k, rollUp.plain) else { continue }
                let direct = outgoing.ends[k]
                for target in [direct] + (rollUp.ancestors[direct] ?? []) where rollUp.shows(target, in: self) {
                    sums[target, default: 0] += signed
                    evidence[target, default: []].append(outgoing.items[k])
                }
            }
        }
        return (sums, evidence, speakers)
    }

    /// The position of a node row with stances rolled up the `partOf` hierarchy.
    func rolledUpPosition(of row: Int32, _ rollUp: RollUp, _ marks: inout MemberMarks) -> Position {
        let rolled = rolledUpSums(of: row, rollUp, &marks)
        let stances = rolled.sums.map { target, sum in
            Stance(
                target: id(at: target), value: Self.clamp(sum),
                evidence: (rolled.evidence[target] ?? []).sorted().map { edge(at: $0) })
        }
        return Position(
            actor: id(at: row), members: rolled.speakers.dropFirst().map { id(at: $0) }.sorted(),
            stances: stances.sorted { $0.target < $1.target })
    }

    /// The non-zero rolled-up stances of a node row, sorted by target row: the same sums as
    /// ``rolledUpPosition(of:_:_:)``, so the matrix and the single pair agree to the bit.
    func rolledUpVector(of row: Int32, _ rollUp: RollUp, _ marks: inout MemberMarks) -> [StanceValue] {
        let rolled = rolledUpSums(of: row, rollUp, &marks)
        return rolled.sums.compactMap { target, sum in
            let value = Self.clamp(sum)
            return value == 0 ? nil : StanceValue(target: target, value: value)
        }.sorted { $0.target < $1.target }
    }
}
