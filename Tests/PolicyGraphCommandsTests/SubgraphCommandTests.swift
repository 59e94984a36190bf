import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphCommands

@Suite struct SubgraphCommandTests {
    @Test func textSummarisesNodesAndEdges() throws {
        try TraversalGolden.expect("subgraph.txt", ["subgraph", "wang-yi", "--depth", "2"])
    }

    @Test func jsonHoldsEveryNodeAndEdgeWithAttributes() throws {
        try TraversalGolden.expect("subgraph.json", ["subgraph", "geneva-talks", "--relation", "participatesIn", "--relation", "leads", "--depth", "2", "--format", "json"])
    }

    @Test func outWritesAFolderThatLoadsBackAsTheSelection() throws {
        let folder = try TraversalGolden.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/ego"
        let output = TraversalGolden.run(["subgraph", "china", "--depth", "2", "--direction", "out", "--kind", "delegation", "--kind", "event", "--out", out])
        #expect(output == CommandOutput(stdout: "wrote 3 nodes and 2 edges around china to \(out)\n"))
        let graph = try GraphLoader.load(folder: TraversalGolden.graph).graph
        let expected = try graph.selecting(GraphSelection(focus: "china", depth: 2, direction: .out, kinds: [.delegation, .event]))
        let loaded = try GraphLoader.load(folder: out)
        #expect(loaded.warnings.isEmpty)
        #expect(GraphWriter.nodesCSV(loaded.graph) == GraphWriter.nodesCSV(expected))
        #expect(GraphWriter.edgesCSV(loaded.graph) == GraphWriter.edgesCSV(expected))
        #expect(PolicyGraphTool.run(["validate", "--graph", out]).status == 0)
    }

    @Test func outCopiesTheSchemaSoThatDeclaredKindsStillValidate() throws {
        let folder = try TraversalGolden.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = folder + "/graph"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        try "id,kind,label\nus,country,United States\nnist-aisi,institute,US AI Safety Institute\n".write(toFile: source + "/nodes.csv", atomically: false, encoding: .utf8)
        try "from,relation,to\nus,funds,nist-aisi\n".write(toFile: source + "/edges.csv", atomically: false, encoding: .utf8)
        try #"{"kinds": ["institute"], "relations": {"funds": {"endpoints": [{"from": ["country"], "to": ["institute"]}]}}}"#
            .write(toFile: source + "/schema.json", atomically: false, encoding: .utf8)
        let output = PolicyGraphTool.run(["subgraph", "us", "--graph", source, "--out", folder + "/ego", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout == "{\n  \"folder\": \"\(folder)/ego\",\n  \"nodes\": 2,\n  \"edges\": 1\n}\n")
        let loaded = try GraphLoader.load(folder: folder + "/ego")
        #expect(loaded.graph.edges.map(\.relation) == ["funds"])
    }

    @Test func refusesToOverwriteTheGraphItself() {
        let output = TraversalGolden.run(["subgraph", "wang-yi", "--out", TraversalGolden.graph + "/"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: --out '\(TraversalGolden.graph)/' is the graph folder itself"))
    }

    @Test func unknownCentreFailsWithASuggestion() {
        let output = TraversalGolden.run(["subgraph", "Wang Y"])
        #expect(output == CommandOutput(stderr: "error: unknown node 'Wang Y'; did you mean 'wang-yi'?\n", status: 1))
    }
}
