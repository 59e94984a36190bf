import Testing
@testable import PolicyGraph

@Suite struct NodeMapTests {
    /// Random inserts and lookups against a Dictionary: in a graph big enough that the map stays
    /// a hash table (and grows several times), in one where it turns dense half-way (past 1/64 of
    /// the nodes), and in one small enough to be dense from the start.
    @Test(arguments: [(nodeCount: 1_000_000, inserts: 12_000), (nodeCount: 1_000_000, inserts: 40_000),
                      (nodeCount: 2_000, inserts: 3_000)])
    func behavesLikeADictionary(nodeCount: Int, inserts: Int) {
        var random = TraversalGraphs.Random(seed: UInt64(nodeCount))
        var map = NodeMap(nodeCount: nodeCount)
        var reference: [Int32: Int32] = [:]
        for _ in 0..<inserts {
            let node = Int32.random(in: 0..<Int32(nodeCount), using: &random)
            let value = Int32.random(in: 0..<1000, using: &random)
            let isNew = reference[node] == nil
            let inserted = map.insert(node, value)
            #expect(inserted == isNew)
            if isNew { reference[node] = value }
            let probe = Int32.random(in: 0..<Int32(nodeCount), using: &random)
            #expect(map[probe] == reference[probe])
        }
        #expect(map.count == reference.count)
        for (node, value) in reference { #expect(map[node] == value) }
    }

    @Test func keepsTheFirstValue() {
        var map = NodeMap(nodeCount: 100)
        let first = map.insert(7, 3)
        let second = map.insert(7, 5)
        #expect(first && !second)
        #expect(map[7] == 3)
        #expect(map[8] == nil)
        #expect(map.contains(7) && !map.contains(0))
    }
}

@Suite struct SearchScratchTests {
    @Test func aRecycledArrayComesBackEmpty() {
        let scratch = SearchScratch(nodeCount: 50)
        var first = NodeMap(borrowingFrom: scratch)
        for node in stride(from: Int32(0), to: 50, by: 3) { first.insert(node, node * 2) }
        #expect(first.count == 17 && first[9] == 18)
        first.recycle(into: scratch)
        #expect(first.count == 0 && first[9] == nil)
        // The same array, lent again: nothing of the first search shows.
        var second = NodeMap(borrowingFrom: scratch)
        #expect((0..<50).allSatisfy { second[Int32($0)] == nil })
        #expect(second.insert(9, 1) && second[9] == 1 && second.count == 1)
        second.recycle(into: scratch)
    }

    @Test func searchesOnOneGraphAnswerAsOnAFreshCopy() throws {
        // Every search borrows the arrays the previous one gave back.
        let graph = try TraversalGraphs.random(seed: 11, nodes: 60, edges: 150)
        let ids = graph.nodes.map(\.id)
        for from in ids.prefix(12) {
            for to in ids.suffix(12) {
                let fresh = try TraversalGraphs.random(seed: 11, nodes: 60, edges: 150)
                #expect(try graph.shortestPath(from: from, to: to) == fresh.shortestPath(from: from, to: to))
                #expect(try graph.allShortestPaths(from: from, to: to) == fresh.allShortestPaths(from: from, to: to))
            }
        }
    }
}

@Suite struct AdjacencyEndsTests {
    @Test func eachMemberCarriesTheNodeAtTheOtherEndOfItsEdgeAndItsRelation() throws {
        let graph = try TraversalGraphs.random(seed: 5, nodes: 40, edges: 120)
        let out = graph.outgoing, into = graph.incoming
        #expect(out.ends.count == graph.edgeCount && into.ends.count == graph.edgeCount)
        #expect(out.relations.count == graph.edgeCount && into.relations.count == graph.edgeCount)
        for node in 0..<graph.nodeCount {
            for k in out.range(node) {
                #expect(graph.edgeTable.from[Int(out.items[k])] == Int32(node))
                #expect(out.ends[k] == graph.edgeTable.to[Int(out.items[k])])
                #expect(out.relations[k] == graph.edgeTable.relations[Int(out.items[k])])
            }
            for k in into.range(node) {
                #expect(graph.edgeTable.to[Int(into.items[k])] == Int32(node))
                #expect(into.ends[k] == graph.edgeTable.from[Int(into.items[k])])
                #expect(into.relations[k] == graph.edgeTable.relations[Int(into.items[k])])
            }
        }
        #expect(graph.byKind.ends.isEmpty && graph.byRelation.ends.isEmpty)
        #expect(graph.byKind.relations.isEmpty && graph.byRelation.relations.isEmpty)
    }

    /// A relation's run at a node, found by reading every slot (small nodes) or by a binary
    /// search (hubs), holds exactly the node's edges of that relation.
    @Test func aRelationsRunHoldsExactlyItsEdgesAtSmallNodesAndHubs() throws {
        let graph = try TraversalGraphs.random(seed: 9, nodes: 6, edges: 900)
        #expect((0..<graph.nodeCount).contains { graph.outgoing.range($0).count > AdjacencyRuns.scannedDegree })
        let small = try TraversalGraphs.random(seed: 9, nodes: 60, edges: 90)
        for g in [graph, small] {
            for index in [g.outgoing, g.incoming] {
                AdjacencyRuns.with(index) { runs in
                    for node in 0..<Int32(g.nodeCount) {
                        for relation in g.schema.relations.indices {
                            let expected = runs.slots(of: node).filter { runs.relations[$0] == UInt16(relation) }
                            #expect(Array(runs.run(of: node, relation: relation)) == expected)
                        }
                    }
                }
            }
        }
    }
}
