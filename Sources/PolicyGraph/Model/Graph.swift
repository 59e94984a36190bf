/// An immutable, indexed, typed graph: the nodes and edges of a graph folder, checked against
/// its schema.
///
/// Inside, node ids are interned to dense indices and every lookup is an array access:
/// adjacency in both directions (grouped by relation within a node), nodes by kind and edges by
/// relation are compressed sparse rows built by counting sorts, so building is linear in the
/// graph and a million nodes cost memory, not time. The indices never leave the library; the
/// public API speaks ``NodeID``, ``Node`` and ``Edge``.
public struct Graph: Sendable {
    /// The schema the graph was checked against.
    public let schema: Schema
    let nodeTable: NodeTable
    let edgeTable: EdgeTable
    /// Node id → row, `index[id]`.
    let index: NodeIndex
    /// Out-edges of each node, by relation then file order.
    let outgoing: CSRIndex
    /// In-edges of each node, by relation then file order.
    let incoming: CSRIndex
    /// Nodes of each kind (index into `schema.kinds`), in file order.
    let byKind: CSRIndex
    /// Edges of each relation (index into `schema.relations`), in file order.
    let byRelation: CSRIndex
    /// Edges by relation and the kinds of their ends, for the query planner.
    let edgeKinds: EdgeKindCounts
    /// The parsed `weight` of each distinct value of the weight column.
    let weightValues: [Double]
    let weightColumn: Int?
    let labelZhColumn: Int?
    /// What the graph lends or builds on demand, behind one reference (see ``GraphCaches``).
    let caches: GraphCaches
    /// Visited arrays lent to searches (see ``SearchScratch``): not part of the graph's value.
    var scratch: SearchScratch { caches.scratch }
    /// Kind-ordered copies of text columns, made when a query first scans one (see
    /// ``KindTextViews``): not part of the graph's value.
    var textViews: KindTextViews { caches.textViews }
    /// Edge columns gathered in adjacency-slot order, made when a count first tests one over
    /// many edges (see ``SlotCodeViews``): not part of the graph's value.
    var slotCodes: SlotCodeViews { caches.slotCodes }

    /// Builds the indices over checked tables. Callers have validated every row; `index` maps
    /// each id of `nodes.ids` to its row.
    init(schema: Schema, nodes: NodeTable, edges: EdgeTable, index: NodeIndex) {
        self.schema = schema
        self.nodeTable = nodes
        self.edgeTable = edges
        self.index = index
        let n = nodes.ids.count
        self.caches = GraphCaches(nodeCount: n)
        let m = edges.from.count
        // Edges by relation first, so that grouping them by endpoint keeps relation order.
        let byRelation = edges.relations.withUnsafeBufferPointer { r in
            CSRIndex(groups: schema.relations.count, count: m) { Int(r[$0]) }
        }
        self.byRelation = byRelation
        // The two directions are independent: for a big graph, build them at once.
        let out = {
            edges.from.withUnsafeBufferPointer { f in
                edges.to.withUnsafeBufferPointer { t in
                    edges.relations.withUnsafeBufferPointer { r in
                        CSRIndex(groups: n, order: byRelation.items, key: { Int(f[Int($0)]) }, end: { t[Int($0)] }, relations: r)
                    }
                }
            }
        }
        let into = {
            edges.to.withUnsafeBufferPointer { t in
                edges.from.withUnsafeBufferPointer { f in
                    edges.relations.withUnsafeBufferPointer { r in
                        CSRIndex(groups: n, order: byRelation.items, key: { Int(t[Int($0)]) }, end: { f[Int($0)] }, relations: r)
                    }
                }
            }
        }
        (self.outgoing, self.incoming) = m >= Self.parallelBuildThreshold ? Parallel.both(out, into) : (out(), into())
        self.edgeKinds = EdgeKindCounts(relations: schema.relations.count, kinds: schema.kinds.count, edges: edges,
                                        nodeKinds: nodes.kinds, parallel: m >= Self.parallelBuildThreshold)
        self.byKind = nodes.kinds.withUnsafeBufferPointer { k in
            CSRIndex(groups: schema.kinds.count, count: n) { Int(k[$0]) }
        }
        let weightColumn = edges.columns.firstIndex { $0.name == Column.weight }
        self.weightColumn = weightColumn
        self.weightValues = weightColumn.map { Self.weights(edges.columns[$0]) } ?? []
        self.labelZhColumn = nodes.columns.firstIndex { $0.name == Column.labelZh }
    }

    /// Builds the indices over checked tables whose ids are unique.
    init(schema: Schema, nodes: NodeTable, edges: EdgeTable) {
        self.init(schema: schema, nodes: nodes, edges: edges, index: NodeIndex(ids: nodes.ids))
    }

    /// Kept for callers that built a dictionary: the index is rebuilt from `nodes.ids`.
    init(schema: Schema, nodes: NodeTable, edges: EdgeTable, index: [NodeID: Int32]) {
        self.init(schema: schema, nodes: nodes, edges: edges)
    }

    /// The weight of each code of the weight column (or of each row, for a plain column).
    private static func weights(_ column: AttributeColumn) -> [Double] {
        switch column.storage {
        case .dictionary(_, let values): return values.map { PolicyNumber.parse($0) ?? 1 }
        case .plain: return (0..<column.count).map { column.value(at: $0).flatMap { PolicyNumber.parse($0) } ?? 1 }
        }
    }

    /// Graphs with this many edges build their two adjacency directions on two threads.
    static let parallelBuildThreshold = 200_000

    /// The number of nodes. O(1).
    public var nodeCount: Int { nodeTable.ids.count }
    /// The number of edges, parallel edges included. O(1).
    public var edgeCount: Int { edgeTable.from.count }

    /// The node columns after `id,kind`, in file order (`label` first).
    public var nodeAttributeNames: [String] { nodeTable.columns.map(\.name) }
    /// The edge columns after `from,relation,to`, in file order.
    public var edgeAttributeNames: [String] { edgeTable.columns.map(\.name) }
}
