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
        let speakers = speakers(of: row, options, &marks)
        var sums: [Int32: Double] = [:]
        var evidence: [Int32: [Int32]] = [:]
        for speaker in speakers {
            for e in outgoing.members(Int(speaker)) {
                guard let signed = stanceContribution(of: e, options) else { continue }
                let target = edgeTable.to[Int(e)]
                sums[target, default: 0] += signed
                evidence[target, default: []].append(e)
            }
        }
        let stances = sums.map { target, sum in
            Stance(target: id(at: target), value: Self.clamp(sum), evidence: (evidence[target] ?? []).sorted().map { edge(at: $0) })
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

    /// The non-zero stances of `actor` as (target row, s(t)) sorted by target row: the form the
    /// overlap measures merge and index.
    ///
    /// Sums are taken in the same order as ``position(of:options:)`` takes them, so both give
    /// bit-identical values.
    func stanceVector(of actor: Int32, _ options: ResolvedPositionOptions, _ scratch: inout PositionScratch) -> [StanceValue] {
        let speakers = speakers(of: actor, options, &scratch.members)
        scratch.startTargets()
        var touched: [Int32] = []
        for speaker in speakers {
            for e in outgoing.members(Int(speaker)) {
                guard let signed = stanceContribution(of: e, options) else { continue }
                let target = Int(edgeTable.to[Int(e)])
                if scratch.targetStamp[target] != scratch.generation {
                    scratch.targetStamp[target] = scratch.generation
                    scratch.sums[target] = 0
                    touched.append(Int32(target))
                }
                scratch.sums[target] += signed
            }
        }
        touched.sort()
        var vector: [StanceValue] = []
        vector.reserveCapacity(touched.count)
        for target in touched {
            let value = Self.clamp(scratch.sums[Int(target)])
            if value != 0 { vector.append(StanceValue(target: target, value: value)) }
        }
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

    /// polarity × weight of edge `e` when it is a kept stance edge (a stance relation, a target of
    /// a kept kind, dated on or before the day), `nil` otherwise.
    @inline(__always)
    func stanceContribution(of e: Int32, _ options: ResolvedPositionOptions) -> Double? {
        let polarity = options.polarity[Int(edgeTable.relations[Int(e)])]
        if polarity == 0 { return nil }
        if let mask = options.kindMask, !mask[Int(nodeTable.kinds[Int(edgeTable.to[Int(e)])])] { return nil }
        if let filter = options.dateFilter, !filter.keeps(e) { return nil }
        return polarity * weight(ofEdge: e)
    }
}

/// One non-zero stance at index level.
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

/// Buffers the size of the graph, reused across actors so that a matrix over a thousand actors
/// allocates them once. Generation stamps stand in for clearing.
struct PositionScratch {
    var members: MemberMarks
    var sums: [Double]
    var targetStamp: [UInt32]
    var generation: UInt32 = 0

    init(nodeCount: Int) {
        members = MemberMarks()
        sums = [Double](repeating: 0, count: nodeCount)
        targetStamp = [UInt32](repeating: 0, count: nodeCount)
    }

    mutating func startTargets() {
        if generation == UInt32.max {
            targetStamp = [UInt32](repeating: 0, count: targetStamp.count)
            generation = 0
        }
        generation += 1
    }
}
