extension Graph {
    /// The stance map of `actors`: who stands where, side by side.
    ///
    /// Nodes: the actors, every node that belongs to one of them (their agencies, officials and
    /// delegations, by the rules of `--cluster`: `memberOf` chains, what an actor `leads`, a
    /// delegation through its leaders and participants), and everything these support or oppose
    /// (any stance relation of the schema). Edges: their stance edges, and the `memberOf`,
    /// `leads` and `participatesIn` edges among the members that show how they belong.
    ///
    /// - Throws: ``QueryError`` `.unknownNode` for an id the graph does not have, and
    ///   `.invalidArgument` for a node that is not of an actor kind (as `overlap` refuses them):
    ///   a place or a topic holds no stances, so its map would be the node alone.
    /// - Complexity: O((n + m) × actors).
    public func stanceMap(of actors: [NodeID]) throws(QueryError) -> Graph {
        var anchorRows: [Int32] = []
        for actor in actors {
            guard let row = index[actor] else {
                throw QueryError(.unknownNode(actor.rawValue, suggestions: suggestions(for: actor.rawValue)))
            }
            if let kind = node(actor)?.kind, !schema.actorKinds.isEmpty, schema.rule(for: kind)?.isActor != true {
                throw QueryError(.invalidArgument("'\(actor)' is a \(kind), not an actor; a stance map is drawn for nodes of the actor kinds: "
                    + schema.actorKinds.map(\.rawValue).sorted().joined(separator: ", ")))
            }
            anchorRows.append(row)
        }
        let affiliations = Affiliations(graph: self, anchors: anchorRows)
        var isMember = [Bool](repeating: false, count: nodeCount)
        for row in 0..<Int32(nodeCount) where !affiliations.anchors(ofRow: row).isEmpty { isMember[Int(row)] = true }
        let stance = schema.relations.map(\.isStance)
        let structure = schema.relations.map { [Relation.memberOf, .leads, .participatesIn].contains($0.relation) }
        var keep = isMember
        var edgeRows: [Int32] = []
        for e in 0..<Int32(edgeCount) {
            let r = Int(edgeTable.relations[Int(e)])
            let from = Int(source(ofEdge: e)), to = Int(target(ofEdge: e))
            guard isMember[from] else { continue }
            if stance[r] {
                keep[to] = true
                edgeRows.append(e)
            } else if structure[r], isMember[to] {
                edgeRows.append(e)
            }
        }
        return selecting(nodes: (0..<Int32(nodeCount)).filter { keep[Int($0)] }, edges: edgeRows)
    }

    /// The nodes `ids` and everything within `depth` steps of one of them (both directions,
    /// every relation), with every edge among these: the surroundings a path is drawn on.
    ///
    /// - Throws: ``QueryError`` `.unknownNode` for an id the graph does not have.
    /// - Complexity: O(nodes and edges within `depth`) plus O(n + m) to build the subgraph.
    public func surroundings(of ids: some Sequence<NodeID>, depth: Int = 1) throws(QueryError) -> Graph {
        var keep = [Bool](repeating: false, count: nodeCount)
        var frontier: [Int32] = []
        for id in ids {
            guard let row = index[id] else {
                throw QueryError(.unknownNode(id.rawValue, suggestions: suggestions(for: id.rawValue)))
            }
            if !keep[Int(row)] {
                keep[Int(row)] = true
                frontier.append(row)
            }
        }
        var level = 0
        while !frontier.isEmpty, level < depth {
            level += 1
            var next: [Int32] = []
            for node in frontier {
                forEachStep(from: node, direction: .both, relationMask: nil) { _, other in
                    if !keep[Int(other)] {
                        keep[Int(other)] = true
                        next.append(other)
                    }
                }
            }
            frontier = next
        }
        return selecting(nodes: (0..<Int32(nodeCount)).filter { keep[Int($0)] }, edges: 0..<Int32(edgeCount))
    }
}
