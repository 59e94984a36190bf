import Testing
@testable import PolicyGraphCommands

@Suite struct ReachCommandTests {
    @Test func listsEverythingDownstreamByID() throws {
        try TraversalGolden.expect("reach.txt", ["reach", "wang-yi"])
    }

    @Test func directionInAndKindListWhoReachesANode() throws {
        try TraversalGolden.expect("reach-in.csv", ["reach", "ai-safety", "--direction", "in", "--kind", "country,official", "--format", "csv"])
        try TraversalGolden.expect("reach-in.json", ["reach", "ai-safety", "--direction", "in", "--kind", "country", "--format", "json"])
    }

    @Test func isolatedNodeReachesNothing() {
        #expect(TraversalGolden.run(["reach", "openai"]) == CommandOutput(stdout: "0 nodes reachable from openai\n"))
    }

    @Test func unknownKindIsAQueryErrorAndBadDirectionAUsageError() {
        #expect(TraversalGolden.run(["reach", "us", "--kind", "contry"]) == CommandOutput(stderr: "error: unknown kind 'contry'; did you mean 'country'?\n", status: 1))
        #expect(TraversalGolden.run(["reach", "us", "--direction", "up"]).status == 2)
    }
}
