import Testing
@testable import PolicyGraph

/// Inputs at the edges of what is sensible end in an answer or an error, never in a crash.
struct PatternLimitsTests {
    @Test func anUnboundedPathFollowsALongChainWithoutExhaustingTheStack() throws {
        var nodes = "id,kind,label\n"
        var edges = "from,relation,to\n"
        let n = 20_000
        for i in 0..<n { nodes += "e\(i),event,e\(i)\n" }
        for i in 1..<n { edges += "e\(i - 1),precedes,e\(i)\n" }
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        #expect(try graph.query("MATCH ({id: 'e0'})-[:precedes*..50]->(b) RETURN count(*)").rows == [[.int(50)]])
        #expect(try graph.query("MATCH ({id: 'e0'})-[:precedes*]->(b) RETURN count(*)").rows == [[.int(n - 1)]])
        #expect(try graph.query("MATCH (a {id: 'e0'})-[r:precedes*]-(b {id: 'e19999'}) RETURN size(r)").rows == [[.int(n - 1)]])
    }

    @Test func hugeSkipAndLimitAreFine() throws {
        let graph = try #require(try? GraphLoader.load(folder: Fixtures.path("patterns")).graph)
        #expect(try graph.query("MATCH (c:country) RETURN c SKIP 1 LIMIT 9223372036854775807").cells == [["switzerland"], ["us"]])
        #expect(try graph.query("MATCH (c:country) RETURN c SKIP 9223372036854775807").rows == [])
        #expect(try graph.query("MATCH (c:country) RETURN c LIMIT 0").rows == [])
    }
}
