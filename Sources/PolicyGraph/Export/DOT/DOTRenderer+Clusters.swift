extension DOTRenderer {
    /// The boxes of `--cluster` as nested `subgraph "cluster_…"` blocks, each box's own nodes
    /// before the boxes inside it; then, as DOT comments, the memberships the boxes leave out.
    func clusterStatements(_ clusters: DOTClusters, view: Graph, style: DOTStyle, numbers: [NodeID: Int]) -> String {
        var out = ""
        for (index, cluster) in clusters.clusters.enumerated() {
            let indent = String(repeating: "  ", count: cluster.depth + 1)
            let next = clusters.clusters.indices.contains(index + 1) ? clusters.clusters[index + 1].depth : 0
            out += (cluster.depth == 0 ? "\n" : "") + indent + "subgraph \(DOT.quote(cluster.name)) {\n"
            let id: [(String, String)] = options.mapLayout ? [("id", "c\(index)")] : []
            out += indent + "  graph " + attributes(clusterAttributes(label: cluster.label) + id) + ";\n"
            for node in cluster.members {
                out += indent + "  " + statement(for: node, in: view, style: style, number: numbers[node.id]) + "\n"
            }
            // Close this box and every enclosing box that the next one is not inside.
            if next <= cluster.depth {
                for depth in stride(from: cluster.depth, through: next, by: -1) {
                    out += String(repeating: "  ", count: depth + 1) + "}\n"
                }
            }
        }
        if !clusters.unshown.isEmpty {
            out += "\n  // Memberships not drawn as boxes (a node is drawn in one box only):\n"
            for m in clusters.unshown {
                out += "  // " + DOT.quote(m.member.rawValue) + " memberOf " + DOT.quote(m.anchor.rawValue) + "\n"
            }
        }
        return out
    }
}
