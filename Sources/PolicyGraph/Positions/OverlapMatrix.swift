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
        var scratch = PositionScratch(nodeCount: nodeCount)
        let vectors = rows.map { stanceVector(of: $0, resolved, &scratch) }
        let summaries = vectors.map(StanceSummary.init)
        let index = StanceIndex(vectors: vectors, nodeCount: nodeCount)
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
/// sparse rows by target row; within a target, actors ascend.
struct StanceIndex {
    struct Entry {
        let actor: Int32
        let value: Double
    }

    private let offsets: [Int32]
    private let entries: [Entry]
    /// The target rows that have entries, ascending.
    private let targets: [Int32]

    init(vectors: [[StanceValue]], nodeCount: Int) {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for vector in vectors { for stance in vector { counts[Int(stance.target) + 1] += 1 } }
        var targets: [Int32] = []
        for t in 0..<nodeCount where counts[t + 1] > 0 { targets.append(Int32(t)) }
        for t in 0..<nodeCount { counts[t + 1] += counts[t] }
        var next = counts
        var entries = [Entry](repeating: Entry(actor: 0, value: 0), count: Int(counts[nodeCount]))
        for (actor, vector) in vectors.enumerated() {
            for stance in vector {
                let t = Int(stance.target)
                entries[Int(next[t])] = Entry(actor: Int32(actor), value: stance.value)
                next[t] += 1
            }
        }
        self.offsets = counts
        self.entries = entries
        self.targets = targets
    }

    /// Calls `body` with the entries of each target, targets ascending.
    func forEachTarget(_ body: (ArraySlice<Entry>) -> Void) {
        for t in targets { body(entries(of: t)) }
    }

    /// The entries of target row `target`, actors ascending.
    @inline(__always)
    func entries(of target: Int32) -> ArraySlice<Entry> {
        entries[Int(offsets[Int(target)])..<Int(offsets[Int(target) + 1])]
    }
}
