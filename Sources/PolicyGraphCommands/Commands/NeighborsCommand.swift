import PolicyGraph

/// `policygraph neighbors ID`: the nodes within N steps, with the edge that reached each.
struct NeighborsCommand: Command {
    let spec = CommandSpec(
        name: "neighbors", summary: "List the nodes within N steps of a node",
        positionals: [PositionalSpec(name: "ID", help: "the start node: an id, or a unique label or label_zh")],
        options: [
            .value("relation", "R", "follow only edges of this relation", repeatable: true),
            .value("direction", "DIR", "out, in or both (default: both)", choices: ["out", "in", "both"]),
            .value("depth", "N", "how many steps (default: 1)"),
            .value("kind", "K", "list only nodes of this kind (others are still passed through)", repeatable: true),
        ],
        formats: ["text", "json", "csv"],
        examples: ["policygraph neighbors us-delegation --relation memberOf --direction in",
                   "policygraph neighbors china --depth 2 --kind framework --format csv"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        let id = try resolve(arguments.positionals[0], in: graph)
        let relations = try arguments.list("relation").map { try graph.checkedRelation($0) }
        let kinds = try arguments.list("kind").map { try graph.checkedKind($0) }
        let direction = Direction(rawValue: arguments.value("direction") ?? "both") ?? .both
        let depth = try arguments.int("depth", default: 1, minimum: 1)
        let neighbors = try graph.neighbors(of: id, depth: depth, filter: TraversalFilter(relations: Set(relations), direction: direction, kinds: Set(kinds)))
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object([
                "node": .string(id.rawValue),
                "neighbors": .array(neighbors.map { n in
                    .object(["id": .string(n.node.rawValue), "kind": .string(n.kind.rawValue), "label": .string(n.label),
                             "distance": .int(n.distance), "via": n.via.jsonValue])
                }),
            ]).rendered()
        case "csv":
            output.stdout += table(neighbors).csv
        default:
            output.stdout += neighbors.isEmpty ? "no neighbors\n" : table(neighbors).text
        }
    }

    private func table(_ neighbors: [Neighbor]) -> TextTable {
        var table = TextTable(["distance", "id", "kind", "label", "from", "relation", "to"])
        for n in neighbors {
            table.append([String(n.distance), n.node.rawValue, n.kind.rawValue, n.label, n.via.from.rawValue, n.via.relation.rawValue, n.via.to.rawValue])
        }
        return table
    }
}
