/// An interactive map of a graph in one HTML file: Graphviz's layout as inline SVG, the graph's
/// data as JSON, and the page's own style and script, with nothing fetched from anywhere.
///
/// Making one takes three steps, so that the library runs no program of its own accord:
/// ``layoutDOT(of:context:options:)`` gives the DOT to lay out, the caller runs Graphviz on it
/// (``GraphvizRunner``), and ``page(of:layout:options:)`` puts the page together. Check the size
/// first with ``checkSize(of:limits:)``: Graphviz takes minutes on a large graph.
///
/// Every string of the graph reaches the page as text: in the SVG escaped as XML, in the data as
/// JSON with `<`, `>` and `&` escaped, and the script puts labels into the page only through
/// `textContent` and `setAttribute`. The page's Content-Security-Policy forbids every request
/// and runs only the script and style whose SHA-256 it names.
package enum HTMLMap {
    /// Throws when `view` is empty or larger than `limits`.
    /// - Throws: ``HTMLMapError`` with `.empty` or `.tooLarge`.
    package static func checkSize(of view: Graph, limits: HTMLMapLimits) throws(HTMLMapError) {
        if view.nodeCount == 0 { throw HTMLMapError(.empty) }
        if view.nodeCount > limits.nodes || view.edgeCount > limits.edges {
            throw HTMLMapError(.tooLarge(nodes: view.nodeCount, edges: view.edgeCount, limits: limits))
        }
    }

    /// The layout program for `view`: `dot` (layered, the best for policy graphs) up to
    /// ``layeredLimit`` nodes, `sfdp` (force-directed) above, where `dot`'s crossing
    /// minimisation takes many minutes (a generated 2,000-node graph: over ten) and `sfdp` seconds.
    package static func defaultEngine(for view: Graph) -> GraphvizEngine {
        view.nodeCount > layeredLimit ? .sfdp : .dot
    }

    /// The most nodes ``defaultEngine(for:)`` lays out with `dot`.
    package static let layeredLimit = 400

    /// The DOT to lay out: `options` as given, with an id on every node and edge, and without
    /// the legend and title (the page has its own). For a force-directed `engine`, nodes are
    /// moved apart until none overlaps (``overlapRemoval``); `dot` never overlaps them.
    package static func layoutDOT(of view: Graph, context: Graph, options: DOTOptions, engine: GraphvizEngine = .dot) -> String {
        var options = options
        options.mapLayout = true
        options.legend = false
        options.title = nil
        if engine != .dot { options.overlapRemoval = overlapRemoval }
        return DOTRenderer(options: options).render(view, context: context)
    }

    /// Graphviz `overlap` for force-directed layouts: `prism` keeps the layout's shape and moves
    /// nodes just apart. On a generated 2,000-node graph, `sfdp` alone leaves 1,986 nodes
    /// overlapping; with `prism`, none, for half a second more (`scale`: none, but a drawing
    /// forty times larger and five times slower).
    package static let overlapRemoval = "prism"

    /// The whole page, for `view` laid out as `layout` (Graphviz's SVG of
    /// ``layoutDOT(of:context:options:)``, with the same `context`). The same input gives the
    /// same bytes.
    /// - Throws: ``HTMLMapError`` when the layout is not readable SVG.
    /// - Complexity: O(size of the layout + (n + m) log(n + m)), plus an overlap per pair of the
    ///   (at most 40) actors.
    package static func page(of view: Graph, context: Graph? = nil, layout: String, options: HTMLMapOptions) throws(HTMLMapError) -> String {
        let svg = try MapSVG.clean(layout, large: view.nodeCount + view.edgeCount > MapSVG.levelOfDetailSize)
        let data = ScriptJSON.text(MapData(view: view).json(view: view, context: context ?? view, options: options))
        return MapPage(title: options.title, svg: svg.markup, data: data).html
    }
}
