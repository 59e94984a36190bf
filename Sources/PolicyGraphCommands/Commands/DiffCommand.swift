import PolicyGraph

/// `policygraph diff`: the stances that appeared, changed or ended between two dates or two
/// versions of a graph folder.
struct DiffCommand: Command {
    let spec = CommandSpec(
        name: "diff", summary: "List the stances that appeared, changed or ended between two dates or two graph folders",
        discussion: "With --as-of A --as-of B: every actor's position as of A (edges dated on or before A; undated edges always count) against its position as of B. With DIR_A DIR_B: the positions in one folder against the other, actors and targets matched by id. A stance is s(t) as in overlap; a change is a different value. A date of only a year or month counts as its first day: when one holds the first --as-of date, a note says how many stances it puts on both sides.",
        positionals: [
            PositionalSpec(name: "DIR_A", help: "the earlier graph folder", optional: true),
            PositionalSpec(name: "DIR_B", help: "the later graph folder", optional: true),
        ],
        options: [
            .value("as-of", "DATE", "a date to compare; give it twice, earlier first (YYYY, YYYY-MM, YYYY-MM-DD)", repeatable: true),
            .flag("inherit", "add the stances of everything with a memberOf path to the actor"),
            EvidenceOption.spec,
        ],
        formats: ["text", "json", "csv"],
        examples: ["policygraph diff --as-of 2024-05-01 --as-of 2024-05-31", "policygraph diff old-graph graph --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let dates = arguments.values("as-of")
        let folders = arguments.positionals
        for date in dates where !PolicyDate.isValid(date) {
            throw UsageError("--as-of takes a date written YYYY, YYYY-MM or YYYY-MM-DD, not '\(date)'", command: spec.name)
        }
        var options = PositionOptions(inherit: arguments.flag("inherit"))
        options.evidence = try EvidenceOption.parse(arguments, command: spec.name)
        let diff: StanceDiff
        let graph: Graph
        switch (dates.count, folders.count) {
        case (2, 0):
            graph = try loadGraph(arguments)
            diff = try graph.stanceDiff(asOf: dates[0], dates[1], options: options)
        case (0, 2):
            if arguments.value("graph") != nil {
                throw UsageError("give either two folders DIR_A DIR_B or --graph with --as-of twice", command: spec.name)
            }
            let before = try GraphLoader.load(folder: folders[0]).graph
            graph = try GraphLoader.load(folder: folders[1]).graph
            diff = try Graph.stanceDiff(from: before, to: graph, options: options)
        default:
            throw UsageError("compare two dates (--as-of A --as-of B) or two graph folders (DIR_A DIR_B)", command: spec.name)
        }
        switch arguments.format(spec) {
        case "json":
            let changes = JSONValue.array(diff.changes.map { c in
                .object([
                    "change": .string(c.kind.rawValue), "actor": .string(c.actor.rawValue), "target": .string(c.target.rawValue),
                    "before": c.before.map { .double($0) } ?? .null, "after": c.after.map { .double($0) } ?? .null,
                    "evidence": .array(c.evidence.map { .string(OverlapRendering.evidenceText($0, actor: c.actor)) }),
                ])
            })
            output.stdout += JSONValue.object([
                "changes": changes,
                "coarseStart": .array(diff.coarseStart.map { c in
                    .object([
                        "date": .string(c.date), "precision": .string(c.precision.rawValue),
                        "countsAs": .string(c.firstDay), "stances": .int(c.stances),
                    ])
                }),
            ]).rendered()
        case "csv":
            var table = TextTable(["change", "actor", "target", "before", "after"])
            for c in diff.changes {
                table.append([c.kind.rawValue, c.actor.rawValue, c.target.rawValue,
                              c.before.map(OverlapRendering.stanceText) ?? "", c.after.map(OverlapRendering.stanceText) ?? ""])
            }
            output.stdout += table.csv
        default:
            // The table of changes, each row followed by the edges behind it, indented.
            var table = TextTable(["change", "actor", "target", "before", "after"])
            for c in diff.changes {
                table.append([c.kind.rawValue, c.actor.rawValue, c.target.rawValue,
                              c.before.map(OverlapRendering.stanceText) ?? "-", c.after.map(OverlapRendering.stanceText) ?? "-"])
            }
            let lines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where !(i == lines.count - 1 && line.isEmpty) {
                output.stdout += line + "\n"
                guard i >= 2, i - 2 < diff.changes.count else { continue }
                let change = diff.changes[i - 2]
                for edge in change.evidence { output.stdout += "    " + OverlapRendering.evidenceText(edge, actor: change.actor) + "\n" }
            }
            let counts = [StanceChange.Kind.appeared, .changed, .ended].map { kind in
                "\(diff.changes.filter { $0.kind == kind }.count) \(kind.rawValue)"
            }
            output.stdout += counts.joined(separator: ", ") + "\n"
            for coarse in diff.coarseStart { output.stdout += Self.note(coarse) + "\n" }
        }
    }

    /// `note: 2 stances dated 2024-05 (a month) count as its first day, 2024-05-01, so they are on both sides`.
    static func note(_ coarse: CoarseDateCount) -> String {
        let one = coarse.stances == 1
        return "note: \(English.count(coarse.stances, "stance")) dated \(coarse.date) (a \(coarse.precision.rawValue)) "
            + "count\(one ? "s" : "") as its first day, \(coarse.firstDay), so \(one ? "it is" : "they are") on both sides"
    }
}
