/// Kumu's spreadsheet import pair: `elements.csv` (`ID`, `Label`, `Type` = kind, `Description`,
/// then the other node columns by name) and `connections.csv` (`From`, `To`, `Type` = relation,
/// `Direction` = directed, `Strength` = weight, then the other edge columns by name). Rows in file
/// order. `policygraph import --kumu` reads it back to the same graph.
package enum KumuExport {
    /// The elements sheet's file name.
    public static let elementsFile = "elements.csv"
    /// The connections sheet's file name.
    public static let connectionsFile = "connections.csv"

    /// Both sheets of `graph`. O(n + m) times the columns.
    public static func files(_ graph: Graph) -> [ExportResult.File] {
        let nodeColumns = graph.nodeTable.columns.filter { $0.name != Column.label && $0.name != "description" }
        let description = graph.nodeTable.columns.first { $0.name == "description" }
        let label = graph.nodeTable.columns.first { $0.name == Column.label }
        var elements = CSVWriter.record(["ID", "Label", "Type", "Description"] + nodeColumns.map(\.name))
        for i in 0..<graph.nodeCount {
            var fields = [graph.id(at: Int32(i)).rawValue, label?.value(at: i) ?? "", graph.kind(at: Int32(i)).rawValue,
                          description?.value(at: i) ?? ""]
            for column in nodeColumns { fields.append(column.value(at: i) ?? "") }
            elements += CSVWriter.record(fields)
        }
        let edgeColumns = graph.edgeTable.columns.filter { $0.name != Column.weight }
        let weight = graph.edgeTable.columns.first { $0.name == Column.weight }
        var connections = CSVWriter.record(["From", "To", "Type", "Direction", "Strength"] + edgeColumns.map(\.name))
        for e in 0..<graph.edgeCount {
            let edge = Int32(e)
            var fields = [graph.id(at: graph.source(ofEdge: edge)).rawValue, graph.id(at: graph.target(ofEdge: edge)).rawValue,
                          graph.relation(ofEdge: edge).rawValue, "directed", weight?.value(at: e) ?? ""]
            for column in edgeColumns { fields.append(column.value(at: e) ?? "") }
            connections += CSVWriter.record(fields)
        }
        return [ExportResult.File(path: elementsFile, contents: elements), ExportResult.File(path: connectionsFile, contents: connections)]
    }
}
