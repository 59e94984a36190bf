import PolicyGraph

/// `policygraph components`: the weakly connected components, largest first.
struct ComponentsCommand: Command {
    let spec = CommandSpec(
        name: "components", summary: "List the weakly connected components, largest first",
        discussion: """
            Nodes joined by edges in either direction belong together; an isolated node is a component of one.
            Text lists each component's size and first ids; json and csv list every member.
            """,
        options: [
            .value("relation", "R", "join nodes only by edges of this relation", repeatable: true),
            .value("limit", "N", "show only the N largest components (default: all)"),
        ],
        formats: ["text", "json", "csv"],
        examples: ["policygraph components", "policygraph components --relation memberOf --relation leads --format csv"])

    /// Members shown per component in text.
    private static let shownMembers = 6

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        let relations = try arguments.list("relation").map { try graph.checkedRelation($0) }
        let all = try graph.components(relations: Set(relations))
        let limit = try arguments.int("limit", default: all.count, minimum: 1)
        let components = Array(all.prefix(limit))
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object([
                "components": .array(components.map { c in .object(["size": .int(c.count), "nodes": .array(c.map { .string($0.rawValue) })]) }),
            ]).rendered()
        case "csv":
            var table = TextTable(["component", "size", "id", "kind", "label"])
            for (i, c) in components.enumerated() {
                for id in c { table.append([String(i + 1), String(c.count), id.rawValue, graph.kind(of: id)?.rawValue ?? "", graph.node(id)?.label ?? ""]) }
            }
            output.stdout += table.csv
        default:
            let singletons = all.filter { $0.count == 1 }.count
            output.stdout += "\(all.count) component\(all.count == 1 ? "" : "s") (\(singletons) isolated node\(singletons == 1 ? "" : "s")) in \(graph.nodeCount) nodes"
            output.stdout += components.count < all.count ? "; the \(components.count) largest:\n\n" : "\n\n"
            var table = TextTable(["component", "size", "members"])
            for (i, c) in components.enumerated() {
                var members = c.prefix(Self.shownMembers).map(\.rawValue).joined(separator: " ")
                if c.count > Self.shownMembers { members += " … (+\(c.count - Self.shownMembers) more)" }
                table.append([String(i + 1), String(c.count), members])
            }
            output.stdout += table.text
        }
    }
}
