/// The agreement network of an ``OverlapMatrix`` as Graphviz DOT, for `dot` or `neato`: one node
/// per actor, one undirected edge per pair whose measure is defined and not 0.
///
/// Edge width grows with |value|; agreement (> 0) is a solid blue line, disagreement (< 0, for
/// the measures that go below 0) a dashed red one. `weight` (for `dot`) and `len` (for `neato`)
/// pull similar actors together and push opponents apart. Each edge is labelled with its value.
public enum AgreementNetwork {
    /// The DOT text. `labels` names actors (the id when missing); `selection` picks the pairs drawn.
    public static func dot(_ matrix: OverlapMatrix, labels: [NodeID: String] = [:], selection: NetworkSelection = NetworkSelection()) -> String {
        let kept = selection.isEmpty ? nil : selection.keeps(matrix)
        let filter = selection.isEmpty ? "" : "; \(selection.summary)"
        var out = "graph agreement {\n"
        out += "  graph [label=\(DOT.quoteLabel("agreement network (\(matrix.measure.rawValue)\(filter))")), labelloc=t, fontname=\"Helvetica\", "
        out += "overlap=false, splines=true, outputorder=edgesfirst];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", fontname=\"Helvetica\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for actor in matrix.actors {
            out += "  \(DOT.quote(actor.rawValue)) [label=\(DOT.quoteLabel(labels[actor] ?? actor.rawValue))];\n"
        }
        let k = matrix.actors.count
        for i in 0..<k {
            for j in (i + 1)..<max(i + 1, k) {
                guard let value = matrix.values[i][j], value != 0, kept?[i][j] ?? true else { continue }
                let strength = min(1, abs(value))
                let agrees = value > 0
                var attributes = [
                    "penwidth=\(HeatmapSVG.fixed(0.5 + 5 * strength, digits: 2))",
                    "weight=\(agrees ? 1 + Int((9 * strength).rounded()) : 0)",
                    "len=\(HeatmapSVG.fixed(agrees ? 2.5 - 1.5 * strength : 2.5 + 1.5 * strength, digits: 2))",
                    "color=\(DOT.quote(agrees ? "#2166ac" : "#b2182b"))",
                    "label=\(DOT.quoteLabel(HeatmapSVG.fixed(value, digits: 2)))",
                ]
                if !agrees { attributes.append("style=dashed") }
                out += "  \(DOT.quote(matrix.actors[i].rawValue)) -- \(DOT.quote(matrix.actors[j].rawValue)) [\(attributes.joined(separator: ", "))];\n"
            }
        }
        out += "}\n"
        return out
    }
}
