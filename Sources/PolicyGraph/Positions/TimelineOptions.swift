/// Which edges a ``Timeline`` lists.
///
/// The defaults list every dated edge in scope and count the undated ones.
public struct TimelineOptions: Sendable, Hashable {
    /// Only stance edges (neutral ones included), no facts about events.
    public var stancesOnly: Bool
    /// Only edges of these relations (every relation when empty); with ``stancesOnly`` an edge
    /// must pass both.
    public var relations: Set<Relation>
    /// Only statements attested this way (every edge when empty), as
    /// ``Graph/keepingEvidence(_:)`` keeps them: a stance with an empty `evidence` cell counts as
    /// ``Evidence/unstated``; a fact without an `evidence` cell (an event, a membership) is kept.
    public var evidence: Set<Evidence>
    /// Whether the undated edges are listed after the dated ones (in file order) rather than
    /// only counted.
    public var includeUndated: Bool

    /// Options as given; the defaults list every dated edge.
    public init(stancesOnly: Bool = false, relations: Set<Relation> = [], evidence: Set<Evidence> = [], includeUndated: Bool = false) {
        self.stancesOnly = stancesOnly
        self.relations = relations
        self.evidence = evidence
        self.includeUndated = includeUndated
    }
}
