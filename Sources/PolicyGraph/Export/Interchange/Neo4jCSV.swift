/// The header-annotated CSV files that `neo4j-admin database import full` bulk-loads:
/// `nodes.csv` (`id:ID`, `:LABEL` = `PolicyGraphNode;<kind>`, `kind`, the node columns) and
/// `relationships.csv` (`:START_ID`, `:TYPE`, `:END_ID`, the edge columns).
///
/// Numeric columns are typed `name:double`; the others are strings. Fields are quoted as in
/// our canonical CSV (doubled quotes inside), so values with line breaks need the import's
/// `--multiline-fields=true`. Empty cells are no property. Rows are in file order.
package enum Neo4jCSV {
    package static let nodesFile = "nodes.csv"
    package static let relationshipsFile = "relationships.csv"

    package static func files(_ graph: Graph) -> [ExportResult.File] {
        let nodeColumns = graph.nodeExportColumns
        let edgeColumns = graph.edgeExportColumns
        var nodes = CSVWriter.record(["id:ID", ":LABEL", Column.kind] + nodeColumns.map(header))
        for i in 0..<Int32(graph.nodeCount) {
            let kind = graph.kind(at: i).rawValue
            var fields = [graph.id(at: i).rawValue, "\(CypherScript.nodeLabel);\(kind)", kind]
            for column in nodeColumns { fields.append(column.value(at: Int(i)) ?? "") }
            nodes += CSVWriter.record(fields)
        }
        var relationships = CSVWriter.record([":START_ID", ":TYPE", ":END_ID"] + edgeColumns.map(header))
        for e in 0..<Int32(graph.edgeCount) {
            var fields = [graph.id(at: graph.source(ofEdge: e)).rawValue, graph.relation(ofEdge: e).rawValue,
                          graph.id(at: graph.target(ofEdge: e)).rawValue]
            for column in edgeColumns { fields.append(column.value(at: Int(e)) ?? "") }
            relationships += CSVWriter.record(fields)
        }
        return [ExportResult.File(path: nodesFile, contents: nodes), ExportResult.File(path: relationshipsFile, contents: relationships)]
    }

    /// `name` or `name:double`. A `:` in a column name would read as a type annotation, so it
    /// becomes `_`.
    private static func header(_ column: ExportColumn) -> String {
        let name = column.name.replacing(":", with: "_")
        return column.type == .double ? "\(name):double" : name
    }
}
