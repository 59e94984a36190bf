/// The identifier of a node, as written in the `id` column of `nodes.csv`.
///
/// Typed so that an id cannot be confused with a label or a kind; ordered by its text so that
/// everything a user sees can be sorted deterministically.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A node kind (`country`, `official`, ...). The vocabulary is open: the schema is data, so the
/// built-ins are static constants the way `Notification.Name` does it.
public struct Kind: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let country: Kind = "country"
    public static let official: Kind = "official"
    public static let agency: Kind = "agency"
    public static let organization: Kind = "organization"
    public static let person: Kind = "person"
    public static let delegation: Kind = "delegation"
    public static let risk: Kind = "risk"
    public static let framework: Kind = "framework"
    public static let event: Kind = "event"
    public static let topic: Kind = "topic"
    public static let technology: Kind = "technology"
    public static let place: Kind = "place"
}

/// An edge relation (`supports`, `leads`, ...). Open vocabulary, like ``Kind``.
public struct Relation: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let supports: Relation = "supports"
    public static let opposes: Relation = "opposes"
    public static let leads: Relation = "leads"
    public static let memberOf: Relation = "memberOf"
    public static let participatesIn: Relation = "participatesIn"
    public static let references: Relation = "references"
    public static let concernedAbout: Relation = "concernedAbout"
    public static let proposes: Relation = "proposes"
    public static let produces: Relation = "produces"
    public static let heldIn: Relation = "heldIn"
    public static let locatedIn: Relation = "locatedIn"
    public static let targets: Relation = "targets"
    public static let empowers: Relation = "empowers"
    public static let amends: Relation = "amends"
    public static let precedes: Relation = "precedes"
    public static let commentsOn: Relation = "commentsOn"
    public static let addresses: Relation = "addresses"
    /// Narrower → broader between stance targets: "nuclear-risk partOf existential-risk".
    public static let partOf: Relation = "partOf"
}
