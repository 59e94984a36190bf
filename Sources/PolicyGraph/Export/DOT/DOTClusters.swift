/// The boxes of `--cluster`: a box for each actor that has members to put in it (a country with
/// its ministries, an organization such as the EU with its member states, a bloc), holding the
/// nodes that belong to it (see ``Affiliations``) and the boxes of its members that have members
/// themselves: the G7's box holds the EU's box, which holds the Commission and the member states.
/// Each is `subgraph "cluster_<kind>_<id>"` labelled with the anchor's label; a box nests inside
/// another as Graphviz clusters do. Where a node is drawn when its memberships do not nest is
/// ``BoxNesting``'s rule; a node belonging to no box stays outside every box.
struct DOTClusters {
    struct Cluster {
        /// `cluster_<kind>_<id>`: named by the anchor's id, so a box keeps its name when others
        /// come and go, and no name can clash with `cluster_legend`.
        let name: String
        /// The country or other actor the box is of (it may be outside the view).
        let anchor: NodeID
        let label: String
        /// The nodes drawn directly in this box (not in a box inside it), sorted by id.
        let members: [Node]
        /// The index in ``DOTClusters/clusters`` of the box this one is drawn in; `nil` at the top.
        let parent: Int?
        /// How many boxes enclose this one.
        let depth: Int
    }

    /// Outer boxes first and each followed by the boxes inside it (depth first), siblings sorted
    /// by the anchor's id.
    let clusters: [Cluster]
    /// Memberships (`member`, organization) that the boxes do not show, sorted: a node drawn in
    /// one box cannot be drawn in another that does not hold it.
    let unshown: [Membership]
    private let clustered: Set<NodeID>

    /// A membership the drawing leaves out.
    struct Membership: Equatable {
        let member: NodeID
        let anchor: NodeID
    }

    /// Boxes for the nodes of `view` (sorted by id), with memberships and labels read from
    /// `context`; a box is drawn when one of its members is in view, even when its actor is not.
    init(view nodes: [Node], context: Graph, options: DOTOptions) {
        let nesting = BoxNesting(graph: context, anchors: Self.anchors(in: context))
        let viewRows = nodes.compactMap { node in context.index[node.id].map { (node, $0) } }
        // A box is drawn when something other than its own actor is drawn inside it.
        var boxed: Set<Int32> = []
        for (_, row) in viewRows {
            var next = nesting.placement(ofRow: row)
            while let box = next, boxed.insert(box).inserted { next = nesting.parent[box] }
        }
        func drawnBox(from start: Int32?) -> Int32? {
            var next = start
            while let box = next, !boxed.contains(box) { next = nesting.parent[box] }
            return next
        }
        var members: [Int32: [Node]] = [:]
        for (node, row) in viewRows {
            let box = boxed.contains(row) ? row : drawnBox(from: nesting.placement(ofRow: row))
            if let box { members[box, default: []].append(node) }
        }
        var children: [Int32?: [Int32]] = [:]
        for box in boxed { children[drawnBox(from: nesting.parent[box]), default: []].append(box) }
        let labeller = DOTRenderer(options: DOTOptions(language: options.language, fontName: options.fontName))
        var clusters: [Cluster] = []
        func visit(_ parent: Int32?, index: Int?, depth: Int) {
            for box in (children[parent] ?? []).sorted(by: { context.id(at: $0) < context.id(at: $1) }) {
                let id = context.id(at: box)
                let label = context.node(id).map { labeller.displayLabel(of: $0) } ?? id.rawValue
                let kind = context.kind(of: id)?.rawValue ?? "country"
                clusters.append(Cluster(name: "cluster_\(kind)_" + id.rawValue, anchor: id, label: label,
                                        members: members[box] ?? [], parent: index, depth: depth))
                visit(box, index: clusters.count - 1, depth: depth + 1)
            }
        }
        visit(nil, index: nil, depth: 0)
        self.clusters = clusters
        clustered = Set(clusters.flatMap { $0.members.map(\.id) })
        let inView = Set(nodes.map(\.id))
        unshown = nesting.unshown.map { Membership(member: context.id(at: $0.member), anchor: context.id(at: $0.anchor)) }
            .filter { inView.contains($0.member) }
            .sorted { ($0.member, $0.anchor) < ($1.member, $1.anchor) }
    }

    /// The anchors of the boxes: every country, and every other actor that has members,
    /// delegations aside (they belong to the anchors of their people, ``Affiliations`` rule 3).
    static func anchors(in graph: Graph) -> [Int32] {
        var rows = graph.schema.kindIndex[.country].map { Array(graph.byKind.members($0)) } ?? []
        guard let memberOf = graph.schema.relationIndex[.memberOf].map({ UInt16($0) }) else { return rows }
        let relations = graph.edgeTable.relations
        let actorKinds = Set(graph.schema.actorKinds.compactMap { graph.schema.kindIndex[$0] }.map { UInt16($0) })
        let skipped = [Kind.country, .delegation].compactMap { graph.schema.kindIndex[$0] }.map { UInt16($0) }
        for row in 0..<Int32(graph.nodeCount) {
            let kind = graph.nodeTable.kinds[Int(row)]
            guard !skipped.contains(kind), actorKinds.contains(kind) else { continue }
            if graph.incoming.members(Int(row)).contains(where: { relations[Int($0)] == memberOf }) { rows.append(row) }
        }
        return rows
    }

    /// Whether the node is drawn inside a box.
    func contains(_ id: NodeID) -> Bool { clustered.contains(id) }
}
