import Testing
import TestSupport
@testable import PolicyGraph

/// `Graph.reach` (bit-set BFS over the adjacency arrays) against a BFS over a dictionary built
/// from the edge list, with every direction, relation filter and kind filter.
@Suite struct ScaleReachTests {
    static func expectedCounts(_ graph: Graph, from start: NodeID, depth: Int, filter: TraversalFilter) -> [Int] {
        var adjacency: [NodeID: [NodeID]] = [:]
        for e in graph.edges where filter.relations.isEmpty || filter.relations.contains(e.relation) {
            if filter.direction != .in { adjacency[e.from, default: []].append(e.to) }
            if filter.direction != .out { adjacency[e.to, default: []].append(e.from) }
        }
        var distance: [NodeID: Int] = [start: 0]
        var frontier = [start]
        for d in 1...max(1, depth) where d <= depth {
            var next: [NodeID] = []
            for node in frontier {
                for other in adjacency[node] ?? [] where distance[other] == nil {
                    distance[other] = d
                    next.append(other)
                }
            }
            frontier = next
        }
        return (1...max(1, depth)).filter { $0 <= depth }.map { d in
            distance.filter { $0.value == d && (filter.kinds.isEmpty || filter.kinds.contains(graph.kind(of: $0.key) ?? "")) }.count
        }
    }

    @Test(arguments: 0..<12)
    func reachCountsEveryDistanceLikeAPlainSearch(seed: Int) throws {
        var random = RandomGraphCSV(seed: UInt64(40_000 + seed), noise: 0)
        let files = random.folder(nodes: 30 + seed * 5, edges: 60 + seed * 20)
        let (_, loaded) = ScaleLoaderTests.load(files)
        let graph = try #require(loaded)
        let filters = [
            TraversalFilter(direction: .out), TraversalFilter(direction: .in), TraversalFilter(direction: .both),
            TraversalFilter(relations: [.supports, .memberOf], direction: .both),
            TraversalFilter(direction: .both, kinds: [.framework]),
        ]
        for start in graph.nodeIDs.prefix(8) {
            for filter in filters {
                for depth in [0, 1, 3] {
                    let reach = try graph.reach(from: start, depth: depth, filter: filter)
                    #expect(reach.counts == Self.expectedCounts(graph, from: start, depth: depth, filter: filter))
                    #expect(reach.total == reach.counts.reduce(0, +))
                }
            }
        }
    }

    @Test func anUnknownStartIsAnError() throws {
        let (_, loaded) = ScaleLoaderTests.load((Array("id,kind,label\nchina,country,China\n".utf8), Array("from,relation,to\n".utf8)))
        let graph = try #require(loaded)
        let thrown = #expect(throws: QueryError.self) { try graph.reach(from: "chna", depth: 2) }
        #expect(thrown.map { caseName($0.reason) } == "unknownNode")
        #expect(try graph.reach(from: "china", depth: 2).counts == [0, 0])
    }
}
