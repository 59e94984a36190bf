/// An actor's stance on one target, s(t), and the edges it was summed from.
public struct Stance: Sendable, Hashable {
    /// What the stance is about.
    public let target: NodeID
    /// s(t) = clamp(Σ polarity × weight, -1, 1): +1 full support, -1 full opposition, 0 none (or
    /// supports and oppositions that cancel).
    public let value: Double
    /// The stance edges summed into `value`, in file order. Edges of members (with `inherit`)
    /// name the member in `from`. Empty when the actor takes no stance on the target.
    public let evidence: [Edge]
    /// Whether the stance is a neutral position: s(t) = 0 and at least one of its edges is a
    /// neutral stance relation (polarity 0, such as `abstains`). A neutral position counts in the
    /// overlap measures; supports and oppositions that merely cancel do not.
    public let isNeutral: Bool

    /// A stance as given; `value` is expected in [-1, 1].
    public init(target: NodeID, value: Double, evidence: [Edge] = [], isNeutral: Bool = false) {
        self.target = target
        self.value = value
        self.evidence = evidence
        self.isNeutral = isNeutral && value == 0
    }

    /// The category of the stance: +1, -1, or 0.
    public var sign: Int { value > 0 ? 1 : value < 0 ? -1 : 0 }

    /// Whether the stance is a position the overlap measures count: support, opposition or a
    /// neutral position.
    public var isPosition: Bool { value != 0 || isNeutral }
}

/// Where an actor stands: its stances, one per target it has a stance edge to.
public struct Position: Sendable, Hashable {
    /// Whose position this is.
    public let actor: NodeID
    /// The members whose stances count as the actor's (with `inherit`), sorted; empty otherwise.
    public let members: [NodeID]
    /// One stance per target with at least one kept stance edge, sorted by target id. Stances
    /// whose edges cancel out are kept with value 0, so that their evidence stays visible.
    public let stances: [Stance]

    /// A position as given; `stances` must be sorted by target for ``stance(on:)``.
    public init(actor: NodeID, members: [NodeID], stances: [Stance]) {
        self.actor = actor
        self.members = members
        self.stances = stances
    }

    /// The stance on `target`, `nil` when the actor has no stance edge to it. O(log stances).
    public func stance(on target: NodeID) -> Stance? {
        var low = 0
        var high = stances.count
        while low < high {
            let mid = (low + high) / 2
            if stances[mid].target < target { low = mid + 1 } else { high = mid }
        }
        return low < stances.count && stances[low].target == target ? stances[low] : nil
    }
}
