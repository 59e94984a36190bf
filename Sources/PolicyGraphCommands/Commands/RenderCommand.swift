import PolicyGraph

/// `policygraph render -o FILE.svg`: draws the DOT of `policygraph dot` with Graphviz.
struct RenderCommand: Command {
    let spec = CommandSpec(
        name: "render", summary: "Draw the graph or a part of it to SVG, PNG or PDF with Graphviz",
        discussion: """
            Takes the options of 'policygraph dot' and runs Graphviz (which must be installed: \
            'apt-get install graphviz' or 'brew install graphviz'). The format follows the extension of -o. \
            With --lang zh or both, a font that covers Chinese is looked up with fc-list (Noto Sans CJK SC \
            first) unless --font names one.
            """,
        positionals: [PositionalSpec(name: "TO", help: "with --path FROM TO: where the path ends", optional: true)],
        options: [
            .value("output", short: "o", "FILE", "the picture to write: FILE.svg, FILE.png or FILE.pdf (required)"),
            .value("engine", "ENGINE", "the Graphviz layout: dot, neato, fdp, sfdp or circo (default: dot)",
                   choices: GraphvizEngine.allCases.map(\.rawValue)),
        ] + DotOptions.specs,
        formats: [],
        examples: ["policygraph render -o dialogue.svg --cluster --legend",
                   "policygraph render -o us.png --focus us --depth 2 --lang both",
                   "policygraph render -o stances.pdf --stances us --stances china --engine neato"])

    /// Where Graphviz is looked for (tests point it at an empty folder).
    var runner = GraphvizRunner()

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        guard let path = arguments.value("output") else {
            throw UsageError("render needs -o FILE.svg, FILE.png or FILE.pdf", command: spec.name)
        }
        guard let format = GraphvizFormat(path: path) else {
            throw UsageError("cannot tell the format of '\(path)'; end it in .svg, .png or .pdf", command: spec.name)
        }
        let engine = GraphvizEngine(rawValue: arguments.value("engine") ?? "dot") ?? .dot
        // Check before loading so that a missing Graphviz is reported first and fast.
        guard runner.isAvailable(engine) else { throw GraphvizError(.notFound(program: engine.rawValue)) }
        let graph = try loadGraph(arguments)
        var drawing = try DotOptions.drawing(arguments, graph: graph)
        if drawing.options.language != .english, arguments.value("font") == nil {
            let choice = ChineseFont.installed(runner: runner)
            drawing.options.fontName = choice.fontName
            if let warning = choice.warning { output.stderr += "warning: \(warning)\n" }
        }
        let warnings = try runner.render(drawing.dot, to: path, format: format, engine: engine, graphFolder: arguments.graphFolder)
        for warning in warnings { output.stderr += "warning: graphviz: \(Self.plain(warning))\n" }
        output.stdout += "wrote \(path) (\(English.count(drawing.view.nodeCount, "node")), \(English.count(drawing.view.edgeCount, "edge")))\n"
    }

    /// A Graphviz message without its own `Warning:` prefix.
    static func plain(_ warning: String) -> String {
        warning.lowercased().hasPrefix("warning: ") ? String(warning.dropFirst(9)) : warning
    }
}
