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

    /// Parsing, compiling and evaluating recurse once per level of an expression: without a cap a
    /// few hundred brackets, NOTs or `+` terms overflowed the stack (a crash, not an error).
    @Test func deeplyNestedExpressionsFailWithAnErrorInsteadOfOverflowingTheStack() throws {
        let graph = try #require(try? GraphLoader.load(folder: Fixtures.path("patterns")).graph)
        let tooDeep = [
            "MATCH (c:country) WHERE " + String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000) + " RETURN c",
            "MATCH (c:country) WHERE " + String(repeating: "NOT ", count: 5_000) + "true RETURN c",
            "MATCH (c:country) RETURN " + Array(repeating: "1", count: 5_000).joined(separator: " + "),
            "MATCH (c:country) RETURN " + String(repeating: "toUpper(", count: 5_000) + "c.id" + String(repeating: ")", count: 5_000),
            "MATCH (c:country) RETURN " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
            "MATCH (c:country) RETURN " + String(repeating: "-", count: 5_000) + "c.id",
        ]
        for query in tooDeep {
            #expect(throws: QueryError.self) { try graph.query(query) }
        }
        let error = try #require(throws: QueryError.self) { try graph.query(tooDeep[0]) }
        #expect(error.message == "the expression is nested too deeply: at most 64 levels of brackets, lists and calls")
        // Within the caps the same shapes answer, and signs on a number fold at once.
        let nested = String(repeating: "(", count: 60) + "true" + String(repeating: ")", count: 60)
        #expect(try graph.query("MATCH (c:country) WHERE \(nested) RETURN c").cells == [["china"], ["switzerland"], ["us"]])
        let sum = Array(repeating: "1", count: 200).joined(separator: " + ")
        #expect(try graph.query("MATCH (c:country {id: 'us'}) RETURN \(sum) AS s").rows == [[.int(200)]])
        let signs = String(repeating: "-", count: 100_001)
        #expect(try graph.query("MATCH (c:country {id: 'us'}) RETURN \(signs)7 AS n").rows == [[.int(-7)]])
    }

    @Test func hugeSkipAndLimitAreFine() throws {
        let graph = try #require(try? GraphLoader.load(folder: Fixtures.path("patterns")).graph)
        // Without ORDER BY, SKIP passes over the first row found; the rest come in the columns' order.
        let all = try graph.query("MATCH (c:country) RETURN c LIMIT 3").cells
        let rest = try graph.query("MATCH (c:country) RETURN c SKIP 1 LIMIT 9223372036854775807").cells
        #expect(rest.count == 2 && Set(rest).isSubset(of: Set(all)) && rest == rest.sorted { $0[0] < $1[0] })
        #expect(try graph.query("MATCH (c:country) RETURN c ORDER BY c SKIP 1 LIMIT 9223372036854775807").cells == [["switzerland"], ["us"]])
        #expect(try graph.query("MATCH (c:country) RETURN c SKIP 9223372036854775807").rows == [])
        #expect(try graph.query("MATCH (c:country) RETURN c LIMIT 0").rows == [])
    }
}
