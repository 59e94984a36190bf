import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph views`: the committed views of the seed graph are current, and the command
/// writes, checks and reports as it says.
@Suite struct DotViewsTests {
    static let dotAvailable = GraphvizRunner().isAvailable()

    /// Fails when `graph/views/*.dot` no longer match the graph, an SVG was not drawn from its
    /// DOT, or a map (`.html`) is not the page made again now. SVG bytes are not compared: they
    /// change with the Graphviz version and the installed fonts; the SVG carries the fingerprint
    /// of the DOT it was drawn from instead. The map is compared byte for byte (with Graphviz).
    @Test func theCommittedViewsOfTheSeedGraphAreCurrent() {
        let output = PolicyGraphTool.run(["views", "--graph", DotFixtures.seedGraph, "--check"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)redraw with: swift run policygraph views --graph graph")
        #expect(output.stdout.contains(Self.dotAvailable ? "overview.dot: up to date (and overview.svg, overview.html)" : "overview.dot: up to date"))
    }

    /// A graph folder in a temporary place with `views/views.txt`.
    func withGraph(views: String, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-views-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("views"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["nodes.csv", "edges.csv"] {
            try FileManager.default.copyItem(atPath: DotFixtures.path("dot/small/\(file)"), toPath: folder.appendingPathComponent(file).path)
        }
        try views.write(to: folder.appendingPathComponent("views/views.txt"), atomically: false, encoding: .utf8)
        try body(folder.path)
    }

    @Test(.enabled(if: dotAvailable, "Graphviz's 'dot' is not installed here; install graphviz (CI does)"))
    func viewsAreWrittenCheckedAndFoundStale() throws {
        try withGraph(views: "all: --cluster\nus: --focus us --depth 1 --lang both\n") { graph in
            let written = PolicyGraphTool.run(["views", "--graph", graph])
            #expect(written.status == 0 && written.stderr == "")
            #expect(written.stdout == ["all.dot", "all.svg", "all.html", "us.dot", "us.svg", "us.html"].map { "wrote \(graph)/views/\($0)\n" }.joined())
            let dot = try String(contentsOfFile: graph + "/views/all.dot", encoding: .utf8)
            let fullGraph = try GraphLoader.load(folder: graph).graph
            #expect(dot == DOTRenderer(options: DOTOptions(clusters: true)).render(fullGraph))
            #expect(ViewManifest.svg(try String(contentsOfFile: graph + "/views/all.svg", encoding: .utf8), isDrawnFrom: dot))
            #expect(PolicyGraphTool.run(["views", "--graph", graph, "--check"]) == CommandOutput(stdout: """
                \(graph)/views/all.dot: up to date (and all.svg, all.html)
                \(graph)/views/us.dot: up to date (and us.svg, us.html)

                """, status: 0))
            // A map that is not the one the graph gives now, byte for byte, is stale; its DOT and SVG are not.
            let map = graph + "/views/us.html"
            let page = try String(contentsOfFile: map, encoding: .utf8)
            try page.replacingOccurrences(of: "United States", with: "USA").write(toFile: map, atomically: false, encoding: .utf8)
            #expect(PolicyGraphTool.run(["views", "--graph", graph, "--check"]) == CommandOutput(stdout: """
                \(graph)/views/all.dot: up to date (and all.svg, all.html)
                \(map): stale: not the map the graph gives now
                1 stale view; redraw with 'policygraph views --graph \(graph)'

                """, status: 1))
            try FileManager.default.removeItem(atPath: map)
            #expect(PolicyGraphTool.run(["views", "--graph", graph, "--check"]).stdout.contains("\(map): stale: not the map the graph gives now\n"))
            try page.write(toFile: map, atomically: false, encoding: .utf8)
            #expect(PolicyGraphTool.run(["views", "--graph", graph, "--check"]).status == 0)

            let nodes = graph + "/nodes.csv"
            let edited = try String(contentsOfFile: nodes, encoding: .utf8).replacingOccurrences(of: "United States", with: "USA")
            try edited.write(toFile: nodes, atomically: false, encoding: .utf8)
            let stale = PolicyGraphTool.run(["views", "--graph", graph, "--check"])
            #expect(stale == CommandOutput(stdout: """
                \(graph)/views/all.dot: stale: the graph now draws it differently
                \(graph)/views/us.dot: stale: the graph now draws it differently
                2 stale views; redraw with 'policygraph views --graph \(graph)'

                """, status: 1))
            #expect(PolicyGraphTool.run(["views", "--graph", graph]).status == 0)
            try "<svg></svg>".write(toFile: graph + "/views/us.svg", atomically: false, encoding: .utf8)
            let staleSVG = PolicyGraphTool.run(["views", "--graph", graph, "--check"])
            #expect(staleSVG.status == 1 && staleSVG.stdout.contains("\(graph)/views/us.svg: stale: not drawn from us.dot\n"))
        }
    }

    @Test func withoutGraphvizOnlyTheDOTIsWrittenOnRequest() throws {
        try withGraph(views: "all: --legend\n") { graph in
            let command = ViewsCommand(runner: GraphvizRunner(searchPath: "/nonexistent-policygraph-test"))
            var output = CommandOutput()
            #expect(throws: GraphvizError(.notFound(program: "dot"))) {
                try command.run(try ParsedArguments.parse(["--graph", graph], spec: command.spec), output: &output)
            }
            try command.run(try ParsedArguments.parse(["--graph", graph, "--no-svg"], spec: command.spec), output: &output)
            #expect(output.stdout == "wrote \(graph)/views/all.dot\n")
            #expect(PolicyGraphTool.run(["views", "--graph", graph, "--check", "--no-svg"]).status == 0)
        }
    }

    @Test(arguments: [
        ("a: --legend\nb: -o b.dot\n", "views.txt:2: error: view 'b': --output has no place in a view (the files and the graph are the list's)"),
        ("a: --focus atlantis\n", "views.txt:1: error: view 'a': unknown node 'atlantis'; no id or label is close"),
        ("a: --rankdir XY\n", "views.txt:1: error: view 'a': --rankdir takes one of LR, TB, not 'XY'"),
        ("a: --legend extra\n", "views.txt:1: error: view 'a': unexpected argument 'extra'"),
    ])
    func aBadViewSaysWhichLineAndWhy(_ views: String, _ message: String) throws {
        try withGraph(views: views) { graph in
            let output = PolicyGraphTool.run(["views", "--graph", graph, "--no-svg"])
            #expect(output == CommandOutput(stderr: "\(graph)/views/\(message)\n", status: 1))
        }
    }

    @Test func aGraphWithoutAListOfViewsSaysHowToStartOne() {
        let output = PolicyGraphTool.run(["views", "--graph", DotFixtures.path("dot/small")])
        #expect(output == CommandOutput(stderr: "\(DotFixtures.path("dot/small"))/views/views.txt: error: no list of views; create it with lines 'name: options of policygraph dot'\n", status: 1))
    }
}
