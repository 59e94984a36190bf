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
