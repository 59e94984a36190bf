import Testing
@testable import PolicyGraph

/// Every simple path between two nodes by depth-first search over edge rows: the reference the
/// breadth-first engine is checked against (shortest paths are always simple).
private func bruteForceShortestPaths(in graph: Graph, from: NodeID, to: NodeID, filter: PathFilter) -> [GraphPath] {
    let edges = graph.edges
    var found: [(nodes: [NodeID], rows: [Int])] = []
    func walk(_ nodes: [NodeID], _ rows: [Int]) {
        guard let here = nodes.last else { return }
        if here == to {
            found.append((nodes, rows))
            return
        }
        for (row, e) in edges.enumerated() where filter.relations.isEmpty || filter.relations.contains(e.relation) {
            var next: NodeID?
            if e.from == here { next = e.to } else if filter.undirected, e.to == here { next = e.from }
            guard let next, !nodes.contains(next) else { continue }
            walk(nodes + [next], rows + [row])
        }
    }
    walk([from], [])
    guard let shortest = found.map(\.rows.count).min() else { return [] }
    let sorted = found.filter { $0.rows.count == shortest }.sorted { a, b in
        a.nodes != b.nodes ? a.nodes.lexicographicallyPrecedes(b.nodes) : a.rows.lexicographicallyPrecedes(b.rows)
    }
    return sorted.map { GraphPath(nodes: $0.nodes, edges: $0.rows.map { edges[$0] }) }
}

@Suite struct PathTests {
    static let filters = [
        PathFilter(), PathFilter(undirected: true), PathFilter(relations: [.references]),
        PathFilter(relations: [.amends, .precedes], undirected: true),
    ]

    @Test(arguments: 0..<60)
    func shortestPathsMatchBruteForceOnRandomGraphs(seed: Int) throws {
        let graph = try TraversalGraphs.random(seed: UInt64(seed), nodes: 7 + seed % 3, edges: 9 + seed % 6)
        let ids = graph.nodes.map(\.id).sorted()
        for filter in Self.filters {
            for from in ids {
                for to in ids {
                    let expected = bruteForceShortestPaths(in: graph, from: from, to: to, filter: filter)
                    let all = try graph.allShortestPaths(from: from, to: to, filter: filter)
                    #expect(all.paths == expected, "seed \(seed) \(from)->\(to) \(filter)")
                    #expect(all.count == expected.count)
                    #expect(all.length == expected.first?.length)
                    #expect(!all.isTruncated)
                    #expect(try graph.shortestPath(from: from, to: to, filter: filter) == expected.first)
                    #expect(try graph.shortestPaths(from: from, to: to, filter: filter, all: false) == Array(expected.prefix(1)))
                }
            }
        }
    }

    @Test func limitKeepsTheFirstPathsInOrderAndCountsAll() throws {
        // Three diamonds in a row, the middle one with a parallel edge: 2 × 3 × 2 = 12 paths.
        let graph = try TraversalGraphs.graph(
            nodes: ["s:event", "a1:event", "b1:event", "m1:event", "a2:event", "b2:event", "m2:event", "a3:event", "b3:event", "t:event"],
            edges: ["s precedes a1", "s precedes b1", "a1 precedes m1", "b1 precedes m1",
                    "m1 precedes a2", "m1 precedes b2", "a2 precedes m2", "a2 precedes m2", "b2 precedes m2",
                    "m2 precedes a3", "m2 precedes b3", "a3 precedes t", "b3 precedes t"])
        let everything = try graph.allShortestPaths(from: "s", to: "t")
        #expect(everything.count == 12)
        #expect(everything.paths.count == 12)
        #expect(everything.paths == bruteForceShortestPaths(in: graph, from: "s", to: "t", filter: PathFilter()))
        let firstFive = try graph.allShortestPaths(from: "s", to: "t", limit: 5)
        #expect(firstFive.isTruncated)
        #expect(firstFive.count == 12)
        #expect(firstFive.length == 6)
        #expect(firstFive.paths == Array(everything.paths.prefix(5)))
    }

