import Testing
@testable import PolicyGraph

@Suite struct ReachabilityTests {
    /// The reachable set by repeating "an edge out of the set adds its other end" until nothing changes.
    private func fixpoint(_ graph: Graph, from: NodeID, filter: TraversalFilter) -> Set<NodeID> {
        var reached: Set<NodeID> = [from]
        var changed = true
        while changed {
            changed = false
            for e in graph.edges where filter.relations.isEmpty || filter.relations.contains(e.relation) {
                if filter.direction != .in, reached.contains(e.from), reached.insert(e.to).inserted { changed = true }
                if filter.direction != .out, reached.contains(e.to), reached.insert(e.from).inserted { changed = true }
            }
        }
        // The start is never listed, even when a cycle leads back to it.
        reached.remove(from)
        return reached.filter { filter.kinds.isEmpty || filter.kinds.contains(graph.kind(of: $0) ?? "") }
    }

    @Test(arguments: 0..<20)
    func reachableMatchesFixpointOnRandomGraphs(seed: Int) throws {
        let graph = try TraversalGraphs.random(seed: UInt64(100 + seed), nodes: 12, edges: 14)
        let filters = [TraversalFilter(direction: .out), TraversalFilter(direction: .in), TraversalFilter(direction: .both),
                       TraversalFilter(relations: [.references], direction: .out, kinds: [.event])]
        for filter in filters {
            for node in graph.nodes {
                let reached = try graph.reachable(from: node.id, filter: filter)
                #expect(reached == fixpoint(graph, from: node.id, filter: filter).sorted(), "seed \(seed) \(node.id) \(filter)")
            }
        }
    }

    @Test func startIsLeftOutEvenOnACycle() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:event", "b:event", "c:event"], edges: ["a precedes b", "b precedes a"])
        #expect(try graph.reachable(from: "a") == ["b"])
        #expect(try graph.reachable(from: "c") == [])
    }

    @Test func unknownNamesThrow() throws {
        let graph = try TraversalGraphs.graph(nodes: ["a:event"], edges: [])
        #expect(throws: QueryError.self) { try graph.reachable(from: "b") }
        #expect(throws: QueryError(.unknownKind("evnt", suggestions: ["event"]))) {
            try graph.reachable(from: "a", filter: TraversalFilter(kinds: ["evnt"]))
        }
    }
}
