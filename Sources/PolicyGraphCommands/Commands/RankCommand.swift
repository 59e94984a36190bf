import PolicyGraph

/// `policygraph rank`: the nodes with the most edges, by degree, in-degree or out-degree.
struct RankCommand: Command {
    let spec = CommandSpec(
        name: "rank", summary: "Rank nodes by degree, in-degree or out-degree",
        discussion: "Counts every edge (parallel edges each count; a self-loop is one in and one out). Ties share a rank and are listed by id.",
        options: [
            .value("by", "MEASURE", "degree, indegree or outdegree (default: degree)", choices: DegreeMeasure.allCases.map(\.rawValue)),
            .value("relation", "R", "count only edges of this relation", repeatable: true),
            .value("kind", "K", "rank only nodes of this kind", repeatable: true),
            .value("limit", "N", "show the first N nodes, 0 for all (default: 20)"),
        ],
        formats: ["text", "json", "csv"],
        examples: ["policygraph rank", "policygraph rank --by indegree --relation supports --kind framework --limit 5"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let measure = DegreeMeasure(rawValue: arguments.value("by") ?? "degree") ?? .degree
        let limit = try arguments.int("limit", default: 20, minimum: 0)
        let graph = try loadGraph(arguments)
        let relations = try arguments.list("relation").map { try graph.checkedRelation($0) }
        let kinds = try arguments.list("kind").map { try graph.checkedKind($0) }
        let ranking = try graph.degreeRanking(by: measure, relations: Set(relations), kinds: Set(kinds))
        let shown = limit == 0 ? ranking : Array(ranking.prefix(limit))
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object([
                "by": .string(measure.rawValue),
                "nodes": .array(shown.map { e in
                    .object(["rank": .int(e.rank), "id": .string(e.node.rawValue), "kind": .string(e.kind.rawValue), "label": .string(e.label),
                             "degree": .int(e.degree), "indegree": .int(e.indegree), "outdegree": .int(e.outdegree)])
                }),
            ]).rendered()
        case "csv":
            output.stdout += table(shown).csv
        default:
            if shown.count < ranking.count { output.stdout += "Top \(shown.count) of \(English.count(ranking.count, "node")) by \(measure.rawValue):\n\n" }
            output.stdout += shown.isEmpty ? "no nodes\n" : table(shown).text
        }
    }

    private func table(_ entries: [DegreeEntry]) -> TextTable {
        var table = TextTable(["rank", "id", "kind", "label", "degree", "indegree", "outdegree"])
        for e in entries {
            table.append([String(e.rank), e.node.rawValue, e.kind.rawValue, e.label, String(e.degree), String(e.indegree), String(e.outdegree)])
        }
        return table
    }
}
