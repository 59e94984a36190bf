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
        let dating = graph.stanceDating
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object([
                "nodes": .int(graph.nodeCount), "edges": .int(graph.edgeCount),
                "kinds": .object(kinds.map { JSONMember(key: $0.key.rawValue, value: .int($0.value)) }),
                "relations": .object(relations.map { JSONMember(key: $0.key.rawValue, value: .int($0.value)) }),
                "stances": .int(dating.stances), "datedStances": .int(dating.dated), "datedShare": .double(dating.share),
            ]).rendered()
        case "csv":
            var table = TextTable(["group", "name", "count"])
            table.append(["total", "nodes", String(graph.nodeCount)])
            table.append(["total", "edges", String(graph.edgeCount)])
            table.append(["total", "stances", String(dating.stances)])
            table.append(["total", "dated stances", String(dating.dated)])
            for (k, n) in kinds { table.append(["kind", k.rawValue, String(n)]) }
            for (r, n) in relations { table.append(["relation", r.rawValue, String(n)]) }
            output.stdout += table.csv
        default:
            let stances = Set(graph.schema.stanceRelations)
            let stanceCount = relations.filter { stances.contains($0.key) }.reduce(0) { $0 + $1.value }
            output.stdout += "\(graph.nodeCount) nodes, \(graph.edgeCount) edges (\(stanceCount) stance\(stanceCount == 1 ? "" : "s"))\n"
            if let share = dating.share {
                output.stdout += "\(dating.dated) of \(dating.stances) stances dated (\(Int((share * 100).rounded()))%)\n"
            }
            output.stdout += "\n"
            var kindTable = TextTable(["kind", "nodes"])
            for (k, n) in kinds { kindTable.append([k.rawValue, String(n)]) }
            output.stdout += kindTable.text + "\n"
            var relationTable = TextTable(["relation", "edges"])
            for (r, n) in relations {
                let polarity = graph.schema.polarity(of: r)
                relationTable.append([r.rawValue + (polarity > 0 ? " (+1)" : polarity < 0 ? " (-1)" : stances.contains(r) ? " (0)" : ""), String(n)])
            }
            output.stdout += relationTable.text
        }
    }
}
