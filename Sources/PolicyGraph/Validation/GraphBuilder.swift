/// Builds a ``Graph`` in memory, row by row, for a library user who has no CSV files: the rows
/// are checked exactly as the loader checks a folder, so ``build()`` throws the same issues.
///
/// ```swift
/// var builder = GraphBuilder()
/// builder.addNode("us", kind: .country, label: "United States")
/// builder.addNode("ai-safety", kind: .framework, label: "AI safety")
/// builder.addEdge(from: "us", .supports, to: "ai-safety", attributes: ["date": "2024-05-14"])
/// let graph = try builder.build().graph
/// ```
///
/// Problems are located as in the equivalent folder: the n-th node added is line n + 1 of
/// `nodes.csv` (line 1 is the header), the n-th edge line n + 1 of `edges.csv`.
public struct GraphBuilder: Sendable {
    /// The schema the rows are checked against.
    public let schema: Schema
    private var nodeRows: [[String: String]] = []
    private var edgeRows: [[String: String]] = []
    private var nodeColumns: [String] = [Column.label]
    private var edgeColumns: [String] = []

    /// An empty graph over `schema` (the built-in one unless given).
    public init(schema: Schema = .builtIn) {
        self.schema = schema
    }

    /// Adds a node row; `attributes` fill further columns (`label_zh`, `cite`, ...).
    public mutating func addNode(_ id: NodeID, kind: Kind, label: String, attributes: [String: String] = [:]) {
        var row = attributes
        row[Column.id] = id.rawValue
        row[Column.kind] = kind.rawValue
        row[Column.label] = label
        Self.note(attributes.keys, in: &nodeColumns, reserved: [Column.id, Column.kind, Column.label])
        nodeRows.append(row)
    }

    /// Adds an edge row; `attributes` fill further columns (`weight`, `date`, `cite`, ...).
    public mutating func addEdge(from: NodeID, _ relation: Relation, to: NodeID, attributes: [String: String] = [:]) {
        var row = attributes
        row[Column.from] = from.rawValue
        row[Column.relation] = relation.rawValue
        row[Column.to] = to.rawValue
        Self.note(attributes.keys, in: &edgeColumns, reserved: [Column.from, Column.relation, Column.to])
        edgeRows.append(row)
    }

    /// The graph, checked like a loaded folder: every issue of every row at once.
    ///
    /// - Throws: ``LoadFailure`` with every error (unknown kinds and nodes, duplicate ids,
    ///   forbidden endpoints, bad weights and dates...), located in `nodes.csv` and `edges.csv`.
    /// - Complexity: O(n + m), as loading the same rows from files.
    public func build() throws(LoadFailure) -> LoadedGraph {
        let nodeHeader = [Column.id, Column.kind] + nodeColumns
        let edgeHeader = [Column.from, Column.relation, Column.to] + edgeColumns
        let nodes = Array(CSVWriter.document(header: nodeHeader, rows: nodeRows.map { row in nodeHeader.map { row[$0] ?? "" } }).utf8)
        let edges = Array(CSVWriter.document(header: edgeHeader, rows: edgeRows.map { row in edgeHeader.map { row[$0] ?? "" } }).utf8)
        let loader = TableLoader(schema: schema, nodesFile: GraphFiles.nodes, edgesFile: GraphFiles.edges)
        let result = nodes.withUnsafeBufferPointer { n in
            edges.withUnsafeBufferPointer { e in loader.run(nodes: n, edges: e) }
        }
        return try result.get()
    }

    /// Adds the attribute names not seen yet to `columns`, sorted, so the header is the same
    /// whatever the order of a dictionary.
    private static func note(_ names: Dictionary<String, String>.Keys, in columns: inout [String], reserved: Set<String>) {
        let new = names.filter { !reserved.contains($0) && !columns.contains($0) }.sorted()
        columns += new
    }
}