    @Test func parallelEdgesGiveDistinctPathsOrderedByFileOrder() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:framework", "b:framework"],
                                              edges: ["a references b first", "a amends b second", "b references a back"])
        let paths = try graph.shortestPaths(from: "a", to: "b", all: true)
        #expect(paths.map { $0.edges.map { $0.cite ?? "" } } == [["first"], ["second"]])
        let undirected = try graph.shortestPaths(from: "b", to: "a", filter: PathFilter(relations: [.amends], undirected: true), all: true)
        #expect(undirected.count == 1)
        #expect(undirected.first?.isReversed(step: 0) == true)
    }

    @Test func countSaturatesInsteadOfOverflowing() throws {
        // 64 diamonds in a row have 2^64 shortest paths: more than Int can hold.
        var nodes = ["m0:event"], edges: [String] = []
        for i in 0..<64 {
            nodes += ["a\(i):event", "b\(i):event", "m\(i + 1):event"]
            edges += ["m\(i) precedes a\(i)", "m\(i) precedes b\(i)", "a\(i) precedes m\(i + 1)", "b\(i) precedes m\(i + 1)"]
        }
        let graph = try TraversalGraphs.graph(nodes: nodes, edges: edges)
        let result = try graph.allShortestPaths(from: "m0", to: "m64", limit: 3)
        #expect(result.count == Int.max)
        #expect(result.paths.count == 3)
        #expect(result.length == 128)
        #expect(result.paths.first?.nodes.dropFirst().first == "a0")
    }

    @Test func pathToItselfHasOneNodeAndNoEdge() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:event"], edges: ["a precedes a"])
        #expect(try graph.shortestPath(from: "a", to: "a") == GraphPath(nodes: ["a"], edges: []))
        #expect(try graph.allShortestPaths(from: "a", to: "a").count == 1)
    }

    @Test func unreachableTargetGivesNilAndNoPaths() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:event", "b:event", "c:event"], edges: ["a precedes b", "c precedes b"])
        #expect(try graph.shortestPath(from: "a", to: "c") == nil)
        let none = try graph.allShortestPaths(from: "a", to: "c")
        #expect(none.paths.isEmpty && none.count == 0 && none.length == nil)
        #expect(try graph.shortestPath(from: "a", to: "c", filter: PathFilter(undirected: true))?.nodes == ["a", "b", "c"])
    }

    @Test func unknownNodeOrRelationThrowsWithSuggestions() throws {
        let graph = try TraversalGraphs.graph(nodes: ["alpha:event", "beta:event"], edges: ["alpha precedes beta"])
        #expect(throws: QueryError(.unknownNode("alpah", suggestions: ["alpha"]))) {
            try graph.shortestPath(from: "alpah", to: "beta")
        }
        #expect(throws: QueryError(.unknownRelation("precede", suggestions: ["precedes"]))) {
            try graph.shortestPath(from: "alpha", to: "beta", filter: PathFilter(relations: ["precede"]))
        }
        #expect(throws: QueryError(.invalidArgument("the path limit must be at least 1, not 0"))) {
            try graph.allShortestPaths(from: "alpha", to: "beta", limit: 0)
        }
    }

    /// Breadth-first distances and path counts (each parallel edge a path of its own), the
    /// textbook way over the public edge list.
    private func referenceDistanceAndCount(_ graph: Graph, from: NodeID, to: NodeID) -> (Int, Int)? {
        var adjacency: [NodeID: [NodeID]] = [:]
        for e in graph.edges { adjacency[e.from, default: []].append(e.to) }
        var distance: [NodeID: Int] = [from: 0], count: [NodeID: Int] = [from: 1]
        var queue = [from], head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in adjacency[u] ?? [] {
                if distance[v] == nil {
                    distance[v] = (distance[u] ?? 0) + 1
                    queue.append(v)
                }
                if distance[v] == (distance[u] ?? 0) + 1 { count[v, default: 0] += count[u] ?? 0 }
            }
        }
        guard let d = distance[to] else { return nil }
        return (d, count[to] ?? 0)
    }

    @Test(arguments: [7, 8, 9])
    func lengthsAndCountsMatchBreadthFirstReferenceOnLargerSparseGraphs(seed: UInt64) throws {
        // Big enough that the search's node maps stay hash tables before they grow dense.
        let graph = try TraversalGraphs.random(seed: seed, nodes: 3000, edges: 6000)
        var random = TraversalGraphs.Random(seed: seed)
        let ids = graph.nodes.map(\.id)
        for _ in 0..<40 {
            let from = ids[Int.random(in: 0..<ids.count, using: &random)], to = ids[Int.random(in: 0..<ids.count, using: &random)]
            let reference = referenceDistanceAndCount(graph, from: from, to: to)
            let result = try graph.allShortestPaths(from: from, to: to, limit: 3)
            #expect(result.length == reference?.0, "\(from)->\(to)")
            #expect(result.count == (reference?.1 ?? 0), "\(from)->\(to)")
            let path = try graph.shortestPath(from: from, to: to)
            #expect(path?.length == reference?.0)
            #expect(path == result.paths.first)
            if let path {
                for (i, e) in path.edges.enumerated() { #expect(e.from == path.nodes[i] && e.to == path.nodes[i + 1]) }
            }
        }
    }
}
