/// The page's data: the nodes and edges of the view in the order the layout numbers them, the
/// look of each kind and relation (for the legend and filters), and the actors' agreement.
///
/// Short keys keep a 2,000-node page small: a node is `{"id", "k": kind index, "l": label,
/// "z": label_zh, "a": [[name, value]...]}`, an edge `{"f": from index, "t": to index,
/// "r": relation index, "a": [...]}`. Attributes keep the graph's column order; empty ones are
/// left out. A box of `--cluster` is `{"id": its country or actor, "l", "z"}`, in the layout's
/// order (``DOTClusters``), so that the language switch relabels it even when its country is
/// not in the view.
struct MapData {
    let nodes: [Node]
    let edges: [Edge]

    /// The nodes sorted by id and the edges in drawing order, as ``DOTRenderer`` numbers them.
    init(view: Graph) {
        nodes = view.nodes.sorted { $0.id < $1.id }
        edges = DOTRenderer.sorted(view.edges)
    }

    func json(view: Graph, context: Graph, options: HTMLMapOptions) -> JSONValue {
        let style = DOTStyle(schema: view.schema)
        let kinds = Set(nodes.map(\.kind)).sorted()
        let relations = Set(edges.map(\.relation)).sorted()
        let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        let relationIndex = Dictionary(uniqueKeysWithValues: relations.enumerated().map { ($1, $0) })
        let nodeIndex = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        let nodeColumns = view.nodeAttributeNames.filter { $0 != Column.label && $0 != Column.labelZh }
        let edgeColumns = view.edgeAttributeNames

        func attributes(_ values: [String: String], _ columns: [String]) -> JSONValue {
            .array(columns.compactMap { name in
                guard let value = values[name], !value.isEmpty else { return nil }
                return .array([.string(name), .string(value)])
            })
        }
        let nodeValues: [JSONValue] = nodes.map { node in
            .object([
                "id": .string(node.id.rawValue), "k": .int(kindIndex[node.kind] ?? 0), "l": .string(node.label),
                "z": .string(node.chineseLabel ?? ""), "a": attributes(node.attributes, nodeColumns),
            ])
        }
        let edgeValues: [JSONValue] = edges.map { edge in
            .object([
                "f": .int(nodeIndex[edge.from] ?? 0), "t": .int(nodeIndex[edge.to] ?? 0),
                "r": .int(relationIndex[edge.relation] ?? 0), "a": attributes(edge.attributes, edgeColumns),
            ])
        }
        let kindValues: [JSONValue] = kinds.map { kind in
            let look = style.style(for: kind)
            return .object([
                "name": .string(kind.rawValue), "fill": .string(look.fillColor), "shape": .string(look.shape),
                "about": .string(view.schema.rule(for: kind)?.description ?? ""),
            ])
        }
        let relationValues: [JSONValue] = relations.map { relation in
            let look = style.style(for: relation)
            return .object([
                "name": .string(relation.rawValue), "color": .string(look.color), "line": .string(look.style),
                "polarity": .int(view.schema.polarity(of: relation)), "stance": .bool(view.schema.isStance(relation)),
                "about": .string(view.schema.rule(for: relation)?.description ?? ""),
            ])
        }
        let boxes = options.clusters ? DOTClusters(view: nodes, context: context, options: DOTOptions(language: options.language)).clusters : []
        let clusterValues: [JSONValue] = boxes.map { box in
            let anchor = context.node(box.anchor)
            return .object([
                "id": .string(box.anchor.rawValue), "l": .string(anchor?.label ?? ""), "z": .string(anchor?.chineseLabel ?? ""),
            ])
        }
        return .object([
            "title": options.title.map { .string($0) } ?? .null,
            "lang": .string(options.language.rawValue),
            "wrap": options.wrapWidth.map { .int($0) } ?? .null, "labelLimit": .int(DOTRenderer.layoutLabelLimit),
            "kinds": .array(kindValues), "relations": .array(relationValues),
            "nodes": .array(nodeValues), "edges": .array(edgeValues), "clusters": .array(clusterValues),
            "agreement": MapAgreement(view: view, nodeIndex: nodeIndex).json,
        ])
    }
}
