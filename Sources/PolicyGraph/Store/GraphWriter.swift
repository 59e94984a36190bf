/// Renders a graph back to its CSV files in the canonical form: columns in the order they were
/// read, rows in file order, every cell as written. Loading a canonical folder and writing it
/// gives the same bytes.
package enum GraphWriter {
    /// The text of `nodes.csv`.
    public static func nodesCSV(_ graph: Graph) -> String {
        nodesCSV(graph, rows: 0..<Int32(graph.nodeCount))
    }

    /// The text of `edges.csv`.
    public static func edgesCSV(_ graph: Graph) -> String {
        edgesCSV(graph, rows: 0..<Int32(graph.edgeCount))
    }

    static func nodesCSV(_ graph: Graph, rows: some Sequence<Int32>) -> String {
        var out = CSVWriter.record([Column.id, Column.kind] + graph.nodeAttributeNames)
        let columns = graph.nodeTable.columns
        for i in rows {
            var fields = [graph.id(at: i).rawValue, graph.kind(at: i).rawValue]
            for column in columns { fields.append(column.text(at: Int(i))) }
            out.append(CSVWriter.record(fields))
        }
        return out
    }

    static func edgesCSV(_ graph: Graph, rows: some Sequence<Int32>) -> String {
        var out = CSVWriter.record([Column.from, Column.relation, Column.to] + graph.edgeAttributeNames)
        let columns = graph.edgeTable.columns
        for e in rows {
            var fields = [graph.id(at: graph.source(ofEdge: e)).rawValue, graph.relation(ofEdge: e).rawValue,
                          graph.id(at: graph.target(ofEdge: e)).rawValue]
            for column in columns { fields.append(column.text(at: Int(e))) }
            out.append(CSVWriter.record(fields))
        }
        return out
    }

    /// Writes `nodes.csv` and `edges.csv` into `folder` (created when missing), each atomically;
    /// never into `graphFolder`, the graph being read (see `AtomicFile`).
    public static func write(_ graph: Graph, to folder: String, graphFolder: String? = nil) throws(AtomicFile.WriteError) {
        try AtomicFile.makeFolder(folder)
        try AtomicFile.write(nodesCSV(graph), to: GraphFiles.join(folder, GraphFiles.nodes), graphFolder: graphFolder)
        try AtomicFile.write(edgesCSV(graph), to: GraphFiles.join(folder, GraphFiles.edges), graphFolder: graphFolder)
    }
}
