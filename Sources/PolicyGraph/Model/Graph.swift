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
    let index: [NodeID: Int32]
    /// Out-edges of each node, by relation then file order.
    let outgoing: CSRIndex
    /// In-edges of each node, by relation then file order.
    let incoming: CSRIndex
    /// Nodes of each kind (index into `schema.kinds`), in file order.
    let byKind: CSRIndex
    /// Edges of each relation (index into `schema.relations`), in file order.
    let byRelation: CSRIndex
    /// The parsed `weight` of each distinct value of the weight column.
    let weightValues: [Double]
    let weightColumn: Int?
    let labelZhColumn: Int?

    /// Builds the indices over checked tables. Callers have validated every row.
    init(schema: Schema, nodes: NodeTable, edges: EdgeTable, index: [NodeID: Int32]) {
        self.schema = schema
        self.nodeTable = nodes
        self.edgeTable = edges
        self.index = index
        let n = nodes.ids.count
        let m = edges.from.count
        // Edges by relation first, so that grouping them by endpoint keeps relation order.
        let fileOrder = (0..<Int32(m)).map { $0 }
        let byRelation = CSRIndex(groups: schema.relations.count, order: fileOrder) { Int(edges.relations[Int($0)]) }
        self.byRelation = byRelation
        self.outgoing = CSRIndex(groups: n, order: byRelation.items) { Int(edges.from[Int($0)]) }
        self.incoming = CSRIndex(groups: n, order: byRelation.items) { Int(edges.to[Int($0)]) }
        self.byKind = CSRIndex(groups: schema.kinds.count, order: (0..<Int32(n)).map { $0 }) { Int(nodes.kinds[Int($0)]) }
        let weightColumn = edges.columns.firstIndex { $0.name == Column.weight }
        self.weightColumn = weightColumn
        self.weightValues = weightColumn.map { edges.columns[$0].values.map { PolicyNumber.parse($0) ?? 1 } } ?? []
        self.labelZhColumn = nodes.columns.firstIndex { $0.name == Column.labelZh }
    }

    /// The number of nodes. O(1).
    public var nodeCount: Int { nodeTable.ids.count }
    /// The number of edges, parallel edges included. O(1).
    public var edgeCount: Int { edgeTable.from.count }

    /// The node columns after `id,kind`, in file order (`label` first).
    public var nodeAttributeNames: [String] { nodeTable.columns.map(\.name) }
    /// The edge columns after `from,relation,to`, in file order.
    public var edgeAttributeNames: [String] { edgeTable.columns.map(\.name) }
}
