import PolicyGraph

/// `policygraph overlap A B`: how far two actors agree, where they conflict, and on what
/// evidence; `policygraph overlap --kind K`: one measure for every pair, as a table, a heatmap
/// SVG or an agreement network in DOT.
struct OverlapCommand: Command {
    let spec = CommandSpec(
        name: "overlap", summary: "Compare the positions of two actors, or of every pair of actors",
        discussion: """
            With two actors A and B: the overlap measures, then the targets they agree on, conflict
            on, and that only one of them takes a stance on, each with both stances and their cites.
            With --kind K or --actors a,b,c instead: one measure (--measure) for every pair, as a
            table, CSV or JSON; --svg FILE also writes a heatmap, --dot prints the agreement network.

            A stance s(t) = clamp(sum of polarity x weight over the actor's stance edges to t, -1, 1).
            U = targets on which A or B takes a non-zero stance. jaccard = agree/|U|,
            signed = (agree - conflict)/|U|, sScore = 1 - sum |sA - sB| / |U|, kappa and pi over
            the categories sign(s). Every measure is null when U is empty.
            """,
        positionals: [
            PositionalSpec(name: "A", help: "the first actor: an id, or a unique label or label_zh", optional: true),
            PositionalSpec(name: "B", help: "the second actor", optional: true),
        ],
        options: [
            .flag("inherit", "add the stances of everything with a memberOf path to the actor"),
            .value("target-kind", "K", "only targets of this kind", repeatable: true),
            .value("as-of", "DATE", "only edges dated on or before DATE (YYYY, YYYY-MM, YYYY-MM-DD; a year or month is its first day)"),
            .value("kind", "K", "matrix: every node of this kind"),
            .value("actors", "LIST", "matrix: these actors, comma-separated, in this order"),
            .value("measure", "M", "matrix: \(OverlapMeasure.allCases.map(\.rawValue).joined(separator: "|")) (default: jaccard)",
                   choices: OverlapMeasure.allCases.map(\.rawValue)),
            .value("svg", "FILE", "matrix: also write a heatmap SVG, similar actors next to each other"),
            .flag("dot", "matrix: print the agreement network as DOT (for dot or neato) instead of the table"),
        ],
        formats: ["text", "json", "csv"],
        examples: [
            "policygraph overlap us china",
            "policygraph overlap us china --inherit --target-kind framework --format json",
            "policygraph overlap --kind country --measure sScore --svg overlap.svg",
            "policygraph overlap --actors us,china,russia --format csv",
            "policygraph overlap --kind country --dot | neato -Tsvg > agreement.svg",
        ])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let matrixOptions = ["kind", "actors", "measure", "svg"].filter { arguments.value($0) != nil } + (arguments.flag("dot") ? ["dot"] : [])
        let isMatrix = arguments.value("kind") != nil || arguments.value("actors") != nil
        switch arguments.positionals.count {
        case 2:
            if let option = matrixOptions.first {
                throw UsageError("--\(option) is for the matrix; compare two actors A B, or leave A B out", command: spec.name)
            }
        case 1:
            throw UsageError(isMatrix ? "with --kind or --actors, leave out the actor '\(arguments.positionals[0])'"
                                      : "missing argument B", command: spec.name)
        default:
            if !isMatrix {
                let hint = matrixOptions.isEmpty ? "" : " for --\(matrixOptions[0])"
                throw UsageError("missing argument A (or --kind K / --actors a,b,c\(hint))", command: spec.name)
            }
        }
        if arguments.flag("dot"), arguments.value("format") != nil {
            throw UsageError("--dot prints DOT; leave out --format", command: spec.name)
        }
        // A malformed date is wrong whatever the graph holds: a usage error, found before loading.
        if let date = arguments.value("as-of"), !PolicyDate.isValid(date) {
            throw UsageError("--as-of takes a date written YYYY, YYYY-MM or YYYY-MM-DD, not '\(date)'", command: spec.name)
        }
        let graph = try loadGraph(arguments)
        var options = PositionOptions(inherit: arguments.flag("inherit"), asOf: arguments.value("as-of"))
        options.targetKinds = Set(try arguments.list("target-kind").map { try graph.checkedKind($0) })
        if isMatrix {
            try runMatrix(arguments, graph: graph, options: options, output: &output)
            return
        }
        let a = try resolve(arguments.positionals[0], in: graph)
        let b = try resolve(arguments.positionals[1], in: graph)
        let overlap = try graph.overlap(between: a, and: b, options: options)
        switch arguments.format(spec) {
        case "json": output.stdout += OverlapRendering.json(overlap).rendered()
        case "csv": output.stdout += OverlapRendering.targetTable(overlap, graph: graph).csv
        default: output.stdout += OverlapRendering.text(overlap, graph: graph)
        }
    }

    private func runMatrix(_ arguments: ParsedArguments, graph: Graph, options: PositionOptions, output: inout CommandOutput) throws {
        let kind = try arguments.value("kind").map { try graph.checkedKind($0) }
        var actors: [NodeID]
        if arguments.value("actors") != nil {
            actors = try arguments.list("actors").map { try resolve($0, in: graph) }
            if actors.isEmpty { throw UsageError("--actors needs at least one actor", command: spec.name) }
            if let kind {
                for actor in actors where graph.kind(of: actor) != kind {
                    throw QueryError(.invalidArgument("'\(actor)' is \(graph.kind(of: actor)?.rawValue ?? "no node"), not \(kind); leave out --kind or the actor"))
                }
            }
        } else {
            actors = graph.nodes(of: kind ?? .country).map(\.id).sorted()
        }
        let measure = OverlapMeasure(rawValue: arguments.value("measure") ?? "jaccard") ?? .jaccard
        let matrix = try graph.overlapMatrix(actors: actors, measure: measure, options: options)
        let labels = OverlapRendering.labels(of: actors, in: graph)
        if let path = arguments.value("svg") {
            let group = kind.map { "\($0.rawValue) " } ?? ""
            let title = "\(measure.rawValue): agreement of \(actors.count) \(group)actors"
            try AtomicFile.write(HeatmapSVG.render(matrix.clustered(), labels: labels, title: title), to: path,
                                 graphFolder: arguments.graphFolder)
        }
        if arguments.flag("dot") {
            output.stdout += AgreementNetwork.dot(matrix, labels: labels)
            return
        }
        switch arguments.format(spec) {
        case "json": output.stdout += OverlapRendering.json(matrix).rendered()
        case "csv": output.stdout += OverlapRendering.matrixTable(matrix, exact: true).csv
        default: output.stdout += OverlapRendering.matrixText(matrix)
        }
    }
}
