import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph dot` end to end: the CLI gives the golden DOT, picks the parts it is asked for,
/// and says clearly what is wrong with a command line.
@Suite struct DotCommandTests {
    let small = ["--graph", DotFixtures.path("dot/small")]

    func golden(_ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.path("expected/dot/\(name)"), encoding: .utf8)
    }

    func load() throws -> Graph { try GraphLoader.load(folder: DotFixtures.path("dot/small")).graph }

    @Test func dotPrintsTheGoldenDOT() throws {
        let output = PolicyGraphTool.run(["dot"] + small)
        #expect(output == CommandOutput(stdout: try golden("small.dot")))
    }

    @Test func everyLookOptionReachesTheRenderer() throws {
        let output = PolicyGraphTool.run(["dot", "--cluster", "--legend", "--lang", "both", "--rankdir", "TB", "--wrap", "12",
                                          "--title", #"A "small" graph"#] + small)
        #expect(output == CommandOutput(stdout: try golden("small-cluster-legend-both.dot")))
    }

    @Test func outputGoesToTheFileAndNothingIsPrinted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-dot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("small.dot").path
        #expect(PolicyGraphTool.run(["dot", "-o", path] + small) == CommandOutput())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try golden("small.dot")))
    }

    @Test func focusDepthRelationAndKindPickThePart() throws {
        let graph = try load()
        let output = PolicyGraphTool.run(["dot", "--focus", "Special Envoy", "--depth", "2", "--relation", "memberOf", "--relation", "leads"] + small)
        let part = try graph.selecting(GraphSelection(focus: "envoy", depth: 2, relations: [.memberOf, .leads]))
        #expect(Set(part.nodes.map(\.id)) == ["envoy", "us-state", "us-delegation", "us"])
        #expect(output == CommandOutput(stdout: DOTRenderer().render(part, context: graph)))
        let kinds = PolicyGraphTool.run(["dot", "--kind", "country", "--kind", "framework"] + small)
        #expect(kinds.stdout.components(separatedBy: " [label=").count - 1 == 4 + 4)  // 4 nodes, the 4 stances among them
    }

    @Test func stancesDrawTheStanceMap() throws {
        let graph = try load()
        let output = PolicyGraphTool.run(["dot", "--stances", "us", "--stances", "China", "--cluster"] + small)
        let expected = DOTRenderer(options: DOTOptions(clusters: true)).render(try graph.stanceMap(of: ["us", "china"]), context: graph)
        #expect(output == CommandOutput(stdout: expected))
    }

    @Test func stancesAndFocusCannotBeMixed() {
        let output = PolicyGraphTool.run(["dot", "--stances", "us", "--focus", "envoy"] + small)
        #expect(output == CommandOutput(stderr: "error: --query, --path, --stances and --focus each pick the part to draw; give one of them\nsee 'policygraph dot --help'\n", status: 2))
    }

    @Test func anUnknownFocusIsADataError() {
        let output = PolicyGraphTool.run(["dot", "--focus", "atlantis"] + small)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("error: unknown node 'atlantis'"))
        #expect(output.stdout == "")
    }

    @Test(arguments: [
        (["--rankdir", "XY"], "error: --rankdir takes one of LR, TB, not 'XY'"),
        (["--lang", "fr"], "error: --lang takes one of en, zh, both, not 'fr'"),
        (["--wrap", "0"], "error: --wrap takes a whole number of at least 1, not '0'"),
        (["--legend=yes"], "error: --legend takes no value"),
    ])
    func badOptionsAreUsageErrors(_ arguments: [String], _ message: String) {
        let output = PolicyGraphTool.run(["dot"] + arguments + small)
        #expect(output == CommandOutput(stderr: message + "\nsee 'policygraph dot --help'\n", status: 2))
    }

    @Test func helpListsEveryOption() {
        let help = PolicyGraphTool.run(["dot", "--help"]).stdout
        for option in ["--output FILE", "--focus ID", "--depth N", "--relation R", "--kind K", "--stances ID", "--legend",
                       "--cluster", "--rankdir DIR", "--lang LANG", "--no-edge-labels", "--wrap N", "--title TEXT", "--font NAME"] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(PolicyGraphTool.run(["--help"]).stdout.contains("  dot "))
    }
}

/// The paths of the test inputs, under the name the DOT command tests use.
typealias DotFixtures = Fixtures

@Suite struct DotPathTests {
    let small = Fixtures.path("valid/small")

    @Test func pathIsHighlightedOnItsSurroundings() {
        let out = PolicyGraphTool.run(["dot", "--graph", small, "--path", "seth-center", "nsc", "--depth", "0"])
        #expect(out.status == 0)
        let highlighted = out.stdout.split(separator: "\n").filter { $0.contains("penwidth=\"3\"") }
        // The path seth-center → us-delegation ← tarun-chhabra → nsc: four nodes and three edges.
        #expect(highlighted.count == 7)
        #expect(!out.stdout.contains("\"us\" ["), "depth 0 draws only the path")
        let wider = PolicyGraphTool.run(["dot", "--graph", small, "--path", "seth-center", "nsc", "--depth", "1"])
        #expect(wider.stdout.contains("\"us\" ["), "depth 1 adds the path's neighbours")
        #expect(wider.stdout.split(separator: "\n").filter { $0.contains("penwidth=\"3\"") }.count == 7)
    }

    @Test func pathNeedsTwoNodesAndAnExistingPath() {
        #expect(PolicyGraphTool.run(["dot", "--graph", small, "--path", "seth-center"]).status == 2)
        let none = PolicyGraphTool.run(["dot", "--graph", small, "--path", "seth-center", "us", "--direction", "out"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no path from 'seth-center' to 'us'"))
        #expect(PolicyGraphTool.run(["dot", "--graph", small, "stray"]).status == 2)
    }
}

@Suite struct DotQueryTests {
    let small = Fixtures.path("valid/small")

    @Test func queryDrawsExactlyWhatThePatternBinds() {
        let out = PolicyGraphTool.run(["dot", "--graph", small, "--query", "MATCH (c:country)-[:supports]->(f:framework) RETURN c, f"])
        #expect(out.status == 0)
        let nodes = out.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") && !$0.contains("->") }.map { $0.split(separator: " ")[0] }
        #expect(nodes == ["\"china\"", "\"export-controls\"", "\"gaigi\"", "\"sfc\"", "\"us\""])
        let edges = out.stdout.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edges.count == 4)
        #expect(edges.allSatisfy { $0.contains("label=\"supports\"") })
    }

    @Test func badPatternIsAQueryError() {
        let out = PolicyGraphTool.run(["dot", "--graph", small, "--query", "MATCH (c:contry) RETURN c"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("did you mean 'country'?"))
    }
}
