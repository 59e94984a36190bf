import PolicyGraph

/// `policygraph stats`: how many nodes and edges, by kind and by relation.
struct StatsCommand: Command {
    let spec = CommandSpec(
        name: "stats", summary: "Count the nodes and edges, by kind and by relation",
        discussion: "Kinds and relations without any node or edge are left out.",
        formats: ["text", "json", "csv"],
        examples: ["policygraph stats", "policygraph stats --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        let kinds = graph.kindCounts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        let relations = graph.relationCounts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object([
                "nodes": .int(graph.nodeCount), "edges": .int(graph.edgeCount),
                "kinds": .object(kinds.map { JSONMember(key: $0.key.rawValue, value: .int($0.value)) }),
                "relations": .object(relations.map { JSONMember(key: $0.key.rawValue, value: .int($0.value)) }),
            ]).rendered()
        case "csv":
            var table = TextTable(["group", "name", "count"])
            table.append(["total", "nodes", String(graph.nodeCount)])
            table.append(["total", "edges", String(graph.edgeCount)])
            for (k, n) in kinds { table.append(["kind", k.rawValue, String(n)]) }
            for (r, n) in relations { table.append(["relation", r.rawValue, String(n)]) }
            output.stdout += table.csv
        default:
            let stances = Set(graph.schema.stanceRelations)
            let stanceCount = relations.filter { stances.contains($0.key) }.reduce(0) { $0 + $1.value }
            output.stdout += "\(graph.nodeCount) nodes, \(graph.edgeCount) edges (\(stanceCount) stance\(stanceCount == 1 ? "" : "s"))\n\n"
            var kindTable = TextTable(["kind", "nodes"])
            for (k, n) in kinds { kindTable.append([k.rawValue, String(n)]) }
            output.stdout += kindTable.text + "\n"
            var relationTable = TextTable(["relation", "edges"])
            for (r, n) in relations {
                let polarity = graph.schema.polarity(of: r)
                relationTable.append([r.rawValue + (polarity > 0 ? " (+1)" : polarity < 0 ? " (-1)" : ""), String(n)])
            }
            output.stdout += relationTable.text
        }
    }
}
