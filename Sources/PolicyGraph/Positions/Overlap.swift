extension Overlap {
    /// One target of U with both actors' stances on it (value 0 and no evidence for an actor that
    /// takes none).
    public struct TargetComparison: Sendable, Hashable {
        public let target: NodeID
        public let first: Stance
        public let second: Stance

        /// A comparison as given.
        public init(target: NodeID, first: Stance, second: Stance) {
            self.target = target
            self.first = first
            self.second = second
        }
    }
}

/// The name ``Overlap/Overlap.TargetComparison`` had before it was nested.
package typealias TargetComparison = Overlap.TargetComparison

/// How far two actors' positions agree, where they conflict, and on what evidence.
///
/// U is the set of targets on which either actor holds a position (a non-zero stance, or a
/// neutral one such as an abstention); the five target lists partition it, each sorted by target
/// id. Every measure is `nil` when U is empty; kappa and pi
/// are also `nil` when the agreement expected by chance is 1 (both actors put every target of U
/// in the same category).
public struct Overlap: Sendable, Hashable {
    public let first: NodeID
    public let second: NodeID
    /// Targets both hold with the same sign (both support, both oppose, or both neutral).
    public let agree: [Overlap.TargetComparison]
    /// Targets one supports and the other opposes.
    public let conflict: [Overlap.TargetComparison]
    /// Targets one holds neutral and the other supports or opposes: half agreement, half conflict.
    public let halfway: [Overlap.TargetComparison]
    /// Targets only the first holds a position on.
    public let onlyFirst: [Overlap.TargetComparison]
    /// Targets only the second holds a position on.
    public let onlySecond: [Overlap.TargetComparison]
    /// Targets outside U for an actor because its stance edges there cancel (first's, then
    /// second's, each sorted by target).
    public let notCounted: [Overlap.Uncounted]
    /// (agree + halfway / 2) / |U|.
    public let jaccard: Double?
    /// (agree - conflict) / |U|.
    public let signed: Double?
    /// 1 - Σ_U |s_A - s_B| / |U| (Signorino and Ritter, d_max = 2).
    public let sScore: Double?
    /// Cohen's kappa over U, categories sign(s).
    public let kappa: Double?
    /// Scott's pi over U, categories sign(s).
    public let pi: Double?

    /// |U|.
    public var union: Int { agree.count + conflict.count + halfway.count + onlyFirst.count + onlySecond.count }

    /// The value of one measure.
    public func value(of measure: OverlapMeasure) -> Double? {
        switch measure {
        case .jaccard: return jaccard
        case .signed: return signed
        case .sScore: return sScore
        case .kappa: return kappa
        case .pi: return pi
        case .agreement: return agreement
        }
    }
}

extension Graph {
    /// How far the positions of `first` and `second` agree (see ``Overlap``), both computed
    /// with `options`.
    ///
    /// - Throws: ``QueryError`` for an unknown actor, an unknown target kind or an invalid date.
    /// - Complexity: O(stance edges of both actors, and of their members with `inherit`); with
    ///   `inherit`, O(n) once for the marks of visited members. For many pairs, use
    ///   ``overlapMatrix(actors:measure:options:)``.
    public func overlap(between first: NodeID, and second: NodeID, options: PositionOptions = PositionOptions()) throws(QueryError) -> Overlap {
        let a = try actorRow(first)
        let b = try actorRow(second)
        let resolved = try resolved(options)
        var marks = MemberMarks()
        let positionA = position(of: a, resolved, &marks)
        let positionB = position(of: b, resolved, &marks)
        let vectorA = stanceVector(positionA)
        let vectorB = stanceVector(positionB)
        let tally = AgreementTally(first: StanceSummary(vectorA), second: StanceSummary(vectorB), shared: SharedTargets(vectorA, vectorB))
        var agree: [Overlap.TargetComparison] = []
        var conflict: [Overlap.TargetComparison] = []
        var halfway: [Overlap.TargetComparison] = []
        var onlyFirst: [Overlap.TargetComparison] = []
        var onlySecond: [Overlap.TargetComparison] = []
        let targets = Set(vectorA.map(\.target)).union(vectorB.map(\.target)).map { id(at: $0) }.sorted()
        for target in targets {
            let stanceA = positionA.stance(on: target) ?? Stance(target: target, value: 0)
            let stanceB = positionB.stance(on: target) ?? Stance(target: target, value: 0)
            let comparison = Overlap.TargetComparison(target: target, first: stanceA, second: stanceB)
            if stanceA.isPosition, stanceB.isPosition {
                switch abs(stanceA.sign - stanceB.sign) {
                case 0: agree.append(comparison)
                case 1: halfway.append(comparison)
                default: conflict.append(comparison)
                }
            } else if stanceA.isPosition {
                onlyFirst.append(comparison)
            } else {
                onlySecond.append(comparison)
            }
        }
        return Overlap(first: id(at: a), second: id(at: b), agree: agree, conflict: conflict, halfway: halfway,
                       onlyFirst: onlyFirst, onlySecond: onlySecond, notCounted: uncounted(positionA) + uncounted(positionB),
                       jaccard: tally.value(of: .jaccard), signed: tally.value(of: .signed),
                       sScore: tally.value(of: .sScore), kappa: tally.value(of: .kappa), pi: tally.value(of: .pi))
    }

    /// The positions (non-zero or neutral stances) as (target row, s(t)) sorted by row: the same values,
    /// summed in the same order, as ``stanceVector(of:_:_:)`` gives the matrix.
    private func stanceVector(_ position: Position) -> [StanceValue] {
        position.stances.compactMap { stance in
            !stance.isPosition ? nil : index[stance.target].map { StanceValue(target: $0, value: stance.value) }
        }.sorted { $0.target < $1.target }
    }
}
