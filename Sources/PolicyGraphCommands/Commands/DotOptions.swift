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
        .flag("cluster", "draw a box around the members of each actor that has some (countries, organizations...), nested as memberships are"),
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

    /// The drawing the arguments ask for: the arguments read into a ``ViewSpecification``,
    /// which the library draws.
    ///
    /// The part is, in order: `--query` (what a pattern binds), `--path FROM TO` (a shortest path,
    /// highlighted, on its surroundings), `--stances` (a stance map), or the `--focus/--depth` ego
    /// network; then only the `--relation`s and `--kind`s asked for.
    /// - Throws: ``UsageError`` for options that do not fit together, ``QueryError`` for unknown
    ///   nodes, kinds and relations.
    static func drawing(_ arguments: ParsedArguments, graph: Graph) throws -> Drawing {
        let specification = try specification(arguments, graph: graph)
        let evidence = try EvidenceOption.parse(arguments, command: arguments.command)
        do {
            let drawn = try specification.drawing(of: graph)
            return Drawing(view: drawn.view.keepingEvidence(evidence), context: graph, options: drawn.options)
        } catch {
            // The library says there is no path; the option that would find one is the CLI's to name.
            if case .noPath(let from, let to, true) = error.reason {
                throw QueryError(.invalidArgument("no path from '\(from)' to '\(to)' along the edges' direction (try --direction both); nothing to draw"))
            }
            throw error
        }
    }

    /// The view the arguments describe, names resolved against `graph`.
    static func specification(_ arguments: ParsedArguments, graph: Graph) throws -> ViewSpecification {
        let selection = try SelectionOptions.selection(arguments, in: graph)
        let stances = try arguments.list("stances").map { try graph.resolve($0) }
        let picks = [arguments.value("query") != nil, arguments.value("path") != nil, !stances.isEmpty, selection.focus != nil]
        if picks.filter({ $0 }).count > 1 {
            throw UsageError("--query, --path, --stances and --focus each pick the part to draw; give one of them", command: arguments.command)
        }
        if arguments.value("path") == nil, let extra = arguments.positionals.first {
            throw UsageError("unexpected argument '\(extra)'", command: arguments.command)
        }
        let part: ViewSpecification.Part
        if let pattern = arguments.value("query") {
            part = .pattern(pattern, limits: try QueryLimitOptions.limits(arguments))
        } else if let fromText = arguments.value("path") {
            guard let toText = arguments.positionals.first else {
                throw UsageError("--path takes two nodes: --path FROM TO", command: arguments.command)
            }
            part = .path(from: try graph.resolve(fromText), to: try graph.resolve(toText))
        } else if !stances.isEmpty {
            part = .stances(stances)
        } else {
            part = .selection
        }
        let language = DOTLanguage(rawValue: arguments.value("lang") ?? "en") ?? .english
        var wrap: Int?
        if arguments.value("wrap") != nil { wrap = try arguments.int("wrap", default: 0, minimum: 1) }
        let options = DOTOptions(
            language: language,
            rankDirection: DOTRankDirection(rawValue: arguments.value("rankdir") ?? "LR") ?? .leftToRight,
            edgeLabels: !arguments.flag("no-edge-labels"), legend: arguments.flag("legend"),
            clusters: arguments.flag("cluster"), fontName: arguments.value("font"),
            title: arguments.value("title"), wrapWidth: wrap)
        return ViewSpecification(part: part, selection: selection, options: options)
    }
}
