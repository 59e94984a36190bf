import PolicyGraph

/// The targets an overlap leaves out because an actor's stances there cancel
/// (``Overlap/notCounted``): in the text after the groups, in JSON as `notCounted`.
extension OverlapRendering {
    /// `not counted (N): ...`, one entry per actor and target with the reason and the edges;
    /// empty when nothing cancels.
    static func uncountedText(_ overlap: Overlap, graph: Graph) -> String {
        guard !overlap.notCounted.isEmpty else { return "" }
        var out = "\nnot counted (\(overlap.notCounted.count)): stances that cancel out, so no position\n"
        for item in overlap.notCounted {
            let target = item.stance.target
            let label = graph.node(target)?.label ?? ""
            out += "  \(target)\(label.isEmpty ? "" : " (\(label.replacingNewlines))"): \(item.actor) 0, because \(reason(item))\n"
            for edge in item.stance.evidence { out += "    \(item.actor): \(evidenceText(edge, actor: item.actor, target: target))\n" }
        }
        return out
    }

    /// Why the stances sum to 0: whose edges pull which way.
    static func reason(_ item: Overlap.Uncounted) -> String {
        if item.own != 0, item.members != 0 {
            return "its own stance (\(stanceText(item.own))) and its members' (\(stanceText(item.members))) cancel"
        }
        return item.members == 0 ? "its own stances cancel" : "its members' stances cancel"
    }

    /// `[{"actor", "target", "own", "members", "edges"}]`.
    static func uncountedJSON(_ overlap: Overlap) -> JSONValue {
        .array(overlap.notCounted.map { item in
            .object([
                "actor": .string(item.actor.rawValue), "target": .string(item.stance.target.rawValue),
                "own": .double(item.own), "members": .double(item.members),
                "edges": .array(item.stance.evidence.map(\.jsonValue)),
            ])
        })
    }
}
