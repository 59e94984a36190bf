/// The boxes of `--cluster`: each country, and each other actor with members that is itself a
/// member of nothing (an organization such as the EU, a bloc), with the nodes that belong to it
/// (see ``Affiliations`` for the rules), as `subgraph "cluster_<kind>_<id>"` labelled with the
/// anchor's label. A node belonging to no anchor, or to two, stays outside every box
/// (Graphviz cannot draw a node in two boxes, and a reader would take either as a claim).
struct DOTClusters {
    struct Cluster {
        /// `cluster_country_<id>`: named by the country's id, so a box keeps its name when other
        /// countries come and go, and no name can clash with `cluster_legend`.
        let name: String
        /// The country or other actor the box is of (it may be outside the view).
        let anchor: NodeID
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
        let affiliations = Affiliations(graph: context, anchors: Self.anchors(in: context))
        var members: [NodeID: [Node]] = [:]
        for node in nodes {
            if let owner = affiliations.owner(of: node.id) { members[owner, default: []].append(node) }
        }
        let labeller = DOTRenderer(options: DOTOptions(language: options.language, fontName: options.fontName))
        // A box of an actor other than a country is drawn only around members: alone, the actor
        // (a country's alliance, say) is no box.
        let boxed = members.keys.filter { anchor in
            context.kind(of: anchor) == .country || (members[anchor] ?? []).contains { $0.id != anchor }
        }
        clusters = boxed.sorted().map { country in
            let label = context.node(country).map { labeller.displayLabel(of: $0) } ?? country.rawValue
            let kind = context.kind(of: country)?.rawValue ?? "country"
            return Cluster(name: "cluster_\(kind)_" + country.rawValue, anchor: country, label: label, members: members[country] ?? [])
        }
        clustered = Set(clusters.flatMap { $0.members.map(\.id) })
    }

    /// The anchors of the boxes: every country, and every other actor that has members and is a
    /// member of nothing (a member of something belongs in that thing's box), delegations aside.
    static func anchors(in graph: Graph) -> [Int32] {
        var rows = graph.schema.kindIndex[.country].map { Array(graph.byKind.members($0)) } ?? []
        guard let memberOf = graph.schema.relationIndex[.memberOf].map({ UInt16($0) }) else { return rows }
        let relations = graph.edgeTable.relations
        let actorKinds = Set(graph.schema.actorKinds.compactMap { graph.schema.kindIndex[$0] }.map { UInt16($0) })
        // Delegations belong to the anchors of their people (``Affiliations`` rule 3).
        let skipped = [Kind.country, .delegation].compactMap { graph.schema.kindIndex[$0] }.map { UInt16($0) }
        for row in 0..<Int32(graph.nodeCount) {
            let kind = graph.nodeTable.kinds[Int(row)]
            guard !skipped.contains(kind), actorKinds.contains(kind) else { continue }
            let hasMembers = graph.incoming.members(Int(row)).contains { relations[Int($0)] == memberOf }
            let isMember = graph.outgoing.members(Int(row)).contains { relations[Int($0)] == memberOf }
            if hasMembers, !isMember { rows.append(row) }
        }
        return rows
    }

    /// Whether the node is drawn inside a box.
    func contains(_ id: NodeID) -> Bool { clustered.contains(id) }
}
