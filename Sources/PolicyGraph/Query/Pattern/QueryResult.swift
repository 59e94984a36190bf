/// One cell of a query result.
public enum QueryValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A bound node: its id (its kind and label travel in the ``QueryResult``).
    case node(NodeID)
    case edge(Edge)
    /// A list: `collect(...)`, `labels(n)`, or the edges of a variable-length relationship.
    case list([QueryValue])
    /// A map: a map literal or projection, keys sorted when shown.
    case map([String: QueryValue])
    /// A path bound by `p = ...`: its nodes, and the edges between them in order.
    case path(nodes: [NodeID], edges: [Edge])

    /// The value as a table cell: a node as its id, an edge as `from-[:relation]->to`, a list as
    /// `[a, b]` (a string in it quoted, `["a, b", "c"]`), null as `null`.
    public var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .double(let d): return "\(d)"
        case .string(let s): return s
        case .node(let id): return id.rawValue
        case .edge(let e): return "\(e.from.rawValue)-[:\(e.relation.rawValue)]->\(e.to.rawValue)"
        case .list(let items): return "[" + items.map(\.itemText).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.keys.sorted().map { "\($0): \(entries[$0]?.itemText ?? "null")" }.joined(separator: ", ") + "}"
        case .path(let nodes, let edges):
            var text = nodes.first.map { "(\($0.rawValue))" } ?? ""
            for (i, e) in edges.enumerated() where i + 1 < nodes.count {
                let forward = e.from == nodes[i]
                text += (forward ? "-[:" : "<-[:") + e.relation.rawValue + (forward ? "]->" : "]-") + "(\(nodes[i + 1].rawValue))"
            }
            return text
        }
    }
}

/// The rows a pattern query returns, with its column names.
public struct QueryResult: Sendable, Equatable {
    /// The RETURN items' names: the alias, or the expression as written.
    public let columns: [String]
    public let rows: [[QueryValue]]
    /// The graph the rows come from, where the JSON rendering reads each node's kind and label:
    /// looked up when rendered, not gathered for every row when the query ends (a table or a
    /// count never needs them). Holding it keeps the graph's arrays alive, copies nothing.
    private let source: Graph?

    struct NodeSummary: Sendable, Equatable {
        let kind: Kind
        let label: String
    }

    init(columns: [String], rows: [[QueryValue]], source: Graph?) {
        self.columns = columns
        self.rows = rows
        self.source = source
    }

    /// Kind and label of node `id`, `nil` when the graph does not have it.
    func summary(of id: NodeID) -> NodeSummary? {
        guard let source, let row = source.index[id] else { return nil }
        return NodeSummary(kind: source.kind(at: row), label: source.label(at: row))
    }

    /// Equal when the columns and rows are, and every node in them has the same kind and
    /// label in both.
    public static func == (lhs: QueryResult, rhs: QueryResult) -> Bool {
        guard lhs.columns == rhs.columns, lhs.rows == rhs.rows else { return false }
        var ids: [NodeID] = []
        func collect(_ value: QueryValue) {
            switch value {
            case .node(let id): ids.append(id)
            case .list(let items): items.forEach(collect)
            case .map(let entries): entries.values.forEach(collect)
            case .path(let nodes, _): ids += nodes
            default: break
            }
        }
        lhs.rows.forEach { $0.forEach(collect) }
        return ids.allSatisfy { lhs.summary(of: $0) == rhs.summary(of: $0) }
    }

    /// The cells as text, row by row (`QueryValue.text`).
    public var cells: [[String]] { rows.map { $0.map(\.text) } }

    /// The result as CSV: a header of the columns, then the rows; null is an empty field (as in
    /// the graph's own files), a list or a map JSON text.
    public var csv: String {
        CSVWriter.document(header: columns, rows: rows.map { row in row.map(\.csvField) })
    }

    /// `{"columns": [...], "rows": [[...], ...]}`; a node is `{"id", "kind", "label"}`, an edge
    /// `{"from", "relation", "to"}`.
    package var jsonValue: JSONValue {
        .object([
            "columns": .array(columns.map { .string($0) }),
            "rows": .array(rows.map { .array($0.map(json)) }),
        ])
    }

    func json(_ value: QueryValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        // A float keeps its decimal point (`1.0`), so that a reader tells it from the integer 1.
        case .double(let d): return d.isFinite ? .number("\(d)") : .null
        case .string(let s): return .string(s)
        case .node(let id):
            let summary = self.summary(of: id)
            return .object([
                "id": .string(id.rawValue),
                "kind": summary.map { .string($0.kind.rawValue) } ?? .null,
                "label": summary.map { .string($0.label) } ?? .null,
            ])
        case .edge(let e):
            return .object(["from": .string(e.from.rawValue), "relation": .string(e.relation.rawValue), "to": .string(e.to.rawValue)])
        case .list(let items): return .array(items.map(json))
        case .map(let entries): return .object(entries.keys.sorted().map { JSONMember(key: $0, value: json(entries[$0] ?? .null)) })
        case .path(let nodes, let edges):
            return .object(["nodes": .array(nodes.map { json(.node($0)) }), "edges": .array(edges.map { json(.edge($0)) })])
        }
    }
}
