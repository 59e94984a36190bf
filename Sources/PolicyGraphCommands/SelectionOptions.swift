import PolicyGraph

/// The options that pick a part of the graph (`--focus ID --depth N`, `--relation R`, `--kind K`,
/// `--direction`), shared by every command that draws, exports or extracts a part.
enum SelectionOptions {
    static let specs: [OptionSpec] = [
        .value("focus", "ID", "only the ego network around this node (id or unique label)"),
        .value("depth", "N", "steps from the focus (default: 1)"),
        .value("direction", "DIR", "which edges the ego network follows: out, in or both (default: both)", choices: ["out", "in", "both"]),
        .value("relation", "R", "only edges of this relation", repeatable: true),
        .value("kind", "K", "only nodes of this kind", repeatable: true),
    ]

    /// The selection the arguments name, with the focus resolved and names checked against `graph`.
    static func selection(_ arguments: ParsedArguments, in graph: Graph) throws -> GraphSelection {
        var selection = GraphSelection()
        if let focus = arguments.value("focus") { selection.focus = try graph.resolve(focus) }
        selection.depth = try arguments.int("depth", default: 1, minimum: 0)
        selection.direction = Direction(rawValue: arguments.value("direction") ?? "both") ?? .both
        selection.relations = Set(try arguments.list("relation").map { try graph.checkedRelation($0) })
        selection.kinds = Set(try arguments.list("kind").map { try graph.checkedKind($0) })
        return selection
    }
}
