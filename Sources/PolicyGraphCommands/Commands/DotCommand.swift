import PolicyGraph

/// `policygraph dot`: the graph, or a part of it, as Graphviz DOT.
struct DotCommand: Command {
    let spec = CommandSpec(
        name: "dot", summary: "Print the graph or a part of it as a Graphviz DOT diagram",
        discussion: """
            Nodes are styled by kind, edges by relation (supports green, opposes red dashed with a tee head, \
            leads bold, references dotted); each node's DOT id is its graph id. Edges carry their relation as a \
            label and their date and cite as a tooltip; nodes carry their attributes as a tooltip. The output \
            is the same, byte for byte, for the same graph and options. Draw it with 'policygraph render' or \
            Graphviz's 'dot -Tsvg'.
            """,
        positionals: [PositionalSpec(name: "TO", help: "with --path FROM TO: where the path ends", optional: true)],
        options: [.value("output", short: "o", "FILE", "write the DOT to FILE instead of printing it")] + DotOptions.specs,
        formats: [],
        examples: ["policygraph dot --cluster --legend -o dialogue.dot",
                   "policygraph dot --focus us-delegation --depth 2 --lang both",
                   "policygraph dot --stances us --stances china --cluster | dot -Tsvg -o stances.svg"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        let dot = try DotOptions.drawing(arguments, graph: graph).dot
        if let path = arguments.value("output") {
            try AtomicFile.write(dot, to: path, graphFolder: arguments.graphFolder)
        } else {
            output.stdout += dot
        }
    }
}
