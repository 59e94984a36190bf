import Foundation
import Testing
@testable import PolicyGraph

/// Invariants of the traversal queries on the real seed graph, when `graph/` is there. The seed
/// graph is still being written, so these check properties, not particular answers.
@Suite struct TraversalSeedGraphTests {
    @Test func pathsAreWalksOfTheRightLengthOnTheSeedGraph() throws {
        guard FileManager.default.fileExists(atPath: Fixtures.seedGraph + "/nodes.csv") else { return }
        let graph = try GraphLoader.load(folder: Fixtures.seedGraph).graph
        let ids = graph.nodes.map(\.id).sorted()
        var random = TraversalGraphs.Random(seed: 2024)
        for _ in 0..<200 {
            let from = ids[Int.random(in: 0..<ids.count, using: &random)], to = ids[Int.random(in: 0..<ids.count, using: &random)]
            let filter = PathFilter(undirected: Bool.random(using: &random))
            let all = try graph.allShortestPaths(from: from, to: to, filter: filter, limit: 50)
            #expect(try graph.shortestPath(from: from, to: to, filter: filter) == all.paths.first)
            for path in all.paths {
                #expect(path.nodes.first == from && path.nodes.last == to && path.length == all.length)
                for (i, e) in path.edges.enumerated() {
                    let forwards = e.from == path.nodes[i] && e.to == path.nodes[i + 1]
                    let backwards = e.to == path.nodes[i] && e.from == path.nodes[i + 1]
                    #expect(forwards || (filter.undirected && backwards))
                }
            }
            // Reachability and paths agree.
            let reachable = try graph.reachable(from: from, filter: TraversalFilter(direction: filter.undirected ? .both : .out))
            if from != to { #expect(reachable.contains(to) == (all.length != nil)) }
        }
        #expect(graph.components().reduce(0) { $0 + $1.count } == graph.nodeCount)
        #expect(try graph.degreeRanking().reduce(0) { $0 + $1.degree } == 2 * graph.edgeCount)
    }
}
