import PolicyGraph

/// The options `dot`, `render` and the view list share: which part of the graph to draw
/// (``SelectionOptions`` and `--stances`) and how to draw it.
enum DotOptions {
    static let specs: [OptionSpec] = SelectionOptions.specs + [
        .value("path", "FROM", "highlight a shortest path, written --path FROM TO, drawn on the nodes within --depth steps of it (default: 1)"),
        .value("query", "PATTERN", "draw exactly the nodes and edges a MATCH pattern binds"),
        QueryLimitOptions.maxSteps,
        .value("stances", "ID", "draw the stance map of this actor: it, its members (as --cluster groups them) and what they support or oppose", repeatable: true),
        EvidenceOption.spec,
        .flag("legend", "add a legend of the kinds and relations in view"),
        .flag("cluster", "draw each country as a box around its agencies, officials and delegations"),
        .value("rankdir", "DIR", "layout direction: LR (left to right) or TB (top to bottom) (default: LR)", choices: ["LR", "TB"]),
        .value("lang", "LANG", "node labels: en (label), zh (label_zh, else label) or both (default: en)", choices: ["en", "zh", "both"]),
        .flag("no-edge-labels", "do not write the relation on each edge (its tooltip stays)"),
        .value("wrap", "N", "break node labels at spaces into lines of at most N characters"),
        .value("title", "TEXT", "a title above the drawing"),
        .value("font", "NAME", "the font (default: Helvetica; Noto Sans CJK SC with --lang zh or both)"),
    ]

    /// What to draw: the part of the graph, the whole it comes from, and the look.
    struct Drawing {
        let view: Graph
        /// The whole graph, for the memberships behind `--cluster`.
        let context: Graph
        var options: DOTOptions

        var dot: String { DOTRenderer(options: options).render(view, context: context) }
    }

    /// The drawing the arguments ask for.
    ///
    /// The part is, in order: `--query` (what a pattern binds), `--path FROM TO` (a shortest path,
    /// highlighted, on its surroundings), `--stances` (a stance map), or the `--focus/--depth` ego
    /// network; then only the `--relation`s and `--kind`s asked for.
    /// - Throws: ``UsageError`` for options that do not fit together, ``QueryError`` for unknown
    ///   nodes, kinds and relations.
    static func drawing(_ arguments: ParsedArguments, graph: Graph) throws -> Drawing {
        let selection = try SelectionOptions.selection(arguments, in: graph)
        var view: Graph
        var highlight = DOTHighlight()
        let stances = try arguments.list("stances").map { try graph.resolve($0) }
        let picks = [arguments.value("query") != nil, arguments.value("path") != nil, !stances.isEmpty, selection.focus != nil]
        if picks.filter({ $0 }).count > 1 {
            throw UsageError("--query, --path, --stances and --focus each pick the part to draw; give one of them", command: arguments.command)
        }
        if arguments.value("path") == nil, let extra = arguments.positionals.first {
            throw UsageError("unexpected argument '\(extra)'", command: arguments.command)
        }
        if let pattern = arguments.value("query") {
            view = try graph.patternSubgraph(pattern, limits: QueryLimitOptions.limits(arguments))
            view = try view.selecting(GraphSelection(relations: selection.relations, kinds: selection.kinds))
        } else if let fromText = arguments.value("path") {
            guard let toText = arguments.positionals.first else {
                throw UsageError("--path takes two nodes: --path FROM TO", command: arguments.command)
            }
            let from = try graph.resolve(fromText)
            let to = try graph.resolve(toText)
            let filter = PathFilter(relations: selection.relations, undirected: selection.direction == .both)
            guard let path = try graph.shortestPath(from: from, to: to, filter: filter) else {
                throw QueryError(.invalidArgument("no path from '\(from)' to '\(to)'\(filter.undirected ? "" : " along the edges' direction (try --direction both)"); nothing to draw"))
            }
            view = try graph.surroundings(of: path.nodes, depth: selection.depth)
            view = try view.selecting(GraphSelection(relations: selection.relations, kinds: selection.kinds))
            highlight = DOTHighlight(nodes: path.nodes, edges: path.edges)
        } else if !stances.isEmpty {
            view = try graph.stanceMap(of: stances)
            view = try view.selecting(GraphSelection(relations: selection.relations, kinds: selection.kinds))
        } else {
            view = try graph.selecting(selection)
        }
        view = view.keepingEvidence(try EvidenceOption.parse(arguments, command: arguments.command))
        let language = DOTLanguage(rawValue: arguments.value("lang") ?? "en") ?? .english
        var wrap: Int?
        if arguments.value("wrap") != nil { wrap = try arguments.int("wrap", default: 0, minimum: 1) }
        var options = DOTOptions(
            language: language,
            rankDirection: DOTRankDirection(rawValue: arguments.value("rankdir") ?? "LR") ?? .leftToRight,
            edgeLabels: !arguments.flag("no-edge-labels"), legend: arguments.flag("legend"),
            clusters: arguments.flag("cluster"), fontName: arguments.value("font"),
            title: arguments.value("title"), wrapWidth: wrap)
        options.highlight = highlight
        return Drawing(view: view, context: graph, options: options)
    }
}
