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
            With --kind K (any actor kinds, comma-separated) or --actors a,b,c instead: one measure
            (--measure) for every pair, as a table, CSV or JSON; --svg FILE also writes a heatmap,
            --dot prints the agreement network.

            A stance s(t) = clamp(sum of polarity x weight over the actor's stance edges to t, -1, 1).
            A neutral stance (a relation of polarity 0, such as abstains) is a position with s = 0.
            U = targets on which A or B holds a position. halfway = targets one holds neutral and the
            other supports or opposes. jaccard = (agree + halfway/2)/|U|,
            signed = (agree - conflict)/|U|, sScore = 1 - sum |sA - sB| / |U|, kappa and pi
            weighted over support, neutral, opposition, no stance (neutral vs a side: 1/2).
            agreement = agree/(agree + conflict) over the targets both hold a position on, a
            halfway target counting half to each (null when none). Every measure is null when U is
            empty; the text output says under each measure what its value means for the pair.
            --roll-up counts a stance on a narrower target (partOf) for each broader one too.
            """,
        positionals: [
            PositionalSpec(name: "A", help: "the first actor: an id, or a unique label or label_zh", optional: true),
            PositionalSpec(name: "B", help: "the second actor", optional: true),
        ],
        options: [
            .flag("inherit", "add the stances of everything with a memberOf path to the actor"),
            .value("target-kind", "K", "only targets of this kind", repeatable: true),
            .value("as-of", "DATE", "only edges dated on or before DATE (YYYY, YYYY-MM, YYYY-MM-DD; a year or month is its first day)"),
            EvidenceOption.spec,
            .value("kind", "K", "matrix: every node of these actor kinds (comma-separated or repeated: country,organization)", repeatable: true),
            .value("actors", "LIST", "matrix: these actors, comma-separated, in this order"),
            .value("measure", "M", "matrix: \(OverlapMeasure.allCases.map(\.rawValue).joined(separator: "|")) (default: jaccard)",
                   choices: OverlapMeasure.allCases.map(\.rawValue)),
            .value("svg", "FILE", "matrix: also write a heatmap SVG, similar actors next to each other"),
            .flag("dot", "matrix: print the agreement network as DOT (for dot or neato) instead of the table"),
            .value("min", "X", "--dot: only pairs whose measure is at least X"),
            .value("top", "K", "--dot: only each actor's K strongest pairs"),
            .value("title", "TEXT", "--svg: the heatmap's title"),
            .flag("roll-up", "a stance on a narrower target (partOf) also counts for each broader one"),
        ],
        formats: ["text", "json", "csv"],
        examples: [
            "policygraph overlap us china",
            "policygraph overlap us china --inherit --target-kind framework --format json",
            "policygraph overlap --kind country --measure sScore --svg overlap.svg",
            "policygraph overlap --actors us,china,russia --format csv",
            "policygraph overlap --kind country --dot | neato -Tsvg > agreement.svg",
            "policygraph overlap --kind country --measure agreement --dot --min 0.5 --top 3",
        ])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let matrixOptions = ["kind", "actors", "measure", "svg", "min", "top", "title"].filter { arguments.value($0) != nil } + (arguments.flag("dot") ? ["dot"] : [])
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
        if !arguments.flag("dot"), let option = ["min", "top"].first(where: { arguments.value($0) != nil }) {
            throw UsageError("--\(option) picks the pairs of the agreement network; add --dot", command: spec.name)
        }
        if arguments.value("svg") == nil, arguments.value("title") != nil {
            throw UsageError("--title names the heatmap; add --svg FILE", command: spec.name)
        }
        if arguments.flag("dot"), arguments.value("format") != nil {
            throw UsageError("--dot prints DOT; leave out --format", command: spec.name)
        }
        // A malformed date is wrong whatever the graph holds: a usage error, found before loading.
        if let date = arguments.value("as-of"), !PolicyDate.isValid(date) {
            throw UsageError("--as-of takes a date written YYYY, YYYY-MM or YYYY-MM-DD, not '\(date)'", command: spec.name)
        }
        let evidence = try EvidenceOption.parse(arguments, command: spec.name)
        let graph = try loadGraph(arguments)
        var options = PositionOptions(inherit: arguments.flag("inherit"), asOf: arguments.value("as-of"), rollUp: arguments.flag("roll-up"), evidence: evidence)
        options.targetKinds = Set(try arguments.list("target-kind").map { try graph.checkedKind($0) })
        if isMatrix {
            try runMatrix(arguments, graph: graph, options: options, output: &output)
            return
        }
        let a = try resolve(arguments.positionals[0], in: graph)
        let b = try resolve(arguments.positionals[1], in: graph)
        try Self.requireActors([a, b], in: graph)
        let overlap = try graph.overlap(between: a, and: b, options: options)
        switch arguments.format(spec) {
        case "json": output.stdout += OverlapRendering.json(overlap).rendered()
        case "csv": output.stdout += OverlapRendering.targetTable(overlap, graph: graph).csv
        default: output.stdout += OverlapRendering.text(overlap, graph: graph)
        }
    }

    private func runMatrix(_ arguments: ParsedArguments, graph: Graph, options: PositionOptions, output: inout CommandOutput) throws {
        let kinds = try arguments.list("kind").map { try graph.checkedKind($0) }
        for kind in kinds where !(graph.schema.rule(for: kind)?.isActor ?? false) {
            throw QueryError(.invalidArgument("'\(kind)' is no actor kind; the schema's actor kinds are "
                + graph.schema.actorKinds.map(\.rawValue).joined(separator: ", ")))
        }
        let kind = kinds.count == 1 ? kinds.first : nil
        var actors: [NodeID]
        if arguments.value("actors") != nil {
            actors = try arguments.list("actors").map { try resolve($0, in: graph) }
            if actors.isEmpty { throw UsageError("--actors needs at least one actor", command: spec.name) }
            try Self.requireActors(actors, in: graph)
            if !kinds.isEmpty {
                let wanted = kinds.map { English.article($0.rawValue) }.joined(separator: " or ")
                for actor in actors where !kinds.contains(where: { $0 == graph.kind(of: actor) }) {
                    throw QueryError(.invalidArgument("'\(actor)' is \(graph.kind(of: actor).map { English.article($0.rawValue) } ?? "no node"), not \(wanted); leave out --kind or the actor"))
                }
            }
        } else {
            actors = (kinds.isEmpty ? [.country] : kinds).flatMap { graph.nodes(of: $0).map(\.id) }.sorted()
        }
        let measure = OverlapMeasure(rawValue: arguments.value("measure") ?? "jaccard") ?? .jaccard
        let matrix = try graph.overlapMatrix(actors: actors, measure: measure, options: options)
        let labels = OverlapRendering.labels(of: actors, in: graph)
        if let path = arguments.value("svg") {
            let group = kind.map { "\($0.rawValue) " } ?? ""
            let title = arguments.value("title") ?? OverlapRendering.heatmapTitle(measure: measure, actors: English.count(actors.count, group + "actor"))
            try AtomicFile.write(HeatmapSVG.render(matrix.clustered(), labels: labels, title: title), to: path,
                                 graphFolder: arguments.graphFolder)
        }
        if arguments.flag("dot") {
            let minimum = try arguments.value("min").map { text throws(UsageError) -> Double in
                guard let value = Double(text), value.isFinite else {
                    throw UsageError("--min takes a number, not '\(text)'", command: spec.name)
                }
                return value
            }
            let top = try arguments.value("top").map { _ in try arguments.int("top", default: 1, minimum: 1) }
            output.stdout += AgreementNetwork.dot(matrix, labels: labels, selection: NetworkSelection(minimum: minimum, top: top))
            return
        }
        switch arguments.format(spec) {
        case "json": output.stdout += OverlapRendering.json(matrix).rendered()
        case "csv": output.stdout += OverlapRendering.matrixTable(matrix, exact: true).csv
        default:
            output.stdout += OverlapRendering.matrixText(matrix)
            if let key = OverlapRendering.undefinedKey(matrix) { output.stdout += key + "\n" }
        }
    }
}
