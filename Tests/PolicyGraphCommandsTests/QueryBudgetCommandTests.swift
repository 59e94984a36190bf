import Testing
@testable import PolicyGraphCommands

/// `--max-steps`: an exploding pattern is a query error (exit 1), 0 lifts the limit, and a value
/// that is not a whole number of at least 0 is a usage error (exit 2).
struct QueryBudgetCommandTests {
    let graph = ["--graph", QueryCommandTests.fixture]

    @Test(arguments: ["MATCH (a)-[*]-(b) RETURN count(*)", "MATCH (a)-[*1..6]-(b) RETURN count(*)", "MATCH (a),(b),(c),(d) RETURN count(*)"])
    func anExplodingQueryStopsWithExitStatus1(_ query: String) {
        let output = PolicyGraphTool.run(["query", query, "--max-steps", "5000"] + graph)
        #expect(output == CommandOutput(stderr: "error: query stopped after 5,000 steps of matching; narrow the pattern (a kind, a relation, "
            + "an upper bound on *) or raise the limit (--max-steps N, 0 for none)\n", status: 1))
    }

    @Test func dotQueryTakesTheLimitToo() {
        let output = PolicyGraphTool.run(["dot", "--query", "MATCH (a)-[*]-(b) RETURN a", "--max-steps", "5000"] + graph)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("error: query stopped after 5,000 steps of matching"))
    }

    @Test func zeroMeansNoLimitAndAQueryUnderTheLimitAnswersAsBefore() {
        let query = "MATCH (a),(b),(c) RETURN count(*)"
        let unlimited = PolicyGraphTool.run(["query", query, "--max-steps", "0", "--format", "csv"] + graph)
        let byDefault = PolicyGraphTool.run(["query", query, "--format", "csv"] + graph)
        #expect(unlimited.status == 0)
        #expect(unlimited == byDefault)
        let nodes = PolicyGraphTool.run(["query", "MATCH (n) RETURN count(*)", "--format", "csv"] + graph).stdout
        let n = Int(nodes.split(separator: "\n").last.map(String.init) ?? "") ?? -1
        #expect(unlimited.stdout == "count(*)\n\(n * n * n)\n")
        // (a),(b),(c) tries n + n² + n³ nodes: one step fewer is too few.
        let tight = PolicyGraphTool.run(["query", query, "--max-steps", "\(n + n * n + n * n * n)", "--format", "csv"] + graph)
        #expect(tight == byDefault)
        #expect(PolicyGraphTool.run(["query", query, "--max-steps", "\(n + n * n + n * n * n - 1)"] + graph).status == 1)
    }

    @Test(arguments: ["-1", "abc", "1.5", ""])
    func aBadLimitIsAUsageError(_ value: String) {
        let output = PolicyGraphTool.run(["query", "MATCH (n) RETURN n", "--max-steps", value] + graph)
        #expect(output == CommandOutput(stderr: "error: --max-steps takes a whole number of at least 0, not '\(value)'\nsee 'policygraph query --help'\n", status: 2))
        #expect(PolicyGraphTool.run(["dot", "--query", "MATCH (n) RETURN n", "--max-steps", value] + graph).status == 2)
    }
}
