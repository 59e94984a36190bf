import PolicyGraph

/// `policygraph show ID`: one node, its attributes and every edge at it.
struct ShowCommand: Command {
    let spec = CommandSpec(
        name: "show", summary: "Show a node with its attributes and all its edges",
        discussion: "ID is a node id, or a label or Chinese label that names exactly one node (case-insensitive).",
        positionals: [PositionalSpec(name: "ID", help: "the node: an id, or a unique label or label_zh")],
        examples: ["policygraph show us", "policygraph show 查布拉", "policygraph show \"Wang Yi\" --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let graph = try loadGraph(arguments)
        let id = try resolve(arguments.positionals[0], in: graph)
        guard let node = graph.node(id) else { return }
        let outgoing = graph.edges(from: id)
        let incoming = graph.edges(to: id)
        if arguments.format(spec) == "json" {
            output.stdout += JSONValue.object([
                "node": node.jsonValue, "outgoing": .array(outgoing.map(\.jsonValue)), "incoming": .array(incoming.map(\.jsonValue)),
            ]).rendered()
            return
        }
        output.stdout += "\(node.id) (\(node.kind)): \(node.label)\n"
        let names = graph.nodeAttributeNames.filter { $0 != Column.label && node.attributes[$0] != nil }
        let width = names.map { TextTable.displayWidth($0) }.max() ?? 0
        for name in names { output.stdout += "  \(name.padding(toLength: width))  \(node.attributes[name]?.replacingNewlines ?? "")\n" }
        output.stdout += "\nOutgoing (\(outgoing.count)):\n"
        output.stdout += edgeTable(outgoing, other: \.to, arrow: "->", graph: graph)
        output.stdout += "\nIncoming (\(incoming.count)):\n"
        output.stdout += edgeTable(incoming, other: \.from, arrow: "<-", graph: graph)
    }

    private func edgeTable(_ edges: [Edge], other: KeyPath<Edge, NodeID>, arrow: String, graph: Graph) -> String {
        guard !edges.isEmpty else { return "  (none)\n" }
        var table = TextTable(["relation", "node", "label", "date", "cite"])
        for e in edges {
            let id = e[keyPath: other]
            let weight = e.weight.map { " ×\(NumberText.short($0))" } ?? ""
            table.append(["\(arrow) \(e.relation)\(weight)", id.rawValue, graph.node(id)?.label ?? "", e.date ?? "", e.cite ?? ""])
        }
        return table.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}

/// Numbers as people read them in tables.
enum NumberText {
    /// Up to three decimals, trailing zeros dropped.
    static func short(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var s = String(format3(value))
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func format3(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        let sign = scaled < 0 ? "-" : ""
        let a = abs(scaled)
        let whole = Int(a)
        let frac = Int(((a - Double(whole)) * 1000).rounded())
        let f = String(frac)
        return "\(sign)\(whole).\(String(repeating: "0", count: 3 - f.count))\(f)"
    }
}
