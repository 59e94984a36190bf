import PolicyGraph

extension OverlapCommand {
    /// Refuses a node whose kind takes no stances (a risk, a framework), as the matrix refuses
    /// such a kind: comparing it as an actor would measure nothing meaningful.
    static func requireActors(_ ids: [NodeID], in graph: Graph) throws(QueryError) {
        for id in ids {
            guard let kind = graph.kind(of: id), !(graph.schema.rule(for: kind)?.isActor ?? false) else {
                continue
            }
            throw QueryError(.invalidArgument("'\(id)' is \(English.article(kind.rawValue)), not an actor; "
                + "the schema's actor kinds are \(graph.schema.actorKinds.map(\.rawValue).joined(separator: ", "))"))
        }
    }
}
