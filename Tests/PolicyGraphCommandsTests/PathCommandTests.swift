import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphCommands

@Suite struct PathCommandTests {
    @Test func showsEachStepWithRelationCiteAndDate() throws {
        try TraversalGolden.expect("path.txt", ["path", "Wang Yi", "geneva"])
    }

    @Test func allListsParallelEdgesAsPathsAndWalksEdgesBackwardsWhenUndirected() throws {
        try TraversalGolden.expect("path-all-undirected.txt", ["path", "王毅", "sullivan", "--undirected", "--all"])
    }

    @Test func limitCutsTheListAndSaysHowManyThereAre() throws {
        try TraversalGolden.expect("path-limit.txt", ["path", "us", "china", "--undirected", "--all", "--limit", "3"])
    }

    @Test func jsonHasExactlyNodesAndEdgesOfEachPath() throws {
        try TraversalGolden.expect("path-all.json", ["path", "wang-yi", "geneva", "--all", "--format", "json"])
        let output = TraversalGolden.run(["path", "wang-yi", "geneva", "--all", "--format", "json"])
        let json = try JSONParser.parse(Array(output.stdout.utf8))
        #expect(json.objectValue?.map(\.key) == ["paths"])
        for path in json["paths"]?.arrayValue ?? [] {
            #expect(path.objectValue?.map(\.key) == ["nodes", "edges"])
            for edge in path["edges"]?.arrayValue ?? [] { #expect(edge.objectValue?.map(\.key) == ["from", "relation", "to"]) }
        }
    }

    @Test func truncatedJSONNotesItOnStderr() {
        let output = TraversalGolden.run(["path", "us", "china", "--undirected", "--all", "--limit", "1", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stderr == "note: showing the first 1 of 4 (raise --limit to see more)\n")
    }

    @Test func noPathIsNotAnError() {
        let text = TraversalGolden.run(["path", "wang-yi", "sullivan"])
        #expect(text == CommandOutput(stdout: "no path from wang-yi to sullivan following edges in their direction (try --undirected)\n"))
        let filtered = TraversalGolden.run(["path", "wang-yi", "sullivan", "--undirected", "--relation", "leads,memberOf"])
        #expect(filtered == CommandOutput(stdout: "no path from wang-yi to sullivan using only leads, memberOf edges\n"))
        let json = TraversalGolden.run(["path", "eu", "us", "--undirected", "--all", "--format", "json"])
        #expect(json == CommandOutput(stdout: "{\n  \"paths\": []\n}\n"))
    }

    @Test func unknownNodeFailsWithASuggestion() {
        let output = TraversalGolden.run(["path", "wang-yl", "geneva"])
        #expect(output == CommandOutput(stderr: "error: unknown node 'wang-yl'; did you mean 'wang-yi'?\n", status: 1))
        let relation = TraversalGolden.run(["path", "wang-yi", "geneva", "--relation", "lead"])
        #expect(relation == CommandOutput(stderr: "error: unknown relation 'lead'; did you mean 'leads'?\n", status: 1))
    }

    @Test(arguments: [
        (["path", "wang-yi"], "error: missing argument TO"),
        (["path", "wang-yi", "geneva", "--relations", "leads"], "error: unknown option '--relations'; did you mean '--relation'?"),
        (["path", "wang-yi", "geneva", "--limit", "3"], "error: --limit needs --all"),
        (["path", "wang-yi", "geneva", "--all", "--limit", "0"], "error: --limit takes a whole number of at least 1, not '0'"),
        (["path", "wang-yi", "geneva", "--format", "csv"], "error: --format takes one of text, json, not 'csv'"),
    ])
    func badCommandLineIsAUsageError(arguments: [String], message: String) {
        let output = TraversalGolden.run(arguments)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(output.stderr == message + "\nsee 'policygraph path --help'\n")
    }
}
