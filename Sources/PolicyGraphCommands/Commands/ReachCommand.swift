import PolicyGraph

/// `policygraph reach ID`: every node a node leads to (or is reached from), at any distance.
struct ReachCommand: Command {
    let spec = CommandSpec(
        name: "reach", summary: "List every node reachable from a node, at any distance",
        discussion: "Follows edges out of ID by default; --direction in lists what reaches ID, both ignores direction. The start itself is not listed.",
        positionals: [PositionalSpec(name: "ID", help: "the start node: an id, or a unique label or label_zh")],
        options: [
            .value("relation", "R", "follow only edges of this relation", repeatable: true),
            .value("direction", "DIR", "out, in or both (default: out)", choices: ["out", "in", "both"]),
            .value("kind", "K", "list only nodes of this kind (others are still passed through)", repeatable: true),
        ],
        formats: ["text", "json", "csv"],
        examples: ["policygraph reach wang-yi", "policygraph reach ai-safety --direction in --kind country"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        let id = try resolve(arguments.positionals[0], in: graph)
        let relations = try arguments.list("relation").map { try graph.checkedRelation($0) }
        let kinds = try arguments.list("kind").map { try graph.checkedKind($0) }
        let direction = Direction(rawValue: arguments.value("direction") ?? "out") ?? .out
        let reached = try graph.reachable(from: id, filter: TraversalFilter(relations: Set(relations), direction: direction, kinds: Set(kinds)))
        let nodes = reached.compactMap { graph.node($0) }
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object(["node": .string(id.rawValue), "reachable": .array(nodes.map(\.jsonSummary))]).rendered()
        case "csv":
            output.stdout += table(nodes).csv
        default:
            let how = ["out": "reachable from", "in": "that reach", "both": "connected to"][direction.rawValue] ?? ""
            output.stdout += "\(nodes.count) node\(nodes.count == 1 ? "" : "s") \(how) \(id)\n"
            if !nodes.isEmpty { output.stdout += "\n" + table(nodes).text }
        }
    }

    private func table(_ nodes: [Node]) -> TextTable {
        var table = TextTable(["id", "kind", "label"])
        for n in nodes { table.append([n.id.rawValue, n.kind.rawValue, n.label]) }
        return table
    }
}
