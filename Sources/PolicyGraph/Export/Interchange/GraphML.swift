/// The graph as GraphML, the XML graph format Gephi, yEd, Cytoscape and networkx read.
///
/// Every column becomes a typed `<key>`: `d0`, `d1`, ... in column order, node keys first
/// (`kind`, then the node columns), then edge keys (`relation`, then the edge columns).
/// A column is `attr.type="double"` when the schema calls it numeric and every cell is a
/// number, `string` otherwise. Empty cells are left out (GraphML's "no value"). Edges carry
/// `id="e<row>"` (their 0-based row in `edges.csv`), so parallel edges stay apart.
/// A graph with a schema of its own (a `schema.json`) carries it: one more key,
/// `attr.name="policygraph.schema"` `for="graph"`, whose `<data>` on `<graph>` holds the
/// `schema.json` text that declares it; `policygraph import` reads it back
/// (``ImportSchema/graphMLKeyName``), so that such a graph survives the round trip.
/// Text is escaped as ``XMLText`` says.
package enum GraphML {
    package static func document(_ graph: Graph) -> String {
        let nodeColumns = graph.nodeExportColumns
        let edgeColumns = graph.edgeExportColumns
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        var next = 0
        func key(_ name: String, for domain: String, type: ExportColumnType) -> String {
            let id = "d\(next)"
            next += 1
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLText.attribute(name))\" attr.type=\"\(type == .double ? "double" : "string")\"/>\n"
            return id
        }
        let kindKey = key(Column.kind, for: "node", type: .string)
        let nodeKeys = nodeColumns.map { key($0.name, for: "node", type: $0.type) }
        let relationKey = key(Column.relation, for: "edge", type: .string)
        let edgeKeys = edgeColumns.map { key($0.name, for: "edge", type: $0.type) }
        let schema = graph.schema.extensionDocument()
        let schemaKey = schema.map { _ in key(ImportSchema.graphMLKeyName, for: "graph", type: .string) }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        if let schema, let schemaKey { out += "    " + data(schemaKey, schema.rendered()) + "\n" }
        for i in 0..<Int32(graph.nodeCount) {
            out += "    <node id=\"\(XMLText.attribute(graph.id(at: i).rawValue))\">"
            out += data(kindKey, graph.kind(at: i).rawValue)
            for (c, column) in nodeColumns.enumerated() {
                if let value = column.value(at: Int(i)) { out += data(nodeKeys[c], value) }
            }
            out += "</node>\n"
        }
        for e in 0..<Int32(graph.edgeCount) {
            out += "    <edge id=\"e\(e)\" source=\"\(XMLText.attribute(graph.id(at: graph.source(ofEdge: e)).rawValue))\""
            out += " target=\"\(XMLText.attribute(graph.id(at: graph.target(ofEdge: e)).rawValue))\">"
            out += data(relationKey, graph.relation(ofEdge: e).rawValue)
            for (c, column) in edgeColumns.enumerated() {
                if let value = column.value(at: Int(e)) { out += data(edgeKeys[c], value) }
            }
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func data(_ key: String, _ value: String) -> String {
        "<data key=\"\(key)\">\(XMLText.text(value))</data>"
    }
}
