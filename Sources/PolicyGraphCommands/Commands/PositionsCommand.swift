import PolicyGraph

/// `policygraph positions`: the actor × target stance table; `policygraph positions ACTOR`: one
/// actor's stances with the edges and cites behind them.
struct PositionsCommand: Command {
    let spec = CommandSpec(
        name: "positions", summary: "Show the actor × issue table of stances, or one actor's stances",
        discussion: """
            Rows are actors (--actors a,b,c, or every node of --kind K; by default every actor that
            holds a stance), columns are targets (--targets, or every target a row has a stance on,
            of the --target-kind kinds). A cell is the actor's stance s(t), the value overlap uses:
            + supports, − opposes, 0 neutral or cancelling, the signed value when it is not ±1,
            blank for no stance. Rows and columns are ordered so that similar ones sit together
            (the seriation of the overlap heatmap, over the S-score of rows and of columns), or
            by --sort. With ACTOR: that actor's stances, each with its edges and cites.
            """,
        positionals: [
            PositionalSpec(name: "ACTOR", help: "only this actor's stances: an id, or a unique label or label_zh", optional: true)
        ],
        options: [
            .value("actors", "LIST", "rows: these actors, comma-separated"),
            .value("kind", "K", "rows: every node of this kind"),
            .value("targets", "LIST", "columns: these targets, comma-separated"),
            .value("target-kind", "K", "only targets of this kind", repeatable: true),
            .flag("inherit", "add the stances of everything with a memberOf path to the actor"),
            .value("as-of", "DATE", "only edges dated on or before DATE (YYYY, YYYY-MM, YYYY-MM-DD)"),
            .flag("roll-up", "a stance on a narrower target (partOf) also counts for each broader one"),
            EvidenceOption.spec,
            .value(
                "sort", "ORDER", "row and column order: similar, id, label or count (default: similar)",
                choices: StanceTableOrder.allCases.map(\.rawValue)),
            .value("lang", "LANG", "svg labels: en, zh or both (default: both)", choices: ["en", "zh", "both"]),
            .value("title", "TEXT", "svg: the title (default: names the rows and columns)"),
        ],
        formats: ["text", "csv", "json", "svg"],
        examples: [
            "policygraph positions --kind country",
            "policygraph positions --kind country --target-kind framework --format csv",
            "policygraph positions --actors us,china --roll-up --format json",
            "policygraph positions --kind country --inherit --format svg > positions.svg",
            "policygraph positions china",
            "policygraph positions china --evidence stated",
        ])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        if let date = arguments.value("as-of"), !PolicyDate.isValid(date) {
            throw UsageError("--as-of takes a date written YYYY, YYYY-MM or YYYY-MM-DD, not '\(date)'", command: spec.name)
        }
        if arguments.value("actors") != nil, arguments.value("kind") != nil {
            throw UsageError("give rows either by --actors or by --kind, not both", command: spec.name)
        }
        let format = arguments.format(spec)
        if !arguments.positionals.isEmpty {
            if let option = ["actors", "kind", "targets", "sort", "lang", "title"].first(where: { arguments.value($0) != nil }) {
                throw UsageError("--\(option) is for the table; leave out the actor '\(arguments.positionals[0])'", command: spec.name)
            }
            if format == "svg" { throw UsageError("--format svg draws the table; leave out the actor", command: spec.name) }
        }
        let graph = try loadGraph(arguments)
        var options = PositionOptions(inherit: arguments.flag("inherit"), asOf: arguments.value("as-of"), rollUp: arguments.flag("roll-up"))
        options.targetKinds = Set(try arguments.list("target-kind").map { try graph.checkedKind($0) })
        options.evidence = try EvidenceOption.parse(arguments, command: spec.name)
        if let reference = arguments.positionals.first {
            let position = try graph.position(of: try resolve(reference, in: graph), options: options)
            switch format {
            case "json": output.stdout += PositionsRendering.json(position).rendered()
            case "csv": output.stdout += PositionsRendering.evidenceTable(position, graph: graph).csv
            default: output.stdout += PositionsRendering.text(position, graph: graph)
            }
            return
        }
        var request = StanceTableRequest(options: options)
        if arguments.value("actors") != nil {
            request.actors = try arguments.list("actors").map { try resolve($0, in: graph) }
            if request.actors?.isEmpty == true { throw UsageError("--actors needs at least one actor", command: spec.name) }
        }
        request.actorKind = try arguments.value("kind").map { try graph.checkedKind($0) }
        if arguments.value("targets") != nil {
            request.targets = try arguments.list("targets").map { try resolve($0, in: graph) }
        }
        request.order = StanceTableOrder(rawValue: arguments.value("sort") ?? "similar") ?? .similar
        let table = try graph.stanceTable(request)
        switch format {
        case "json": output.stdout += PositionsRendering.json(table).rendered()
        case "csv": output.stdout += PositionsRendering.csv(table, graph: graph)
        case "svg":
            let language = DOTLanguage(rawValue: arguments.value("lang") ?? "both") ?? .both
            let rows = request.actorKind.map { "every \($0.rawValue)" } ?? "\(table.actors.count) actors"
            let title = arguments.value("title") ?? "Stances of \(rows) on \(table.targets.count) targets"
            output.stdout += StanceTableSVG.render(table, graph: graph, language: language, title: title)
        default: output.stdout += PositionsRendering.text(table, graph: graph, order: request.order)
        }
    }
}
