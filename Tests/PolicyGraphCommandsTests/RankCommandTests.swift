import Testing
@testable import PolicyGraphCommands

@Suite struct RankCommandTests {
    @Test func degreeRankingSharesRanksOnTies() throws {
        try TraversalGolden.expect("rank.txt", ["rank", "--limit", "6"])
    }

    @Test func indegreeOfFrameworksBySupport() throws {
        try TraversalGolden.expect("rank-supports.csv", ["rank", "--by", "indegree", "--relation", "supports", "--kind", "framework", "--format", "csv"])
    }

    @Test func jsonGivesAllThreeCounts() throws {
        try TraversalGolden.expect("rank-outdegree.json", ["rank", "--by", "outdegree", "--limit", "3", "--format", "json"])
    }

    @Test func limitZeroListsEveryNode() {
        let output = TraversalGolden.run(["rank", "--limit", "0", "--format", "csv"])
        #expect(output.stdout.split(separator: "\n").count == 1 + 14)
    }

    @Test func unknownMeasureIsAUsageError() {
        let output = TraversalGolden.run(["rank", "--by", "pagerank"])
        #expect(output == CommandOutput(stderr: "error: --by takes one of degree, indegree, outdegree, not 'pagerank'\nsee 'policygraph rank --help'\n", status: 2))
    }
}
