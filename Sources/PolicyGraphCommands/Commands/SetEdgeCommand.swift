import PolicyGraph

/// `policygraph set-edge FROM RELATION TO [--nth N] --set KEY=VALUE...`: cells of one edge, in place.
struct SetEdgeCommand: EditCommand {
    let spec = CommandSpec(
        name: "set-edge", summary: "Set cells of an edge's row in place (an empty VALUE clears the cell)",
        discussion: """
            The edge keeps its line; every other byte of edges.csv stays as it was (a new column adds \
            an empty cell to the other rows). FROM and TO are ids or unique labels, as in the reading \
            commands. When parallel edges match, --nth N picks the N-th in file order.
            """,
        positionals: [PositionalSpec(name: "FROM", help: "the source node: an id, or a unique label or label_zh"),
                      PositionalSpec(name: "RELATION", help: "the relation"),
                      PositionalSpec(name: "TO", help: "the target node")],
        options: [.value("nth", "N", "which of parallel matching edges, 1 for the first in file order"),
                  .value("set", "KEY=VALUE", "a column and its new value (a new column is added to every row)", repeatable: true)],
        formats: [],
        examples: ["policygraph set-edge china supports ai-for-development --set cite=\"§01 ¶2\" --set weight="])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        let p = arguments.positionals
        let values = try columnValues(arguments.values("set"))
        if values.isEmpty { throw UsageError("set-edge needs at least one --set KEY=VALUE", command: spec.name) }
        let nth = arguments.value("nth") == nil ? nil : try arguments.int("nth", default: 1, minimum: 1)
        return .setEdge(from: NodeID(p[0]), relation: Relation(p[1]), to: NodeID(p[2]), nth: nth, set: values)
    }
}
