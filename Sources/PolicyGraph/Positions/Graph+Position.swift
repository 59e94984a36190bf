extension Graph {
    /// Where `actor` stands: s(t) = clamp(Σ polarity × weight, -1, 1) over its stance edges to
    /// each target t (polarity from the schema, weight 1 when the cell is empty), with the edges
    /// as evidence.
    ///
    /// - Throws: ``QueryError`` for an unknown actor, an unknown target kind or an invalid `asOf` date.
    /// - Complexity: O(stance edges of the actor, and of its members with `inherit`); with
    ///   `inherit`, O(n) once for the marks of visited members.
    public func position(of actor: NodeID, options: PositionOptions = PositionOptions()) throws(QueryError) -> Position {
        let row = try actorRow(actor)
        var marks = MemberMarks()
        return position(of: row, try resolved(options), &marks)
    }

    /// The position of a node row, evidence included.
    func position(of row: Int32, _ options: ResolvedPositionOptions, _ marks: inout MemberMarks) -> Position {
        if let rollUp = options.rollUp { return rolledUpPosition(of: row, rollUp, &marks) }
        let speakers = speakers(of: row, options, &marks)
        var sums: [Int32: Double] = [:]
        var evidence: [Int32: [Int32]] = [:]
        var neutral: Set<Int32> = []
        for speaker in speakers {
            for k in outgoing.range(Int(speaker)) {
                guard let signed = stanceContribution(ofSlot: k, options) else { continue }
                let target = outgoing.ends[k]
                sums[target, default: 0] += signed
                evidence[target, default: []].append(outgoing.items[k])
                if isNeutralSlot(k, options) { neutral.insert(target) }
            }
        }
        let stances = sums.map { target, sum in
            Stance(target: id(at: target), value: Self.clamp(sum), evidence: (evidence[target] ?? []).sorted().map { edge(at: $0) },
                   isNeutral: neutral.contains(target))
        }
        return Position(actor: id(at: row), members: speakers.dropFirst().map { id(at: $0) }.sorted(),
                        stances: stances.sorted { $0.target < $1.target })
    }

    /// The node row of an actor, or the error naming what is close.
    func actorRow(_ actor: NodeID) throws(QueryError) -> Int32 {
        guard let row = index[actor] else {
            throw QueryError(.unknownNode(actor.rawValue, suggestions: suggestions(for: actor.rawValue)))
        }
        return row
    }

    /// s(t) from a sum: clamped to [-1, 1]; a sum that is not a number (∞ - ∞) counts as no stance.
    static func clamp(_ sum: Double) -> Double {
        sum.isNaN ? 0 : min(max(sum, -1), 1)
    }

    /// The positions of `actor` (non-zero stances, and neutral ones with s(t) = 0) as
    /// (target row, s(t)) sorted by target row: the form the overlap measures merge and index.
    ///
    /// Sums are taken in the same order as ``position(of:options:)`` takes them, so both give
    /// bit-identical values.
    func stanceVector(of actor: Int32, _ options: ResolvedPositionOptions, _ scratch: inout PositionScratch) -> [StanceValue] {
        if let rollUp = options.rollUp { return rolledUpVector(of: actor, rollUp, &scratch.members) }
        let speakers = speakers(of: actor, options, &scratch.members)
        var touched: [Int32] = []
        scratch.sums.removeAll(keepingCapacity: true)
        scratch.neutral.removeAll(keepingCapacity: true)
        for speaker in speakers {
            for k in outgoing.range(Int(speaker)) {
                guard let signed = stanceContribution(ofSlot: k, options) else { continue }
                let target = Int(outgoing.ends[k])
                var p = scratch.place[target]
                if p == SearchScratch.empty {
                    p = Int32(touched.count)
                    scratch.place[target] = p
                    touched.append(Int32(target))
                    scratch.sums.append(0)
                    scratch.neutral.append(false)
                }
                scratch.sums[Int(p)] += signed
                if isNeutralSlot(k, options) { scratch.neutral[Int(p)] = true }
            }
        }
        touched.sort()
        var vector: [StanceValue] = []
        vector.reserveCapacity(touched.count)
        for target in touched {
            let p = Int(scratch.place[Int(target)])
            let value = Self.clamp(scratch.sums[p])
            if value != 0 || scratch.neutral[p] { vector.append(StanceValue(target: target, value: value)) }
        }
        for target in touched { scratch.place[Int(target)] = SearchScratch.empty }
        return vector
    }

    /// Whose stance edges make up the position of `actor`: the actor first, then with `inherit`
    /// its members, every node with a kept `memberOf` path to it, each once, breadth first (so
    /// `memberOf` cycles end).
    func speakers(of actor: Int32, _ options: ResolvedPositionOptions, _ marks: inout MemberMarks) -> [Int32] {
        var speakers: [Int32] = [actor]
        guard options.inherit, let memberOf = options.memberOf else { return speakers }
        marks.start(nodeCount: nodeCount)
        marks.stamp[Int(actor)] = marks.generation
        var next = 0
        while next < speakers.count {
            let node = speakers[next]
            next += 1
            for e in incoming.members(Int(node)) where edgeTable.relations[Int(e)] == memberOf {
                if let filter = options.dateFilter, !filter.keeps(e) { continue }
                let member = edgeTable.from[Int(e)]
                if marks.stamp[Int(member)] != marks.generation {
                    marks.stamp[Int(member)] = marks.generation
                    speakers.append(member)
                }
            }
        }
        return speakers
    }

    /// polarity × weight of the out-edge in slot `k` of ``outgoing`` when it is a kept stance
    /// edge (a stance relation, a target of a kept kind, dated on or before the day), `nil`
    /// otherwise. The relation and the target are read beside the slot: only stance edges are
    /// looked up in the edge table (for their weight and date).
    @inline(__always)
    func stanceContribution(ofSlot k: Int, _ options: ResolvedPositionOptions) -> Double? {
        let relation = Int(outgoing.relations[k])
        if !options.isStance[relation] { return nil }
        let polarity = options.polarity[relation]
        if let mask = options.kindMask, !mask[Int(nodeTable.kinds[Int(outgoing.ends[k])])] { return nil }
        let e = outgoing.items[k]
        if let filter = options.dateFilter, !filter.keeps(e) { return nil }
        if let filter = options.evidenceFilter, !filter.keeps(e) { return nil }
        return polarity * weight(ofEdge: e)
    }
}

