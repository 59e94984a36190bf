/// Which edges a path may use: some relations only (all when empty), and whether an edge may be
/// walked against its direction.
public struct PathFilter: Hashable, Sendable {
    /// Follow only edges of these relations; every relation when empty.
    public var relations: Set<Relation>
    /// Walk edges both ways (`a supports f` links `f` back to `a`), not only from `from` to `to`.
    public var undirected: Bool

    public init(relations: Set<Relation> = [], undirected: Bool = false) {
        self.relations = relations
        self.undirected = undirected
    }
}

/// A walk through the graph: `nodes[0]` to `nodes.last`, `edges[i]` joining `nodes[i]` and
/// `nodes[i + 1]`.
///
/// Each edge is given as stored in the graph, so on an undirected walk `edges[i].to` may be
/// `nodes[i]`: the edge was walked against its direction. A path from a node to itself has one
/// node and no edge.
public struct GraphPath: Hashable, Sendable {
    public let nodes: [NodeID]
    public let edges: [Edge]

    public init(nodes: [NodeID], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The number of steps (edges).
    public var length: Int { edges.count }

    /// Whether step `i` walks its edge against the edge's direction (only on undirected walks).
    public func isReversed(step i: Int) -> Bool {
        edges[i].from != nodes[i]
    }
}

/// Every shortest path between two nodes, or the first `limit` of them.
///
/// The number of shortest paths can grow exponentially with their length (a ladder of `k`
/// diamonds has `2^k`), so enumeration stops at a limit; ``count`` still says how many there are.
public struct ShortestPaths: Hashable, Sendable {
    /// How many paths ``Graph/allShortestPaths(from:to:filter:limit:)`` lists unless told otherwise.
    public static let defaultLimit = 1000

    /// The paths, lexicographically by their node ids, then by their edges' order in `edges.csv`.
    public let paths: [GraphPath]
    /// How many shortest paths there are (distinct edge sequences), saturating at `Int.max`.
    public let count: Int
    /// The number of steps of each path; `nil` when there is no path.
    public let length: Int?

    public init(paths: [GraphPath], count: Int, length: Int?) {
        self.paths = paths
        self.count = count
        self.length = length
    }

    /// Whether there are more shortest paths than ``paths`` lists.
    public var isTruncated: Bool { count > paths.count }
}
