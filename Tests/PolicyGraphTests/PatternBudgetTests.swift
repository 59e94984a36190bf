import Testing
@testable import PolicyGraph

/// The work budget: a pattern whose matches explode stops with an error after `maxSteps` steps
/// (nodes and edges tried), and a query within the budget answers as it does without one.
struct PatternBudgetTests {
    static let graph: Graph? = try? GraphLoader.load(folder: Fixtures.path("patterns")).graph
    static let tight = QueryLimits(maxSteps: 10_000)

    @Test(arguments: [
        "MATCH (a)-[*]-(b) RETURN count(*)",
        "MATCH (a)-[*1..6]-(b) RETURN count(*)",
        "MATCH (a),(b),(c),(d) RETURN count(*)",
        "MATCH (a)-[*]-(b) RETURN a, b",
    ])
    func anExplodingPatternStopsWithTheWorkLimitError(_ query: String) throws {
        let graph = try #require(Self.graph)
        let error = try #require(throws: QueryError.self) { try graph.query(query, limits: Self.tight) }
        #expect(error.reason == .workLimit(steps: 10_000))
        let subgraphError = try #require(throws: QueryError.self) { try graph.patternSubgraph(query, limits: Self.tight) }
        #expect(subgraphError.reason == .workLimit(steps: 10_000))
    }

    @Test func theErrorSaysHowToNarrowThePatternOrRaiseTheLimitWithoutNamingAnOption() throws {
        let graph = try #require(Self.graph)
        let error = try #require(throws: QueryError.self) { try graph.query("MATCH (a),(b),(c),(d) RETURN count(*)", limits: Self.tight) }
        #expect(error.description == "error: query stopped after 10,000 steps of matching; narrow the pattern (a kind, a relation, "
            + "an upper bound on *) or raise the limit")
        #expect(QueryError(.workLimit(steps: 100_000_000)).message.hasPrefix("query stopped after 100,000,000 steps"))
    }

    /// `(a),(b)` tries each node for `a`, then each node for `b` under each `a`: n + n² steps.
    @Test func eachNodeTriedIsOneStep() throws {
        let graph = try #require(Self.graph)
        let n = graph.nodeCount
        let query = "MATCH (a),(b) RETURN count(*)"
        #expect(try graph.query(query, limits: QueryLimits(maxSteps: n + n * n)).rows == [[.int(n * n)]])
        #expect(throws: QueryError(.workLimit(steps: n + n * n - 1))) {
            try graph.query(query, limits: QueryLimits(maxSteps: n + n * n - 1))
        }
    }

    @Test(arguments: [
        "MATCH (a),(b),(c) RETURN count(*)",
        "MATCH (a)-[*1..3]-(b) RETURN count(*)",
        "MATCH (a:country)-[:supports]->(f)<-[:opposes]-(b) RETURN f, count(*)",
        "MATCH (x)-[:memberOf*]->(c:country) RETURN c, count(DISTINCT x)",
    ])
    func aQueryWithinTheBudgetAnswersAsWithoutOne(_ query: String) throws {
        let graph = try #require(Self.graph)
        let unlimited = try graph.query(query, limits: .unlimited)
        #expect(try graph.query(query) == unlimited)
        #expect(try graph.query(query, limits: QueryLimits(maxSteps: 1_000_000)) == unlimited)
        #expect(try graph.patternSubgraph(query, limits: QueryLimits(maxSteps: 1_000_000)).edges == graph.patternSubgraph(query, limits: .unlimited).edges)
    }

    /// Counted leaves cost one step per core match, not one per match they stand for; a table
    /// of counts costs the nodes and edges it reads once.
    @Test func countedLeavesDoNotSpendTheBudgetPerMatch() throws {
        let graph = try #require(Self.graph)
        let n = graph.nodeCount, m = graph.edgeCount
        // Every node pair, times the edges at `b` found by counting: far more matches than steps.
        let query = "MATCH (a),(b)-[r]-(c) RETURN count(*)"
        let unlimited = try graph.query(query, limits: .unlimited)
        let table = n + 2 * m
        #expect(try graph.query(query, limits: QueryLimits(maxSteps: n + n * n + table)) == unlimited)
        let reference = n * graph.edges.reduce(0) { total, edge in total + (edge.from == edge.to ? 1 : 2) }
        #expect(unlimited.rows == [[.int(reference)]])
    }
}
