/// One overlap measure for every pair of a list of actors.
public struct OverlapMatrix: Sendable, Hashable {
    /// The rows and columns, in order.
    public let actors: [NodeID]
    public let measure: OverlapMeasure
    /// `values[i][j]`: the measure between `actors[i]` and `actors[j]`, `nil` where it is
    /// undefined (no stance on either side; for kappa and pi also p_e = 1). Symmetric; the
    /// diagonal compares an actor with itself.
    public let values: [[Double?]]
    /// Per actor, how many targets it takes a non-zero stance on; `nil` for a matrix made by hand.
    public let stanceCounts: [Int]?

    /// A matrix as given (to draw one computed elsewhere); `values` is actors × actors.
    public init(actors: [NodeID], measure: OverlapMeasure, values: [[Double?]], stanceCounts: [Int]? = nil) {
        self.actors = actors
        self.measure = measure
        self.values = values
        self.stanceCounts = stanceCounts
    }

    /// The measure between two actors of the matrix; `nil` when undefined or when either is not
    /// a row. O(actors).
    public func value(between first: NodeID, and second: NodeID) -> Double? {
        guard let i = actors.firstIndex(of: first), let j = actors.firstIndex(of: second) else { return nil }
        return values[i][j]
    }

    /// The same matrix with rows and columns in `order` (indices into `actors`, each once).
    func permuted(_ order: [Int]) -> OverlapMatrix {
        OverlapMatrix(actors: order.map { actors[$0] }, measure: measure,
                      values: order.map { i in order.map { j in values[i][j] } },
                      stanceCounts: stanceCounts.map { counts in order.map { counts[$0] } })
    }
}

extension Graph {
    /// The overlap measure for every pair of `actors` (in the given order), their positions
    /// computed with `options`.
    ///
    /// Built from an inverted index target → (actor, stance): each pair only meets on the targets
    /// both take a stance on, and all else comes from per-actor sums (see `SharedTargets`). The
    /// values equal those of ``overlap(between:and:options:)`` exactly.
    ///
    /// - Throws: ``QueryError`` for an unknown or repeated actor, an unknown target kind or an
    ///   invalid date.
    /// - Complexity: O(stance edges of the actors + Σ_t k_t² + actors²), k_t the number of
    ///   actors with a stance on target t.
    public func overlapMatrix(actors: [NodeID], measure: OverlapMeasure = .jaccard,
                              options: PositionOptions = PositionOptions()) throws(QueryError) -> OverlapMatrix {
        var rows: [Int32] = []
        var seen: Set<NodeID> = []
        for actor in actors {
            let row = try actorRow(actor)
            guard seen.insert(id(at: row)).inserted else {
                throw QueryError(.invalidArgument("actor '\(actor)' is listed twice"))
            }
            rows.append(row)
        }
        let resolved = try resolved(options)
        let k = rows.count
        var positionScratch = PositionScratch(borrowingFrom: scratch)
        let vectors = rows.map { stanceVector(of: $0, resolved, &positionScratch) }
        positionScratch.recycle(into: scratch)
        let summaries = vectors.map(StanceSummary.init)
        var index = StanceIndex(vectors: vectors, scratch: scratch)
        defer { index.recycle(into: scratch) }
        // Upper triangle, row-major: shared[i * k + j] for i < j.
        var shared = [SharedTargets](repeating: SharedTargets(), count: k * k)
        index.forEachTarget { entries in
            for x in entries.indices {
                let a = entries[x]
                let base = Int(a.actor) * k
                for y in (x + 1)..<entries.endIndex {
                    let b = entries[y]
                    shared[base + Int(b.actor)].add(a.value, b.value)
                }
            }
        }
        var values = [[Double?]](repeating: [Double?](repeating: nil, count: k), count: k)
        for i in 0..<k {
            values[i][i] = AgreementTally(first: summaries[i], second: summaries[i],
                                          shared: SharedTargets(vectors[i], vectors[i])).value(of: measure)
            for j in (i + 1)..<k {
                let value = AgreementTally(first: summaries[i], second: summaries[j], shared: shared[i * k + j]).value(of: measure)
                values[i][j] = value
                values[j][i] = value
            }
        }
        return OverlapMatrix(actors: rows.map { id(at: $0) }, measure: measure, values: values,
                             stanceCounts: vectors.map(\.count))
    }
}

/// The inverted index target → (actor, stance) over a list of stance vectors, as compressed
/// sparse rows over the targets that have a stance (ascending); within a target, actors ascend.
///
/// Only those targets get a row: a target's place comes from an array borrowed from the graph
/// (``SearchScratch``), so building the index costs the stances, not the graph's size (an
/// all-pairs overlap of 200 countries in a million-node graph used to spend most of its time
/// clearing and scanning arrays of a million slots). Give the array back with ``recycle(into:)``.
struct StanceIndex {
    struct Entry {
        let actor: Int32
        let value: Double
    }

    /// Per target row, its place in `targets`; `SearchScratch.empty` for every other node.
    private var place: [Int32]
    /// By place: the entries of `targets[p]` are `entries[offsets[p]..<offsets[p + 1]]`.
    let offsets: [Int32]
    let entries: [Entry]
    /// The target rows that have entries, ascending.
    let targets: [Int32]

    init(vectors: [[StanceValue]], scratch: SearchScratch) {
        var place = scratch.take()
        var targets: [Int32] = []
        for vector in vectors {
            for stance in vector where place[Int(stance.target)] == SearchScratch.empty {
                place[Int(stance.target)] = 0
                targets.append(stance.target)
            }
        }
        targets.sort()
        for (p, t) in targets.enumerated() { place[Int(t)] = Int32(p) }
        var offsets = [Int32](repeating: 0, count: targets.count + 1)
        for vector in vectors { for stance in vector { offsets[Int(place[Int(stance.target)]) + 1] += 1 } }
        for p in targets.indices { offsets[p + 1] += offsets[p] }
        var next = offsets
        var entries = [Entry](repeating: Entry(actor: 0, value: 0), count: Int(offsets[targets.count]))
        for (actor, vector) in vectors.enumerated() {
            for stance in vector {
                let p = Int(place[Int(stance.target)])
                entries[Int(next[p])] = Entry(actor: Int32(actor), value: stance.value)
                next[p] += 1
            }
        }
        self.place = place
        self.offsets = offsets
        self.entries = entries
        self.targets = targets
    }

    /// Gives the borrowed array back, its slots reset; the index answers nothing afterwards.
    mutating func recycle(into scratch: SearchScratch) {
        guard !place.isEmpty else { return }
        var slots = place
        place = []
        for t in targets { slots[Int(t)] = SearchScratch.empty }
        scratch.give(slots)
    }

    /// Calls `body` with the entries of each target, targets ascending.
    func forEachTarget(_ body: (ArraySlice<Entry>) -> Void) {
        for p in targets.indices { body(entries[Int(offsets[p])..<Int(offsets[p + 1])]) }
    }

    /// The place of target row `target` (which must have entries) in `targets` and `offsets`.
    @inline(__always)
    func place(of target: Int32) -> Int { Int(place[Int(target)]) }
}
