import Testing
@testable import PolicyGraph

@Suite struct DegreeRankingTests {
    @Test(arguments: 0..<20)
    func countsMatchCountingEdges(seed: Int) throws {
        let graph = try TraversalGraphs.random(seed: UInt64(300 + seed), nodes: 10, edges: 25)
        for relations: Set<Relation> in [[], [.references], [.amends, .precedes]] {
            for kinds: Set<Kind> in [[], [.event]] {
                for measure in DegreeMeasure.allCases {
                    let ranking = try graph.degreeRanking(by: measure, relations: relations, kinds: kinds)
                    let counted = graph.edges.filter { relations.isEmpty || relations.contains($0.relation) }
                    let expectedNodes = graph.nodes.filter { kinds.isEmpty || kinds.contains($0.kind) }
                    #expect(ranking.count == expectedNodes.count)
                    for entry in ranking {
                        #expect(entry.outdegree == counted.filter { $0.from == entry.node }.count)
                        #expect(entry.indegree == counted.filter { $0.to == entry.node }.count)
                    }
                    // Highest first, ties by id; equal values share the rank of the first of them.
                    for (a, b) in zip(ranking, ranking.dropFirst()) {
                        let x = a.value(of: measure), y = b.value(of: measure)
                        #expect(x > y || (x == y && a.node < b.node))
                        #expect(b.rank == (x == y ? a.rank : ranking.firstIndex(of: b).map { $0 + 1 }))
                    }
                    #expect(ranking.first?.rank ?? 1 == 1)
                }
            }
        }
    }

    @Test func selfLoopCountsAsInAndOut() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:event", "b:event"], edges: ["a precedes a", "a precedes b"])
        let ranking = try graph.degreeRanking(by: .degree)
        #expect(ranking.map(\.node) == ["a", "b"])
        #expect(ranking.map(\.degree) == [3, 1])
        #expect(ranking.map(\.rank) == [1, 2])
    }

    @Test func tiesShareARankAndAreOrderedByID() throws {
        let graph = try TraversalGraphs.graph(nodes: ["c:event", "b:event", "a:event", "d:event"], edges: ["c precedes b", "a precedes d", "a precedes b"])
        let ranking = try graph.degreeRanking(by: .outdegree)
        #expect(ranking.map(\.node) == ["a", "c", "b", "d"])
        #expect(ranking.map(\.rank) == [1, 2, 3, 3])
    }
}
