import PolicyGraph

/// The rows an import adds or changes, one per line, for the report.
extension ImportCommand {
    /// The edges the import adds: where the row is, then `from relation to` and the date.
    static func newEdgeLines(_ plan: ImportPlan) -> String {
        var table = TextTable(["row", "edge", "date"])
        for edge in plan.edges {
            let c = edge.cells
            let name = "\(c[Column.from] ?? "") \(c[Column.relation] ?? "") \(c[Column.to] ?? "")"
            table.append([edge.location.description, name, c[Column.date] ?? ""])
        }
        return indented(plan.edges.isEmpty ? "" : table.text)
    }

    /// The rows that differ from an edge of the graph: the row, the edge and its line, then each
    /// cell as the graph has it and as the row has it.
    static func differingLines(_ plan: ImportPlan) -> String {
        var out = ""
        for edge in plan.differing {
            let date = edge.date.isEmpty ? "" : " (\(edge.date))"
            out += "  \(edge.location): \(edge.from) \(edge.relation) \(edge.to)\(date), the edge at \(edge.graphLocation)\n"
            for cell in edge.cells {
                out += "    \(cell.column): graph \(JSONValue.quote(cell.graph)), sheet \(JSONValue.quote(cell.sheet))\n"
            }
        }
        return out
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}
