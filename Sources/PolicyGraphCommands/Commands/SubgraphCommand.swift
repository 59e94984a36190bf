import Foundation
import PolicyGraph

/// `policygraph subgraph ID`: the ego network of a node, as a graph folder of its own or as JSON.
struct SubgraphCommand: Command {
    let spec = CommandSpec(
        name: "subgraph", summary: "Extract the ego network of a node as a graph folder or JSON",
        discussion: """
            The nodes within --depth steps of ID (walking only --relation edges, in --direction), then only
            those of the --kind kinds (ID always stays), and every selected edge between two of them.
            With --out DIR the part is written as a graph folder (nodes.csv, edges.csv and the graph's
            schema.json if it has one) that loads and validates on its own; otherwise it is summarised
            (text) or printed whole (json: {"nodes": [...], "edges": [...]}).
            """,
        positionals: [PositionalSpec(name: "ID", help: "the centre: an id, or a unique label or label_zh")],
        options: SelectionOptions.specs.filter { $0.name != "focus" } + [
            .value("out", "DIR", "write the subgraph as a graph folder here (created if missing)"),
        ],
        examples: ["policygraph subgraph wang-yi --depth 2 --out wang-yi-graph",
                   "policygraph subgraph geneva-ai-dialogue-2024 --relation participatesIn --relation leads --depth 2 --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        var selection = try SelectionOptions.selection(arguments, in: graph)
        let focus = try resolve(arguments.positionals[0], in: graph)
        selection.focus = focus
        let part = try graph.selecting(selection)
        let json = arguments.format(spec) == "json"
        if let out = arguments.value("out") {
            try write(part, to: out, from: arguments.graphFolder)
            if json {
                output.stdout += JSONValue.object(["folder": .string(out), "nodes": .int(part.nodeCount), "edges": .int(part.edgeCount)]).rendered()
            } else {
                output.stdout += "wrote \(English.count(part.nodeCount, "node")) and \(English.count(part.edgeCount, "edge")) around \(focus) to \(out)\n"
            }
            return
        }
        if json {
            output.stdout += JSONValue.object(["nodes": .array(part.nodes.map(\.jsonValue)), "edges": .array(part.edges.map(\.jsonValue))]).rendered()
            return
        }
        let directions = ["out": "outgoing edges", "in": "incoming edges", "both": "edges both ways"]
        output.stdout += "Ego network of \(focus), depth \(selection.depth) along \(directions[selection.direction.rawValue] ?? ""): "
        output.stdout += "\(part.nodeCount) node\(part.nodeCount == 1 ? "" : "s"), \(part.edgeCount) edge\(part.edgeCount == 1 ? "" : "s")\n\n"
        var nodes = TextTable(["id", "kind", "label"])
        for n in part.nodes.sorted(by: { $0.id < $1.id }) { nodes.append([n.id.rawValue, n.kind.rawValue, n.label]) }
        output.stdout += nodes.text
        if part.edgeCount > 0 {
            var edges = TextTable(["from", "relation", "to"])
            for e in part.edges { edges.append([e.from.rawValue, e.relation.rawValue, e.to.rawValue]) }
            output.stdout += "\n" + edges.text
        }
    }

    /// Writes the folder (each file atomically), with the source's schema.json so that kinds and
    /// relations it declares still validate. Refuses to overwrite the source graph.
    private func write(_ part: Graph, to out: String, from source: String) throws {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if canonical(out) == canonical(source) {
            throw UsageError("--out '\(out)' is the graph folder itself; choose another folder", command: spec.name)
        }
        try GraphWriter.write(part, to: out, graphFolder: source)
        let schemaPath = GraphLoader.join(source, GraphLoader.schemaFile)
        if let schema = FileManager.default.contents(atPath: schemaPath) {
            try AtomicFile.write(schema, to: GraphLoader.join(out, GraphLoader.schemaFile), graphFolder: source)
        }
    }
}
