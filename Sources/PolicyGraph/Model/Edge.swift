/// An edge of the graph: `from` stands in `relation` to `to`, with its row's further columns.
///
/// Edges have no id of their own: parallel edges are allowed, and an edge is told apart from
/// its twins by its attributes and its place in `edges.csv`.
public struct Edge: Hashable, Sendable {
    public let from: NodeID
    public let relation: Relation
    public let to: NodeID
    /// The further columns of the row (`weight`, `date`, `cite`, ...), empty cells left out.
    public let attributes: [String: String]

    public init(from: NodeID, relation: Relation, to: NodeID, attributes: [String: String] = [:]) {
        self.from = from
        self.relation = relation
        self.to = to
        self.attributes = attributes
    }

    /// The `weight` column as a number; `nil` when the cell is empty.
    public var weight: Double? { attributes[Column.weight].flatMap { PolicyNumber.parse($0) } }
    /// The `date` column as written (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    public var date: String? { attributes[Column.date] }
    /// The citation of the fact.
    public var cite: String? { attributes[Column.cite] }
}
