/// The vocabulary a graph is checked against: node kinds, relations, which kinds each relation
/// may join, and which relations are stances.
///
/// The schema is data, not an enum: ``Schema/builtIn`` covers the policy domain and a graph
/// folder's `schema.json` extends it (see ``Schema/extended(with:file:)``), so an analyst adds
/// a kind without recompiling.
public struct Schema: Sendable, Equatable {
    /// What the schema says of one kind.
    public struct KindRule: Sendable, Equatable {
        public let kind: Kind
        public let description: String
        /// Whether nodes of this kind can take stances (and be grouped as actors).
        public let isActor: Bool
    }

    /// A pair of kind sets: an edge is allowed when its source is in `from` and its target in `to`.
    public struct Endpoints: Sendable, Hashable {
        public let from: [Kind]
        public let to: [Kind]
        public init(from: [Kind], to: [Kind]) {
            self.from = from
            self.to = to
        }
    }

    /// What the schema says of one relation.
    public struct RelationRule: Sendable, Equatable {
        public let relation: Relation
        public let description: String
        /// +1 for a supporting stance, -1 for an opposing one, 0 for a neutral stance (such as
        /// `abstains`) or a relation that is no stance.
        public let polarity: Int
        public let endpoints: [Endpoints]
        /// Whether the relation is a stance. A neutral stance (polarity 0) is a position of its
        /// own, between support and opposition, and distinct from taking no stance.
        public let isStance: Bool

        /// A rule as given; a relation is a stance when `isStance` says so, by default when its
        /// polarity is not 0.
        public init(relation: Relation, description: String, polarity: Int, endpoints: [Endpoints], isStance: Bool? = nil) {
            self.relation = relation
            self.description = description
            self.polarity = polarity
            self.endpoints = endpoints
            self.isStance = isStance ?? (polarity != 0)
        }
    }

    /// The kinds, sorted by name.
    public let kinds: [KindRule]
    /// The relations, sorted by name.
    public let relations: [RelationRule]
    /// Attribute columns compared as numbers by queries (always includes `weight`).
    public let numericAttributes: [String]

    let kindIndex: [Kind: Int]
    let relationIndex: [Relation: Int]
    /// Which kinds each relation may join (sparse; a table only when small).
    let allowed: AllowedEndpoints

    public init(kinds: [KindRule], relations: [RelationRule], numericAttributes: [String] = []) {
        let kinds = kinds.sorted { $0.kind < $1.kind }
        let relations = relations.sorted { $0.relation < $1.relation }
        self.kinds = kinds
        self.relations = relations
        self.numericAttributes = Array(Set(numericAttributes + [Column.weight])).sorted()
        var kindIndex: [Kind: Int] = [:]
        for (i, rule) in kinds.enumerated() { kindIndex[rule.kind] = i }
        var relationIndex: [Relation: Int] = [:]
        for (i, rule) in relations.enumerated() { relationIndex[rule.relation] = i }
        self.kindIndex = kindIndex
        self.relationIndex = relationIndex
        self.allowed = AllowedEndpoints(relations: relations, kindIndex: kindIndex)
    }

    public static func == (lhs: Schema, rhs: Schema) -> Bool {
        lhs.kinds == rhs.kinds && lhs.relations == rhs.relations && lhs.numericAttributes == rhs.numericAttributes
    }

    /// Whether `kind` is declared.
    public func contains(_ kind: Kind) -> Bool { kindIndex[kind] != nil }
    /// Whether `relation` is declared.
    public func contains(_ relation: Relation) -> Bool { relationIndex[relation] != nil }

    /// The rule of `kind`, or `nil` when it is not declared.
    public func rule(for kind: Kind) -> KindRule? { kindIndex[kind].map { kinds[$0] } }
    /// The rule of `relation`, or `nil` when it is not declared.
    public func rule(for relation: Relation) -> RelationRule? { relationIndex[relation].map { relations[$0] } }

    /// The stance polarity of `relation`: +1, -1, or 0 when it is a neutral stance, no stance or not declared.
    public func polarity(of relation: Relation) -> Int { rule(for: relation)?.polarity ?? 0 }
    /// Whether `relation` is a stance (a neutral one has polarity 0); `false` for an unknown relation.
    public func isStance(_ relation: Relation) -> Bool { rule(for: relation)?.isStance ?? false }

    /// Whether an edge of `relation` may join a node of kind `from` to one of kind `to`.
    public func allows(_ relation: Relation, from: Kind, to: Kind) -> Bool {
        guard let r = relationIndex[relation], let f = kindIndex[from], let t = kindIndex[to] else { return false }
        return allowed.allows(relation: r, from: f, to: t)
    }

    /// The kinds that take stances, sorted.
    public var actorKinds: [Kind] { kinds.filter(\.isActor).map(\.kind) }
    /// The stance relations, sorted.
    public var stanceRelations: [Relation] { relations.filter(\.isStance).map(\.relation) }

    /// The most kinds a schema may declare: kinds are stored as 16-bit codes, one kept for "none".
    public static let maxKinds = Int(UInt16.max) - 1
    /// The most relations a schema may declare (16-bit codes).
    public static let maxRelations = Int(UInt16.max)

    /// Whether queries compare the attribute `name` as a number.
    public func isNumeric(_ name: String) -> Bool { numericAttributes.contains(name) }
}
