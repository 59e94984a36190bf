import PolicyGraph

/// `policygraph html -o map.html`: the graph, or a part of it, as an interactive map in one
/// self-contained HTML file.
struct HTMLCommand: Command {
    let spec = CommandSpec(
        name: "html", summary: "Write the graph or a part of it as an interactive map in one HTML file",
        discussion: """
            Takes the options of 'policygraph dot' (the part to draw, --cluster, --lang, --title) and lays the \
            drawing out with Graphviz, which must be installed ('apt-get install graphviz' or 'brew install \
            graphviz'). The page needs nothing else: it works offline from file://, fetches nothing (its \
            Content-Security-Policy forbids it), and holds the layout as SVG, the data as JSON, and its own \
            script. In it: pan and zoom, search over ids and both labels, filters by kind, relation and stance \
            polarity, a panel with each node's attributes and edges with their citations, a language switch, \
            links to a node (map.html#node=ID) and, when the part has stances, the actors' agreement heatmap.
            """,
        positionals: [PositionalSpec(name: "TO", help: "only with --path FROM TO: the node where the path ends (--path takes two nodes)", optional: true)],
        options: [
            .value("output", short: "o", "FILE", "the page to write (required)"),
            .value("max-nodes", "N", "refuse a part of more than N nodes (default: \(HTMLMapLimits.defaultNodes))"),
            .value("max-edges", "N", "refuse a part of more than N edges (default: \(HTMLMapLimits.defaultEdges))"),
            .value("engine", "ENGINE", "the Graphviz layout: dot, neato, fdp, sfdp or circo (default: dot up to \(HTMLMap.layeredLimit) nodes, sfdp above)",
                   choices: GraphvizEngine.allCases.map(\.rawValue)),
        ] + DotOptions.specs,
        formats: [],
        examples: ["policygraph html -o map.html --cluster",
                   "policygraph html -o us.html --focus us-delegation --depth 2 --lang both",
                   "policygraph html -o stances.html --stances us --stances china --cluster"])

    /// Where Graphviz is looked for (tests point it at an empty folder).
    var runner = GraphvizRunner()

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let limits = HTMLMapLimits(nodes: try arguments.int("max-nodes", default: HTMLMapLimits.defaultNodes, minimum: 1),
                                   edges: try arguments.int("max-edges", default: HTMLMapLimits.defaultEdges, minimum: 1))
        let engine = arguments.value("engine").flatMap(GraphvizEngine.init(rawValue:))
        // Check before loading so that a missing Graphviz is reported first and fast.
        guard runner.isAvailable(engine ?? .dot) else { throw GraphvizError(.notFound(program: (engine ?? .dot).rawValue)) }
        let graph = try loadGraph(arguments)
        let drawing = try DotOptions.drawing(arguments, graph: graph)
        do {
            try HTMLMap.checkSize(of: drawing.view, limits: limits)
        } catch {
            output.stderr += "error: \(error)\n"
            if error.reason != .empty {
                output.stderr += "hint: narrow it with --focus ID --depth N, --kind K or --relation R, or raise --max-nodes / --max-edges\n"
            }
            output.status = ExitStatus.failure
            return
        }
        // Asked for after the size check, so that a part too large is refused with or without a file
        // name, and before the layout, the one slow step.
        guard let path = arguments.value("output") else {
            throw UsageError("html needs -o FILE.html", command: spec.name)
        }
        // As render takes its format from the name, a page is named as one: a map saved as
        // .svg would open as a broken picture.
        guard [".html", ".htm"].contains(where: { path.lowercased().hasSuffix($0) }) else {
            throw UsageError("'\(path)' does not end in .html or .htm; the map is an HTML page (for a picture, use 'policygraph render -o FILE.svg')",
                             command: spec.name)
        }
        let result = try Self.page(drawing, engine: engine ?? HTMLMap.defaultEngine(for: drawing.view), runner: runner)
        for warning in result.warnings { output.stderr += "warning: graphviz: \(RenderCommand.plain(warning))\n" }
        try AtomicFile.write(result.html, to: path)
        output.stdout += "wrote \(path) (\(English.count(drawing.view.nodeCount, "node")), \(English.count(drawing.view.edgeCount, "edge")))\n"
        if drawing.view.edgeCount == 0 {
            output.stderr += "note: the map has no edges: its nodes are shown unconnected\n"
        }
    }

    /// The page of a drawing and Graphviz's warnings; `views` makes its pages the same way.
    static func page(_ drawing: DotOptions.Drawing, engine: GraphvizEngine = .dot, runner: GraphvizRunner) throws -> (html: String, warnings: [String]) {
        let dot = HTMLMap.layoutDOT(of: drawing.view, context: drawing.context, options: drawing.options, engine: engine)
        let layout = try runner.run(dot, engine: engine, format: "svg")
        let options = HTMLMapOptions(language: drawing.options.language, title: drawing.options.title,
                                     wrapWidth: drawing.options.wrapWidth, clusters: drawing.options.clusters)
        let html = try HTMLMap.page(of: drawing.view, context: drawing.context, layout: String(decoding: layout.bytes, as: UTF8.self),
                                    options: options)
        return (html, layout.warnings)
    }
}
