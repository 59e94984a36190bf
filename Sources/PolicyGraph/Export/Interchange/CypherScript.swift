/// The graph as a Cypher script that loads into an empty Neo4j 5 or Memgraph database as is
/// (`cypher-shell -f graph.cypher`, `mgconsole < graph.cypher`).
///
/// Every node gets the label `PolicyGraphNode` (which carries the uniqueness constraint on
/// `id`, since ids are unique across kinds) and a label named after its kind; every edge a
/// relationship type named after its relation. Properties are the columns: `id`, `kind`, then
/// the node columns; the edge columns on relationships. Empty cells are no property; numeric
/// columns are floats. Names that are no plain identifier, or are keywords, are backtick-quoted.
///
/// Nodes are `MERGE`d on `id` (so a part exported twice does not fail on the constraint),
/// relationships `CREATE`d (parallel edges are kept): batches of ``batchSize`` rows per
/// `UNWIND` statement, nodes grouped by kind and relationships by relation, each group in file order.
package enum CypherScript {
    /// The label every node carries.
    package static let nodeLabel = "PolicyGraphNode"
    /// Rows per `UNWIND` statement: large enough to load fast, small enough for one transaction.
    package static let batchSize = 500

    package static func script(_ graph: Graph, dialect: ExportOptions.CypherDialect = .neo4j) -> String {
        let nodeColumns = graph.nodeExportColumns
        let edgeColumns = graph.edgeExportColumns
        let label = CypherText.name(nodeLabel)
        var out = "// PolicyGraph export: \(English.count(graph.nodeCount, "node")), \(English.count(graph.edgeCount, "relationship")). Load into an empty database.\n"
        switch dialect {
        case .neo4j:
            out += "CREATE CONSTRAINT policygraph_node_id IF NOT EXISTS FOR (n:\(label)) REQUIRE n.id IS UNIQUE;\n"
        case .memgraph:
            out += "CREATE INDEX ON :\(label)(id);\n"
            out += "CREATE CONSTRAINT ON (n:\(label)) ASSERT n.id IS UNIQUE;\n"
        }
        for (k, rule) in graph.schema.kinds.enumerated() {
            let rows = Array(graph.byKind.members(k))
            for batch in stride(from: 0, to: rows.count, by: batchSize) {
                out += "UNWIND [\n"
                for (j, i) in rows[batch..<min(batch + batchSize, rows.count)].enumerated() {
                    var properties = [(Column.kind, CypherText.string(rule.kind.rawValue))]
                    for column in nodeColumns {
                        if let value = column.value(at: Int(i)) { properties.append((column.name, literal(value, column.type))) }
                    }
                    out += (j == 0 ? "  " : ", ") + "{id: \(CypherText.string(graph.id(at: i).rawValue)), properties: \(map(properties))}\n"
                }
                out += "] AS row\nMERGE (n:\(label) {id: row.id}) SET n:\(CypherText.name(rule.kind.rawValue)) SET n += row.properties;\n"
            }
        }
        for (r, rule) in graph.schema.relations.enumerated() {
            let rows = Array(graph.byRelation.members(r))
            for batch in stride(from: 0, to: rows.count, by: batchSize) {
                out += "UNWIND [\n"
                for (j, e) in rows[batch..<min(batch + batchSize, rows.count)].enumerated() {
                    var properties: [(String, String)] = []
                    for column in edgeColumns {
                        if let value = column.value(at: Int(e)) { properties.append((column.name, literal(value, column.type))) }
                    }
                    let from = CypherText.string(graph.id(at: graph.source(ofEdge: e)).rawValue)
                    let to = CypherText.string(graph.id(at: graph.target(ofEdge: e)).rawValue)
                    out += (j == 0 ? "  " : ", ") + "{from: \(from), to: \(to), properties: \(map(properties))}\n"
                }
                out += "] AS row\nMATCH (a:\(label) {id: row.from}), (b:\(label) {id: row.to})\n"
                out += "CREATE (a)-[r:\(CypherText.name(rule.relation.rawValue))]->(b) SET r = row.properties;\n"
            }
        }
        return out
    }

    private static func literal(_ value: String, _ type: ExportColumnType) -> String {
        type == .double ? value : CypherText.string(value)
    }

    private static func map(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(CypherText.name($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
