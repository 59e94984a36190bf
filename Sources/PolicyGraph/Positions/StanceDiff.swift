extension StanceDiff {
    /// How one actor's stance on one target differs between two moments or two versions of a graph.
    public struct Change: Sendable, Hashable {
        /// Whether the stance appeared, changed or ended.
        public enum Kind: String, Sendable, Hashable {
            /// No stance before, one after.
            case appeared
            /// A stance before and after, of another value.
            case changed
            /// A stance before, none after.
            case ended
        }

        /// What happened to the stance.
        public let kind: Kind
        /// Whose stance.
        public let actor: NodeID
        /// On what.
        public let target: NodeID
        /// s(t) before; `nil` when there was no stance.
        public let before: Double?
        /// s(t) after; `nil` when there is no stance.
        public let after: Double?
        /// The stance edges behind the later value (behind the earlier one for an ended stance).
        public let evidence: [Edge]
    }
}

/// The name ``StanceDiff/Change`` had before it was nested.
package typealias StanceChange = StanceDiff.Change

/// The stances that appeared, changed or ended between two positions of every actor.
public struct StanceDiff: Sendable, Hashable {
    /// Sorted by actor, then target.
    public let changes: [StanceDiff.Change]
    /// Between two dates: the coarse dates (a year, a month) of stances that count as on or
    /// before the start although their year or month reaches past it, so they are on both sides;
    /// by date. Empty when none, and between two graph folders.
    public internal(set) var coarseStart: [CoarseDateCount] = []

    /// Compares the positions of every actor of `before` and `after` (an actor of only one side
    /// has no stances on the other).
    init(before: [NodeID: Position], after: [NodeID: Position]) {
        var changes: [StanceDiff.Change] = []
        for actor in Set(before.keys).union(after.keys).sorted() {
            let old = before[actor]?.stances ?? []
            let new = after[actor]?.stances ?? []
            let oldByTarget = Dictionary(old.map { ($0.target, $0) }, uniquingKeysWith: { a, _ in a })
            let newByTarget = Dictionary(new.map { ($0.target, $0) }, uniquingKeysWith: { a, _ in a })
            for target in Set(oldByTarget.keys).union(newByTarget.keys).sorted() {
                let a = oldByTarget[target], b = newByTarget[target]
                let kind: StanceDiff.Change.Kind
                switch (a, b) {
                case (nil, .some): kind = .appeared
                case (.some, nil): kind = .ended
                case (.some(let x), .some(let y)) where x.value != y.value: kind = .changed
                default: continue
                }
                changes.append(StanceDiff.Change(kind: kind, actor: actor, target: target, before: a?.value, after: b?.value,
                                            evidence: (b ?? a)?.evidence ?? []))
            }
        }
        self.changes = changes
    }
}

extension Graph {
    /// The stances that appeared, changed or ended between the dates `from` and `to` (each as
    /// ``PositionOptions/asOf``, `options`' own date ignored).
    ///
    /// - Throws: ``QueryError`` for an invalid date or target kind.
    /// - Complexity: O(actors × their stance edges) per date.
    public func stanceDiff(asOf from: String, _ to: String, options: PositionOptions = PositionOptions()) throws(QueryError) -> StanceDiff {
        var early = options, late = options
        early.asOf = from
        late.asOf = to
        var diff = StanceDiff(before: try positionsOfActors(early), after: try positionsOfActors(late))
        diff.coarseStart = coarselyDatedStances(around: from, options: options)
        return diff
    }

    /// The stances that appeared, changed or ended from graph `before` to graph `after` (two
    /// versions of a graph folder), actors and targets matched by id.
    ///
    /// - Throws: ``QueryError`` for an invalid date or target kind in `options`.
    public static func stanceDiff(from before: Graph, to after: Graph, options: PositionOptions = PositionOptions()) throws(QueryError) -> StanceDiff {
        StanceDiff(before: try before.positionsOfActors(options), after: try after.positionsOfActors(options))
    }

    /// The position of every node of an actor kind, by id.
    func positionsOfActors(_ options: PositionOptions) throws(QueryError) -> [NodeID: Position] {
        let resolved = try resolved(options)
        var marks = MemberMarks()
        var result: [NodeID: Position] = [:]
        for kind in schema.actorKinds {
            for id in nodeIDs(of: kind) {
                guard let row = index[id] else { continue }
                result[id] = position(of: row, resolved, &marks)
            }
        }
        return result
    }
}
