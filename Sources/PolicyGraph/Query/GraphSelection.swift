/// Which part of a graph to take: an ego network around a focus node, and filters on relations
/// and kinds. Shared by every command that draws, exports or extracts a part of the graph.
public struct GraphSelection: Sendable, Equatable {
    /// The centre of an ego network; `nil` for the whole graph.
    public var focus: NodeID?
    /// Steps from the focus (ignored without one).
    public var depth: Int
    /// Which way edges are followed from the focus.
    public var direction: Direction
    /// Keep only edges of these relations (all when empty). Also limits the ego-network walk.
    public var relations: Set<Relation>
    /// Keep only nodes of these kinds (all when empty). The focus is always kept.
    public var kinds: Set<Kind>

    public init(focus: NodeID? = nil, depth: Int = 1, direction: Direction = .both,
                relations: Set<Relation> = [], kinds: Set<Kind> = []) {
        self.focus = focus
        self.depth = depth
        self.direction = direction
        self.relations = relations
        self.kinds = kinds
    }

    /// Whether the selection is the whole graph.
    public var isEverything: Bool { focus == nil && relations.isEmpty && kinds.isEmpty }
}

extension Graph {
    /// The part of the graph `selection` names, as a graph of its own (rows in file order).
    ///
    /// Nodes: those within `depth` steps of the focus (walking only the selected relations), or
    /// all; then only those of the selected kinds (the focus stays). Edges: those of the selected
    /// relations between two kept nodes.
    ///
    /// - Throws: ``QueryError`` for an unknown focus, kind or relation.
    /// - Complexity: O(n + m).
    public func selecting(_ selection: GraphSelection) throws(QueryError) -> Graph {
        if selection.isEverything { return self }
        for kind in selection.kinds where !schema.contains(kind) { _ = try checkedKind(kind.rawValue) }
        for relation in selection.relations where !schema.contains(relation) { _ = try checkedRelation(relation.rawValue) }
        var keep = [Bool](repeating: selection.focus == nil, count: nodeCount)
        var focusRow: Int32?
        if let focus = selection.focus {
            guard let start = index[focus] else {
                throw QueryError(.unknownNode(focus.rawValue, suggestions: suggestions(for: focus.rawValue)))
            }
            focusRow = start
            keep[Int(start)] = true
            let mask = relationMask(selection.relations)
            var frontier = [start]
            var level = 0
            while !frontier.isEmpty, level < selection.depth {
                level += 1
                var next: [Int32] = []
                for node in frontier {
                    forEachStep(from: node, direction: selection.direction, relationMask: mask) { _, other in
                        if !keep[Int(other)] {
                            keep[Int(other)] = true
                            next.append(other)
                        }
                    }
                }
                frontier = next
            }
        }
        if !selection.kinds.isEmpty {
            let kindMask = schema.kinds.map { selection.kinds.contains($0.kind) }
            for i in 0..<nodeCount where keep[i] && Int32(i) != focusRow && !kindMask[Int(nodeTable.kinds[i])] { keep[i] = false }
        }
        let relationMask = relationMask(selection.relations)
        let nodeRows = (0..<Int32(nodeCount)).filter { keep[Int($0)] }
        let edgeRows = (0..<Int32(edgeCount)).filter { e in
            keep[Int(source(ofEdge: e))] && keep[Int(target(ofEdge: e))]
                && (relationMask?[Int(edgeTable.relations[Int(e)])] ?? true)
        }
        return selecting(nodes: nodeRows, edges: edgeRows)
    }
}
