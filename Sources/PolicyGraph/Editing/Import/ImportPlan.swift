/// What an import adds to a graph: the nodes it creates and the edge rows it appends, found and
/// checked against the graph before anything is written (see ``ImportMerger``).
package struct ImportPlan: Sendable, Equatable {
    /// A node the import creates.
    public struct NewNode: Sendable, Equatable {
        /// Its id, made by ``NodeIDRule`` unless the source gave one.
        public let id: NodeID
        public let kind: Kind
        /// The name the source gave it.
        public let label: String
        /// Further cells (`label_zh`, `description`, ...), by column.
        public let cells: [String: String]
        /// Where the import first names it.
        public let location: SourceLocation
    }

    /// An edge row the import appends: every cell by column, `from`, `relation` and `to` included.
    public struct NewEdge: Sendable, Equatable {
        public let cells: [String: String]
        /// Its columns in the order the source gave them.
        public let columns: [String]
        public let location: SourceLocation
    }

    /// The nodes created, in the order the source first names them.
    public let nodes: [NewNode]
    /// The edge rows appended, in the source's order.
    public let edges: [NewEdge]
    /// Rows equal to an edge the graph already has: not added again, so that importing the same
    /// sheet twice changes nothing.
    public let alreadyPresent: Int

    /// What becomes of the graph's `schema.json`.
    public enum SchemaChange: Sendable, Equatable {
        /// It stays as it is.
        case none
        /// It is written from the import's schema (the graph had none).
        case written
        /// The import's schema adds to it.
        case extended
    }

    /// What the import does to `schema.json` (see ``ImportSchema``).
    public var schemaChange: SchemaChange = .none

    /// Rows naming an edge the graph has (same ends, relation and date) with other cells.
    package var differing: [DifferingEdge] = []
    /// Whether ``differing`` rows are written into their edges (else only reported).
    package var updatesDiffering = false

    /// Whether the import changes no row.
    public var isEmpty: Bool { nodes.isEmpty && edges.isEmpty && (!updatesDiffering || differing.isEmpty) }
}
