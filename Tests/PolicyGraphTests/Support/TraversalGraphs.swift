import Foundation
@testable import PolicyGraph
@testable import PolicyGraphBench

/// Small graphs for the traversal tests: written inline or generated from a seed.
enum TraversalGraphs {
    /// SplitMix64: a seeded generator, so that a failing random case can be replayed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A graph from `id:kind` nodes and `from relation to` edges (an optional fourth word is the cite).
    static func graph(nodes: [String], edges: [String]) throws -> Graph {
        var nodesCSV = "id,kind,label\n"
        for n in nodes {
            let parts = n.split(separator: ":").map(String.init)
            nodesCSV += "\(parts[0]),\(parts[1]),\(parts[0].uppercased())\n"
        }
        var edgesCSV = "from,relation,to,cite\n"
        for e in edges {
            let parts = e.split(separator: " ").map(String.init)
            edgesCSV += "\(parts[0]),\(parts[1]),\(parts[2]),\(parts.count > 3 ? parts[3] : "")\n"
        }
        return try GraphLoader.load(nodes: Array(nodesCSV.utf8), edges: Array(edgesCSV.utf8)).graph
    }

    /// A random graph of frameworks and events joined by `references` (any two), `amends`
    /// (framework to framework) and `precedes` (event to event); with self-loops and parallel
    /// edges, since real data has both. Node ids are shuffled so that id order is not row order.
    static func random(seed: UInt64, nodes n: Int, edges m: Int) throws -> Graph {
        var random = Random(seed: seed)
        let names = (0..<n).map { "n\($0)" }.shuffled(using: &random)
        let kinds = (0..<n).map { _ in Bool.random(using: &random) ? "framework" : "event" }
        var edges: [String] = []
        while edges.count < m {
            let a = Int.random(in: 0..<n, using: &random), b = Int.random(in: 0..<n, using: &random)
            var relation = "references"
            if kinds[a] == kinds[b], Bool.random(using: &random) { relation = kinds[a] == "framework" ? "amends" : "precedes" }
            let edge = "\(names[a]) \(relation) \(names[b]) c\(edges.count)"
            edges.append(edge)
            // Now and then a parallel twin.
            if Int.random(in: 0..<6, using: &random) == 0, edges.count < m { edges.append("\(names[a]) \(relation) \(names[b]) c\(edges.count)") }
        }
        return try graph(nodes: (0..<n).map { "\(names[$0]):\(kinds[$0])" }, edges: edges)
    }
}
