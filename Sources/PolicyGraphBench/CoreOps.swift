import PolicyGraph

/// The ops the core answers on its own: load and the k-hop counts.
enum CoreOps {
    /// `load`: read both CSVs and build the graph → `{"nodes": N, "edges": M}`.
    /// With `times` > 1 the graph is loaded again each time, the previous one released first so
    /// that the peak memory stays that of one graph.
    static func load(_ folder: String, times: Int = 1) throws -> (OpResult, Graph) {
        var graph: Graph?
        var failure: LoadFailure?
        let op = try measure("load", times: times) {
            graph = nil
            do {
                let loaded = try GraphLoader.load(folder: folder)
                graph = loaded.graph
                return .object(["nodes": .int(loaded.graph.nodeCount), "edges": .int(loaded.graph.edgeCount)])
            } catch {
                failure = error as? LoadFailure
                return nil
            }
        }
        guard let graph else { throw failure ?? LoadFailure(errors: [], issues: []) }
        return (op, graph)
    }

    /// The first `country` row of nodes.csv: the start of the k-hop counts.
    static func firstCountry(_ graph: Graph) -> NodeID? { graph.nodeIDs(of: .country).first }

    /// `khop_out3`: nodes at distance 1...3 from `start` along out-edges.
    static func khopOut3(_ graph: Graph, from start: NodeID) throws -> Int {
        try graph.reach(from: start, depth: 3, filter: TraversalFilter(direction: .out)).total
    }

    /// `khop_both2`: the same along edges in both directions, distance 1...2.
    static func khopBoth2(_ graph: Graph, from start: NodeID) throws -> Int {
        try graph.reach(from: start, depth: 2, filter: TraversalFilter(direction: .both)).total
    }
}
