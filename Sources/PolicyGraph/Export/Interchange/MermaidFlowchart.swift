/// A Mermaid flowchart of the graph, for Markdown (GitHub renders ```` ```mermaid ```` blocks).
///
/// Mermaid ids are limited to letters, digits and `_`, and a few words (`end`, `graph`, ...)
/// break the parser, so each node id is mapped: other characters become `_`, a leading digit
/// or a keyword gets `n_` in front, and a clash gets `_2`, `_3`, ... Every id that changed is
/// listed in a `%%` comment (`%% mermaid-id: "policygraph id"`), so the mapping travels with
/// the diagram. Labels are in double quotes with Mermaid's entity codes for the characters that
/// would end or confuse them (`#quot;`, `#35;`, `#amp;`, `#lt;`, `#gt;`, `#96;`, `#124;`);
/// line breaks become `<br/>`, other control characters U+FFFD. An empty label shows the id.
package enum MermaidFlowchart {
    /// A diagram and how its ids map to the graph's.
    package struct Diagram: Sendable, Equatable {
        package let text: String
        /// The Mermaid id of each node.
        package let mermaidIDs: [NodeID: String]
    }

    package static func document(_ graph: Graph) -> Diagram {
        var ids: [NodeID: String] = [:]
        var taken: Set<String> = []
        var out = "flowchart LR\n"
        var renamed: [(String, NodeID)] = []
        for i in 0..<Int32(graph.nodeCount) {
            let id = graph.id(at: i)
            var candidate = sanitized(id.rawValue)
            let stem = candidate
            var n = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(stem)_\(n)"
                n += 1
            }
            taken.insert(candidate.lowercased())
            ids[id] = candidate
            if candidate != id.rawValue { renamed.append((candidate, id)) }
        }
        for (mermaid, id) in renamed { out += "  %% \(mermaid): \(JSONValue.quote(id.rawValue))\n" }
        for i in 0..<Int32(graph.nodeCount) {
            let id = graph.id(at: i)
            let label = graph.label(at: i).isEmpty ? id.rawValue : graph.label(at: i)
            out += "  \(ids[id] ?? id.rawValue)[\"\(escaped(label))\"]\n"
        }
        for e in 0..<Int32(graph.edgeCount) {
            let from = ids[graph.id(at: graph.source(ofEdge: e))] ?? ""
            let to = ids[graph.id(at: graph.target(ofEdge: e))] ?? ""
            out += "  \(from) -->|\"\(escaped(graph.relation(ofEdge: e).rawValue))\"| \(to)\n"
        }
        return Diagram(text: out, mermaidIDs: ids)
    }

    /// Words Mermaid's flowchart grammar reads as syntax (compared case-insensitively).
    static let keywords: Set<String> = [
        "end", "graph", "flowchart", "subgraph", "style", "classdef", "class", "click", "linkstyle",
        "direction", "call", "href", "default", "interpolate", "td", "tb", "bt", "rl", "lr",
    ]

    /// `id` as a Mermaid id: `[A-Za-z0-9_]`, not starting with a digit, no keyword.
    static func sanitized(_ id: String) -> String {
        var out = ""
        for b in id.utf8 {
            let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            out.unicodeScalars.append(keep ? Unicode.Scalar(b) : "_")
        }
        // Multi-byte characters became several `_`; fold runs so ids stay short.
        while out.contains("__") { out = out.replacing("__", with: "_") }
        if out.isEmpty || out == "_" || out.first?.isNumber == true || keywords.contains(out.lowercased()) { out = "n_" + out }
        return out
    }

    /// Text for inside `"..."` in a node or edge label.
    static func escaped(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case "\r": out += "<br/>"
            case "\n": if !previousCR { out += "<br/>" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
