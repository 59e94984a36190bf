extension Overlap {
    /// A target on which an actor has stance edges that sum to 0 without a neutral one: its own
    /// stance and its members' (with `inherit`), or stances of its own, cancel. The actor holds
    /// no position there, so the target is not in U for it; this says so instead of leaving the
    /// target out without a word.
    public struct Uncounted: Sendable, Hashable {
        /// The actor whose stances cancel.
        public let actor: NodeID
        /// The target, with value 0 and every edge summed.
        public let stance: Stance
        /// Σ polarity × weight over the actor's own edges.
        public let own: Double
        /// Σ polarity × weight over its members' edges (0 without `inherit`).
        public let members: Double
    }
}

extension Graph {
    /// The targets of `position` whose stance edges cancel, with the sums of the actor's own
    /// edges and of its members', sorted by target.
    func uncounted(_ position: Position) -> [Overlap.Uncounted] {
        position.stances.filter { !$0.isPosition && !$0.evidence.isEmpty }.map { stance in
            var own = 0.0
            var members = 0.0
            for edge in stance.evidence {
                let signed = Double(schema.polarity(of: edge.relation)) * (edge.weight ?? 1)
                if edge.from == position.actor { own += signed } else { members += signed }
            }
            return Overlap.Uncounted(actor: position.actor, stance: stance, own: own, members: members)
        }
    }
}
