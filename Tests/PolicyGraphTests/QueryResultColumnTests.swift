import Testing
import PolicyGraph

/// A query's rows read by the RETURN items' names.
struct QueryResultColumnTests {
    @Test func cellsAreFoundByTheirColumnName() throws {
        let graph = try #require(PatternExpressionTests.graph)
        let result = try graph.query("RETURN 1 + 1 AS two, 'x' AS letter")
        #expect(result[row: 0, "letter"] == .string("x"))
        #expect(result[row: 0, "two"] == .int(2))
        #expect(result[row: 0, "three"] == nil)
        #expect(result.values(of: "two") == [.int(2)])
        #expect(result.values(of: "missing") == nil)
    }
}
