extension Graph {
    /// Whether a node has this id. O(1).
    public func contains(_ id: NodeID) -> Bool { index[id] != nil }

    /// The node with this id, or `nil` when there is none. O(attributes).
    public func node(_ id: NodeID) -> Node? { index[id].map { node(at: $0) } }

    /// The kind of the node with this id. O(1).
    public func kind(of id: NodeID) -> Kind? { index[id].map { kind(at: $0) } }

    /// Every node in file order. O(n).
    public var nodes: [Node] { (0..<Int32(nodeCount)).map { node(at: $0) } }

    /// Every edge in file order. O(m).
    public var edges: [Edge] { (0..<Int32(edgeCount)).map { edge(at: $0) } }

    /// The nodes of `kind` in file order; empty for a kind without nodes. O(result).
    public func nodes(of kind: Kind) -> [Node] {
        guard let k = schema.kindIndex[kind] else { return [] }
        return byKind.members(k).map { node(at: $0) }
    }

    /// The edges of `relation` in file order. O(result).
    public func edges(relation: Relation) -> [Edge] {
        guard let r = schema.relationIndex[relation] else { return [] }
        return byRelation.members(r).map { edge(at: $0) }
    }

    /// The edges leaving `id`, by relation then file order, optionally of one relation only.
    /// Empty for an unknown id. O(degree).
    public func edges(from id: NodeID, relation: Relation? = nil) -> [Edge] {
        guard let i = index[id] else { return [] }
        return outgoing.members(Int(i)).filter { relation == nil || self.relation(ofEdge: $0) == relation }.map { edge(at: $0) }
    }

    /// The edges arriving at `id`, by relation then file order, optionally of one relation only.
    public func edges(to id: NodeID, relation: Relation? = nil) -> [Edge] {
        guard let i = index[id] else { return [] }
        return incoming.members(Int(i)).filter { relation == nil || self.relation(ofEdge: $0) == relation }.map { edge(at: $0) }
    }

    /// How many nodes each kind of the schema has (kinds without nodes included, as 0).
    public var kindCounts: [Kind: Int] {
        var counts: [Kind: Int] = [:]
        for (k, rule) in schema.kinds.enumerated() { counts[rule.kind] = byKind.range(k).count }
        return counts
    }

    /// How many edges each relation of the schema has (relations without edges included, as 0).
    public var relationCounts: [Relation: Int] {
        var counts: [Relation: Int] = [:]
        for (r, rule) in schema.relations.enumerated() { counts[rule.relation] = byRelation.range(r).count }
        return counts
    }
}

// MARK: - Index-level access for the library's own algorithms

extension Graph {
    func node(at i: Int32) -> Node {
        let row = Int(i)
        var label = ""
        var attributes: [String: String] = [:]
        for (c, column) in nodeTable.columns.enumerated() {
            guard let value = column.value(at: row) else { continue }
            if c == 0 { label = value } else { attributes[column.name] = value }
        }
        return Node(id: nodeTable.ids[row], kind: kind(at: i), label: label, attributes: attributes)
    }

    func edge(at e: Int32) -> Edge {
        let row = Int(e)
        var attributes: [String: String] = [:]
        for column in edgeTable.columns {
            if let value = column.value(at: row) { attributes[column.name] = value }
        }
        return Edge(from: nodeTable.ids[Int(edgeTable.from[row])], relation: relation(ofEdge: e),
                    to: nodeTable.ids[Int(edgeTable.to[row])], attributes: attributes)
    }

    func id(at i: Int32) -> NodeID { nodeTable.ids[Int(i)] }
    func kind(at i: Int32) -> Kind { schema.kinds[Int(nodeTable.kinds[Int(i)])].kind }
    func label(at i: Int32) -> String { nodeTable.columns[0].text(at: Int(i)) }
    func chineseLabel(at i: Int32) -> String? { labelZhColumn.flatMap { nodeTable.columns[$0].value(at: Int(i)) } }
    func relation(ofEdge e: Int32) -> Relation { schema.relations[Int(edgeTable.relations[Int(e)])].relation }
    func source(ofEdge e: Int32) -> Int32 { edgeTable.from[Int(e)] }
    func target(ofEdge e: Int32) -> Int32 { edgeTable.to[Int(e)] }

    /// The edge's weight, 1 when its cell is empty or the graph has no weight column.
    func weight(ofEdge e: Int32) -> Double {
        guard let c = weightColumn else { return 1 }
        let code = edgeTable.columns[c].code(at: Int(e))
        return code == 0 ? 1 : weightValues[Int(code) - 1]
    }

    /// The value of the edge column `name` for edge `e`, `nil` when empty or absent.
    func edgeValue(_ name: String, ofEdge e: Int32) -> String? {
        edgeTable.columns.first { $0.name == name }?.value(at: Int(e))
    }

    /// The value of the node column `name` (including `label`) for node `i`.
    func nodeValue(_ name: String, at i: Int32) -> String? {
        nodeTable.columns.first { $0.name == name }?.value(at: Int(i))
    }
}
