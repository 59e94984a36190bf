/// What a view of the graph draws: which part, and how it looks. `policygraph dot` and each line
/// of a graph's view list (`views/views.txt`) describe one; a library user builds one directly.
///
/// ```swift
/// let view = ViewSpecification(part: .stances([.init("us"), .init("china")]),
///                              options: DOTOptions(legend: true, clusters: true))
/// let dot = try view.dot(of: graph)
/// ```
public struct ViewSpecification: Sendable, Equatable {
    /// Which part of the graph a view draws; the ``GraphSelection``'s relations and kinds then
    /// filter it.
    public enum Part: Sendable, Equatable {
        /// The selection itself: the whole graph, or the ego network of its focus.
        case selection
        /// Exactly the nodes and edges a MATCH pattern binds.
        case pattern(String, limits: QueryLimits)
        /// A shortest path, highlighted, drawn on the nodes within the selection's depth of it;
        /// it follows the edges' direction unless the selection's direction is `.both`.
        case path(from: NodeID, to: NodeID)
        /// The stance map of these actors: them, their members and what they support or oppose.
        case stances([NodeID])
    }

    /// Which part of the graph.
    public var part: Part
    /// The focus (for `.selection`), the depth, and the relations and kinds kept.
    public var selection: GraphSelection
    /// How it looks; a path's highlight is added when drawn.
    public var options: DOTOptions

    public init(part: Part = .selection, selection: GraphSelection = GraphSelection(), options: DOTOptions = DOTOptions()) {
        self.part = part
        self.selection = selection
        self.options = options
    }

    /// The part of `graph` the view shows, and the look with a path's highlight added.
    package func drawing(of graph: Graph) throws(QueryError) -> (view: Graph, options: DOTOptions) {
        let filter = GraphSelection(relations: selection.relations, kinds: selection.kinds)
        var options = self.options
        let view: Graph
        switch part {
        case .selection:
            view = try graph.selecting(selection)
        case .pattern(let text, let limits):
            view = try graph.patternSubgraph(text, limits: limits).selecting(filter)
        case .path(let from, let to):
            let pathFilter = PathFilter(relations: selection.relations, undirected: selection.direction == .both)
            guard let path = try graph.shortestPath(from: from, to: to, filter: pathFilter) else {
                throw QueryError(.noPath(from: from, to: to, directed: !pathFilter.undirected))
            }
            view = try graph.surroundings(of: path.nodes, depth: selection.depth).selecting(filter)
            options.highlight = DOTOptions.Highlight(nodes: path.nodes, edges: path.edges)
        case .stances(let actors):
            view = try graph.stanceMap(of: actors).selecting(filter)
        }
        return (view, options)
    }

    /// The view as Graphviz DOT: the same bytes for the same graph and specification.
    ///
    /// - Throws: ``QueryError`` for unknown nodes, kinds and relations, a pattern that does not
    ///   parse or runs past its limits, and ``QueryError/Reason/noPath(from:to:directed:)``.
    public func dot(of graph: Graph) throws(QueryError) -> String {
        let drawn = try drawing(of: graph)
        return DOTRenderer(options: drawn.options).render(drawn.view, context: graph)
    }
}
