@testable import PolicyGraph

/// Builds a graph from CSV text written in the test, through the real loader.
func loadGraph(nodes: String, edges: String, schema: String? = nil) throws -> Graph {
    try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: schema.map { Array($0.utf8) }).graph
}

/// The load failure for CSV text that should not load, or `nil` when it loads.
func loadFailure(nodes: String, edges: String, schema: String? = nil) -> LoadFailure? {
    do {
        _ = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: schema.map { Array($0.utf8) })
        return nil
    } catch {
        return error
    }
}

let minimalNodes = "id,kind,label\nus,country,United States\nsfc,framework,San Francisco Consensus\n"
let minimalEdges = "from,relation,to\nus,supports,sfc\n"
