/// The country boxes of `--cluster`: each country with the nodes that belong to it (see
/// ``Affiliations`` for the rules), as `subgraph "cluster_country_<id>"` labelled with the
/// country's label. A node belonging to no country, or to two, stays outside every box
/// (Graphviz cannot draw a node in two boxes, and a reader would take either as a claim).
struct DOTClusters {
    struct Cluster {
        /// `cluster_country_<id>`: named by the country's id, so a box keeps its name when other
        /// countries come and go, and no name can clash with `cluster_legend`.
        let name: String
        let label: String
        /// Sorted by id.
        let members: [Node]
    }

    /// Sorted by the country's id.
    let clusters: [Cluster]
    private let clustered: Set<NodeID>

    /// Boxes for the nodes of `view` (sorted by id), with memberships and country labels read
    /// from `context`; a country gets a box when one of its members is in view, even when the
    /// country itself is not.
    init(view nodes: [Node], context: Graph, options: DOTOptions) {
        let countries = context.schema.kindIndex[.country].map { context.byKind.members($0) } ?? []
        let affiliations = Affiliations(graph: context, anchors: Array(countries))
        var members: [NodeID: [Node]] = [:]
        for node in nodes {
            if let owner = affiliations.owner(of: node.id) { members[owner, default: []].append(node) }
        }
        let labeller = DOTRenderer(options: DOTOptions(language: options.language, fontName: options.fontName))
        clusters = members.keys.sorted().map { country in
            let label = context.node(country).map { labeller.displayLabel(of: $0) } ?? country.rawValue
            return Cluster(name: "cluster_country_" + country.rawValue, label: label, members: members[country] ?? [])
        }
        clustered = Set(clusters.flatMap { $0.members.map(\.id) })
    }

    /// Whether the node is drawn inside a box.
    func contains(_ id: NodeID) -> Bool { clustered.contains(id) }
}
