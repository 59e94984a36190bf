/// The legend of `--legend`: a box with one short edge per relation in view (drawn in the
/// relation's style, always labelled) and one node per kind in view (drawn in the kind's style),
/// both sorted by name, with their schema descriptions as tooltips. Relations come first so
/// that `dot` lines their ends up and draws the edges straight.
///
/// Legend nodes need DOT ids that no node of the graph has: they start with `legend:`, or with
/// as many more `_` in front as it takes for no id of the view to start with the prefix.
struct DOTLegend {
    let view: Graph
    let nodes: [Node]
    let edges: [Edge]
    let style: DOTStyle
    let options: DOTOptions

    var text: String {
        let kinds = Set(nodes.map(\.kind)).sorted()
        let relations = Set(edges.map(\.relation)).sorted()
        guard !kinds.isEmpty || !relations.isEmpty else { return "" }
        let prefix = Self.prefix(avoiding: nodes.map(\.id))
        let renderer = DOTRenderer(options: options)
        var out = "\n  subgraph \(DOT.quote("cluster_legend")) {\n"
        out += "    graph " + renderer.attributes([("label", "Legend"), ("style", "rounded"), ("color", "#bdbdbd"),
                                                    ("fontsize", "11"), ("labeljust", "l")]) + ";\n"
        for relation in relations {
            let look = style.style(for: relation)
            let from = DOT.quote(prefix + "relation:" + relation.rawValue + ":from")
            let to = DOT.quote(prefix + "relation:" + relation.rawValue + ":to")
            let end = renderer.attributes([("label", ""), ("shape", "point"), ("width", "0.06"), ("color", look.color)])
            out += "    \(from) \(end);\n    \(to) \(end);\n"
            let tooltip = view.schema.rule(for: relation).map { "\(relation.rawValue): \($0.description)" } ?? relation.rawValue
            out += "    \(from) -> \(to) "
                + renderer.attributes([("label", relation.rawValue), ("tooltip", tooltip), ("color", look.color),
                                       ("fontcolor", look.color), ("style", look.style), ("arrowhead", look.arrowhead),
                                       ("penwidth", DOTRenderer.number(look.penWidth))]) + ";\n"
        }
        if edges.contains(where: { $0.attributes[Column.evidence] == Evidence.inferred.rawValue }) {
            out += DOTRenderer.inferredLegendEntry(prefix: prefix, renderer: renderer)
        }
        for kind in kinds {
            let look = style.style(for: kind)
            let tooltip = view.schema.rule(for: kind).map { "\(kind.rawValue): \($0.description)" } ?? kind.rawValue
            out += "    " + DOT.quote(prefix + "kind:" + kind.rawValue) + " "
                + renderer.attributes([("label", kind.rawValue), ("tooltip", tooltip), ("shape", look.shape),
                                       ("style", look.style), ("fillcolor", look.fillColor)]) + ";\n"
        }
        out += "  }\n"
        return out
    }

    /// `legend:` with `_` in front until no id (as Graphviz names it) starts with it.
    static func prefix(avoiding ids: [NodeID]) -> String {
        let names = ids.map { DOT.escaped($0.rawValue, entities: false) }
        var prefix = "legend:"
        while names.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
        return prefix
    }
}
