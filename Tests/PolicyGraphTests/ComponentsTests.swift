import Testing
@testable import PolicyGraph

@Suite struct ComponentsTests {
    /// Components by a plain union-find over the public edge list, ordered as documented.
    private func reference(_ graph: Graph, relations: Set<Relation> = []) -> [[NodeID]] {
        var parent: [NodeID: NodeID] = [:]
        for n in graph.nodes { parent[n.id] = n.id }
        func find(_ x: NodeID) -> NodeID {
            guard let p = parent[x], p != x else { return x }
            let r = find(p)
            parent[x] = r
            return r
        }
        for e in graph.edges where relations.isEmpty || relations.contains(e.relation) { parent[find(e.from)] = find(e.to) }
        var groups: [NodeID: [NodeID]] = [:]
        for n in graph.nodes { groups[find(n.id), default: []].append(n.id) }
        return groups.values.map { $0.sorted() }.sorted { ($0.count, $1[0]) > ($1.count, $0[0]) }
    }

    @Test(arguments: 0..<30)
    func componentsMatchUnionFindOnRandomGraphs(seed: Int) throws {
        let graph = try TraversalGraphs.random(seed: UInt64(200 + seed), nodes: 15, edges: 8 + seed % 8)
        #expect(graph.components().map(\.nodes) == reference(graph))
        #expect(try graph.components(relations: [.amends, .precedes]).map(\.nodes) == reference(graph, relations: [.amends, .precedes]))
    }

    @Test func largestFirstThenByFirstID() throws {
        let graph = try TraversalGraphs.graph(
            nodes: ["z:event", "y:event", "b:event", "a:event", "q:event", "c:event"],
            edges: ["z precedes y", "b precedes a", "a precedes c"])
        #expect(graph.components() == [["a", "b", "c"], ["y", "z"], ["q"]])
    }

    @Test func unknownRelationThrows() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:event"], edges: [])
        #expect(throws: QueryError(.unknownRelation("precede", suggestions: ["precedes"]))) { try graph.components(relations: ["precede"]) }
    }
}
