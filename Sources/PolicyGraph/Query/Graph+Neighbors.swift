/// Which way edges are followed from a node.
public enum Direction: String, Sendable, CaseIterable {
    case out
    case `in`
    case both
}

/// Filters for a traversal: the relations to follow (all when empty) and the kinds of node to
/// report (all when empty; nodes of other kinds are still passed through).
public struct TraversalFilter: Sendable, Equatable {
    public var relations: Set<Relation>
    public var direction: Direction
    public var kinds: Set<Kind>

    public init(relations: Set<Relation> = [], direction: Direction = .both, kinds: Set<Kind> = []) {
        self.relations = relations
        self.direction = direction
        self.kinds = kinds
    }
}

/// A node reached by a traversal, how far it is, and the edge it was first reached by.
public struct Neighbor: Hashable, Sendable {
    public let node: NodeID
    public let kind: Kind
    public let label: String
    public let distance: Int
    /// The edge over which the node was reached (its direction as stored in the graph).
    public let via: Edge
}

extension Graph {
    /// The nodes within `depth` steps of `id`, breadth first; each listed once, at its shortest
    /// distance, with the first edge (in adjacency order) that reached it. Sorted by distance,
    /// then id.
    ///
    /// - Throws: ``QueryError`` for an unknown id.
    /// - Complexity: O(nodes and edges within `depth`).
    public func neighbors(of id: NodeID, depth: Int = 1, filter: TraversalFilter = TraversalFilter()) throws(QueryError) -> [Neighbor] {
        guard let start = index[id] else {
            throw QueryError(.unknownNode(id.rawValue, suggestions: suggestions(for: id.rawValue)))
        }
        let relationMask = relationMask(filter.relations)
        var distance: [Int32: Int] = [start: 0]
        var firstEdge: [Int32: Int32] = [:]
        var frontier: [Int32] = [start]
        var level = 0
        while !frontier.isEmpty, level < depth {
            level += 1
            var next: [Int32] = []
            for node in frontier {
                forEachStep(from: node, direction: filter.direction, relationMask: relationMask) { edge, other in
                    if distance[other] == nil {
                        distance[other] = level
                        firstEdge[other] = edge
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        let kindFilter = Set(filter.kinds)
        var result: [Neighbor] = []
        for (node, d) in distance where node != start {
            let kind = kind(at: node)
            if !kindFilter.isEmpty, !kindFilter.contains(kind) { continue }
            guard let e = firstEdge[node] else { continue }
            result.append(Neighbor(node: self.id(at: node), kind: kind, label: label(at: node), distance: d, via: edge(at: e)))
        }
        return result.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.node < $1.node }
    }

    /// A relation bitmap for a filter; `nil` means every relation.
    func relationMask(_ relations: Set<Relation>) -> [Bool]? {
        guard !relations.isEmpty else { return nil }
        return schema.relations.map { relations.contains($0.relation) }
    }

    /// Calls `body(edge, otherEnd)` for each edge at `node` in `direction` whose relation passes the mask.
    @inline(__always)
    func forEachStep(from node: Int32, direction: Direction, relationMask: [Bool]?, _ body: (Int32, Int32) -> Void) {
        if direction != .in {
            for k in outgoing.range(Int(node)) {
                if let relationMask, !relationMask[Int(outgoing.relations[k])] { continue }
                body(outgoing.items[k], outgoing.ends[k])
            }
        }
        if direction != .out {
            for k in incoming.range(Int(node)) {
                if let relationMask, !relationMask[Int(incoming.relations[k])] { continue }
                body(incoming.items[k], incoming.ends[k])
            }
        }
    }
}
