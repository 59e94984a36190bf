import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph html`: one page from the options of `dot`, a refusal with advice above the size
/// limit, and a clear way out when Graphviz is missing.
@Suite struct HTMLCommandTests {
    static let dotAvailable = GraphvizRunner().isAvailable()
    let seed = ["--graph", Fixtures.root.appendingPathComponent("graph").path]

    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.path)
    }

    @Test(.enabled(if: dotAvailable, "Graphviz's 'dot' is not installed here; install graphviz (CI does)"))
    func writesOnePageOfTheSelectedPart() throws {
        try withFolder { folder in
            let path = folder + "/us.html"
            let output = PolicyGraphTool.run(["html", "-o", path, "--focus", "us-delegation", "--lang", "both", "--title", "US & co"] + seed)
            let html = try String(contentsOfFile: path, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>\n"))
            #expect(html.contains("<title>US &amp; co</title>"))
            let graph = try GraphLoader.load(folder: seed[1]).graph
            let view = try graph.selecting(GraphSelection(focus: "us-delegation"))
            // Success is said on stdout, the way `import` and `export` say what they wrote.
            #expect(output == CommandOutput(stdout: "wrote \(path) (\(view.nodeCount) nodes, \(view.edgeCount) edges)\n"))
            #expect(html.components(separatedBy: " class=\"node\"").count - 1 == view.nodeCount)
            #expect(html.components(separatedBy: " class=\"edge\"").count - 1 == view.edgeCount)
            #expect(html.contains("\"lang\": \"both\""))
        }
    }

    @Test(.enabled(if: dotAvailable, "Graphviz's 'dot' is not installed here; install graphviz (CI does)"))
    func aPartAboveTheLimitIsRefusedWithAdvice() throws {
        let output = PolicyGraphTool.run(["html", "-o", "/nonexistent/x.html", "--max-nodes", "50"] + seed)
        #expect(output.status == 1)
        #expect(output.stderr == """
            error: the map would have 181 nodes, above the limit of 50; draw a part of the graph (the surroundings of one node, or some kinds or relations only), or raise the limit
            hint: narrow it with --focus ID --depth N, --kind K or --relation R, or raise --max-nodes / --max-edges

            """)
        let edges = PolicyGraphTool.run(["html", "-o", "/nonexistent/x.html", "--max-edges", "10", "--focus", "us"] + seed)
        #expect(edges.status == 1 && edges.stderr.contains("edges, above the limit of 10;"))
    }

    @Test func aMissingGraphvizIsReportedWithHowToInstallIt() throws {
        let command = HTMLCommand(runner: GraphvizRunner(searchPath: "/nonexistent-policygraph-test"))
        let parsed = try ParsedArguments.parse(["-o", "x.html"] + seed, spec: command.spec)
        var output = CommandOutput()
        #expect(throws: GraphvizError(.notFound(program: "dot"))) { try command.run(parsed, output: &output) }
    }

    @Test func usageErrors() {
        let missing = PolicyGraphTool.run(["html"] + seed)
        #expect(missing.status == 2 && missing.stderr.hasPrefix("error: html needs -o FILE.html"))
        let limit = PolicyGraphTool.run(["html", "-o", "x.html", "--max-nodes", "0"] + seed)
        #expect(limit.status == 2 && limit.stderr.hasPrefix("error: --max-nodes takes a whole number of at least 1, not '0'"))
    }
}