extension Graph {
    /// Whether the kept stance edge in slot `k` of ``outgoing`` is of a neutral stance relation.
    @inline(__always)
    func isNeutralSlot(_ k: Int, _ options: ResolvedPositionOptions) -> Bool {
        options.polarity[Int(outgoing.relations[k])] == 0
    }
}

/// One position at index level: s(t) > 0 support, < 0 opposition, 0 a neutral position.
struct StanceValue: Sendable, Equatable {
    let target: Int32
    let value: Double
}

/// Marks of visited members, the size of the graph, reused across actors. A generation stamp
/// stands in for clearing.
struct MemberMarks {
    var stamp: [UInt32] = []
    var generation: UInt32 = 0

    /// Starts a walk; the buffer is allocated by the first walk, so that positions without
    /// `inherit` never pay for it.
    mutating func start(nodeCount: Int) {
        if stamp.count != nodeCount {
            stamp = [UInt32](repeating: 0, count: nodeCount)
            generation = 0
        }
        if generation == UInt32.max {
            stamp = [UInt32](repeating: 0, count: stamp.count)
            generation = 0
        }
        generation += 1
    }
}

/// What ``Graph/stanceVector(of:_:_:)`` needs across the actors of one call: the member marks,
/// and each target's place among the current actor's sums, on an array borrowed from the graph
/// (``SearchScratch``) so that an actor costs its stances, not the graph's size. Every slot is
/// reset after each actor; give the array back with ``recycle(into:)``.
struct PositionScratch {
    var members = MemberMarks()
    /// Per target row, its place in `sums` for the actor at hand; `SearchScratch.empty` elsewhere.
    var place: [Int32]
    var sums: [Double] = []
    /// Beside `sums`: whether the actor holds a neutral stance edge to the target.
    var neutral: [Bool] = []

    init(borrowingFrom scratch: SearchScratch) {
        place = scratch.take()
    }

    mutating func recycle(into scratch: SearchScratch) {
        guard !place.isEmpty else { return }
        scratch.give(place)
        place = []
    }
}
