/// The lossless JSON interchange document: the schema, then both tables with every column in
/// file order and every cell of every row as written.
///
/// ```json
/// {
///   "format": "policygraph",
///   "version": 1,
///   "schema": {
///     "kinds": [{"name": "country", "description": "A state.", "actor": true}, ...],
///     "relations": [{"name": "supports", "description": "...", "stance": 1,
///                    "endpoints": [{"from": ["country", ...], "to": ["framework", ...]}]}, ...],
///     "numeric": ["weight"]
///   },
///   "nodes": {"columns": ["id", "kind", "label", ...], "rows": [["us", "country", "United States", ...], ...]},
///   "edges": {"columns": ["from", "relation", "to", ...], "rows": [["us", "supports", "x", ...], ...]}
/// }
/// ```
/// Cells are strings, empty cells `""`, so that ``GraphJSON/read(_:file:)`` writes back the
/// canonical CSV bytes. Each row is one line, so the document diffs and greps like the CSV.
/// The schema is the whole effective schema (built-in plus `schema.json`).
package enum GraphJSON {
    /// The value of `"format"`.
    public static let formatName = "policygraph"
    /// The value of `"version"` this build writes and reads.
    public static let version = 1

    /// The JSON text of `graph`.
    public static func document(_ graph: Graph) -> String {
        value(graph).rendered()
    }

    /// The document as a ``JSONValue``.
    package static func value(_ graph: Graph) -> JSONValue {
        let nodeColumns = graph.nodeTable.columns
        let nodeRows: [JSONValue] = (0..<graph.nodeCount).map { row in
            var cells: [JSONValue] = [.string(graph.nodeTable.ids[row].rawValue), .string(graph.kind(at: Int32(row)).rawValue)]
            for column in nodeColumns { cells.append(.string(column.text(at: row))) }
            return .array(cells)
        }
        let edgeColumns = graph.edgeTable.columns
        let edgeRows: [JSONValue] = (0..<graph.edgeCount).map { row in
            let e = Int32(row)
            var cells: [JSONValue] = [.string(graph.id(at: graph.source(ofEdge: e)).rawValue),
                                      .string(graph.relation(ofEdge: e).rawValue),
                                      .string(graph.id(at: graph.target(ofEdge: e)).rawValue)]
            for column in edgeColumns { cells.append(.string(column.text(at: row))) }
            return .array(cells)
        }
        return .object([
            "format": .string(formatName),
            "version": .int(version),
            "schema": schemaValue(graph.schema),
            "nodes": .object([
                "columns": .array(([Column.id, Column.kind] + graph.nodeAttributeNames).map { .string($0) }),
                "rows": .array(nodeRows),
            ]),
            "edges": .object([
                "columns": .array(([Column.from, Column.relation, Column.to] + graph.edgeAttributeNames).map { .string($0) }),
                "rows": .array(edgeRows),
            ]),
        ])
    }

    /// The schema part: kinds and relations in the schema's (sorted) order, endpoints as declared.
    static func schemaValue(_ schema: Schema) -> JSONValue {
        .object([
            "kinds": .array(schema.kinds.map { rule in
                .object(["name": .string(rule.kind.rawValue), "description": .string(rule.description), "actor": .bool(rule.isActor)])
            }),
            "relations": .array(schema.relations.map { rule in
                var members: [JSONMember] = [
                    JSONMember(key: "name", value: .string(rule.relation.rawValue)),
                    JSONMember(key: "description", value: .string(rule.description)),
                    JSONMember(key: "stance", value: .int(rule.polarity)),
                ]
                // A neutral stance has polarity 0 like a relation that is no stance.
                if rule.isStance, rule.polarity == 0 { members.append(JSONMember(key: "neutral", value: .bool(true))) }
                members.append(JSONMember(key: "endpoints", value: .array(rule.endpoints.map(endpointsValue))))
                return .object(members)
            }),
            "numeric": .array(schema.numericAttributes.map { .string($0) }),
        ])
    }

    static func endpointsValue(_ pair: Schema.Endpoints) -> JSONValue {
        .object(["from": .array(pair.from.map { .string($0.rawValue) }), "to": .array(pair.to.map { .string($0.rawValue) })])
    }
}
