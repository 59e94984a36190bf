import PolicyGraph

/// `policygraph path FROM TO`: a shortest path (or all of them), each step with its relation and cite.
struct PathCommand: Command {
    let spec = CommandSpec(
        name: "path", summary: "Find a shortest path between two nodes, or all of them",
        discussion: """
            Paths are unweighted (fewest edges) and follow edges in their direction unless --undirected.
            Of several shortest paths, the first by node ids is shown; --all lists every one (parallel
            edges give distinct paths), up to --limit. No path is not an error: it prints "no path"
            (an empty list in JSON) and exits 0.
            """,
        positionals: [PositionalSpec(name: "FROM", help: "the start node: an id, or a unique label or label_zh"),
                      PositionalSpec(name: "TO", help: "the end node: an id, or a unique label or label_zh")],
        options: [
            .value("relation", "R", "follow only edges of this relation", repeatable: true),
            .flag("undirected", "walk edges both ways, not only from `from` to `to`"),
            .flag("all", "list every shortest path, not just the first"),
            .value("limit", "N", "with --all, list at most N paths (default: \(ShortestPaths.defaultLimit))"),
        ],
        examples: ["policygraph path wang-yi geneva-ai-dialogue-2024",
                   "policygraph path us china --undirected --all",
                   "policygraph path \"Wang Yi\" us --undirected --relation leads --relation participatesIn --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let all = arguments.flag("all")
        if arguments.value("limit") != nil, !all { throw UsageError("--limit needs --all", command: spec.name) }
        let limit = try arguments.int("limit", default: ShortestPaths.defaultLimit, minimum: 1)
        let graph = try loadGraph(arguments)
        let from = try resolve(arguments.positionals[0], in: graph)
        let to = try resolve(arguments.positionals[1], in: graph)
        let relations = try arguments.list("relation").map { try graph.checkedRelation($0) }
        let filter = PathFilter(relations: Set(relations), undirected: arguments.flag("undirected"))
        // The first path of the list is the one `shortestPath` gives; asking for the list with a
        // limit of one also tells how many others there are.
        let result = try graph.allShortestPaths(from: from, to: to, filter: filter, limit: all ? limit : 1)
        if arguments.format(spec) == "json" {
            output.stdout += JSONValue.object(["paths": .array(result.paths.map(\.pathJSON))]).rendered()
            if all, result.isTruncated { output.stderr += "note: \(truncationNote(result))\n" }
            return
        }
        output.stdout += text(result, from: from, to: to, filter: filter, all: all, in: graph)
    }

    private func text(_ result: ShortestPaths, from: NodeID, to: NodeID, filter: PathFilter, all: Bool, in graph: Graph) -> String {
        guard let length = result.length else {
            var out = "no path from \(from) to \(to)"
            if !filter.relations.isEmpty { out += " using only \(filter.relations.sorted().map(\.rawValue).joined(separator: ", ")) edges" }
            if !filter.undirected { out += " following edges in their direction (try --undirected)" }
            return out + "\n"
        }
        let steps = "\(length) step\(length == 1 ? "" : "s")"
        if result.count == 1 {
            return "Shortest path from \(from) to \(to) (\(steps), the only one):\n\n" + chain(result.paths[0], in: graph)
        }
        if !all {
            let others = result.count == Int.max ? "one of more than \(Int.max)" : "1 of \(result.count)"
            return "Shortest path from \(from) to \(to) (\(steps); \(others), --all lists them):\n\n" + chain(result.paths[0], in: graph)
        }
        var out = "\(result.count) shortest paths from \(from) to \(to) (\(steps) each)"
        out += result.isTruncated ? "; \(truncationNote(result)):\n" : ":\n"
        for (i, path) in result.paths.enumerated() {
            out += "\nPath \(i + 1):\n" + chain(path, in: graph)
        }
        return out
    }

    private func truncationNote(_ result: ShortestPaths) -> String {
        "showing the first \(result.paths.count) of \(result.count == Int.max ? "more than \(Int.max)" : String(result.count)) (raise --limit to see more)"
    }

    /// The nodes of a path, one a line, with each step's relation, cite and date between them.
    private func chain(_ path: GraphPath, in graph: Graph) -> String {
        func node(_ id: NodeID) -> String {
            guard let n = graph.node(id) else { return "  \(id)\n" }
            return "  \(id): \(n.label.replacingNewlines) (\(n.kind))\n"
        }
        var out = node(path.nodes[0])
        for (i, edge) in path.edges.enumerated() {
            var line = path.isReversed(step: i) ? "    <-[\(edge.relation)]-" : "    -[\(edge.relation)]->"
            var source = edge.cite?.replacingNewlines ?? ""
            if let date = edge.date { source += source.isEmpty ? "(\(date))" : " (\(date))" }
            if !source.isEmpty { line += "  " + source }
            out += line + "\n" + node(path.nodes[i + 1])
        }
        return out
    }
}

extension GraphPath {
    /// `{"nodes": [ids], "edges": [{"from", "relation", "to"}]}`, each edge as stored.
    var pathJSON: JSONValue {
        .object([
            "nodes": .array(nodes.map { .string($0.rawValue) }),
            "edges": .array(edges.map { .object(["from": .string($0.from.rawValue), "relation": .string($0.relation.rawValue), "to": .string($0.to.rawValue)]) }),
        ])
    }
}
