import Foundation
@testable import PolicyGraph
import Testing
import TestSupport

/// The DOT text: golden files for a small and an adversarial graph, determinism, and what each
/// option adds. (Regenerate a golden with the `policygraph dot` line in its test, then review
/// the diff: the Graphviz tests check what the text means.)
@Suite struct DOTRendererTests {
    static func load(_ folder: String) throws -> Graph {
        try GraphLoader.load(folder: Fixtures.path(folder)).graph
    }

    static func golden(_ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.path("expected/dot/\(name)"), encoding: .utf8)
    }

    /// The golden DOT `name`, rewritten from `actual` first under `UPDATE_GOLDEN=1`.
    static func golden(_ name: String, for actual: String) throws -> String {
        try Golden.expected(at: Fixtures.path("expected/dot/\(name)"), actual: actual)
    }

    /// `policygraph dot --graph Fixtures/dot/small`
    @Test func smallGraphMatchesItsGolden() throws {
        let dot = DOTRenderer().render(try Self.load("dot/small"))
        #expect(dot == (try Self.golden("small.dot", for: dot)))
    }

    /// `policygraph dot --graph Fixtures/dot/small --cluster --legend --lang both --rankdir TB --wrap 12 --title 'A "small" graph'`
    @Test func smallGraphWithEveryOptionMatchesItsGolden() throws {
        let options = DOTOptions(language: .both, rankDirection: .topToBottom, legend: true, clusters: true,
                                 title: #"A "small" graph"#, wrapWidth: 12)
        let dot = DOTRenderer(options: options).render(try Self.load("dot/small"))
        #expect(dot == (try Self.golden("small-cluster-legend-both.dot", for: dot)))
    }

    /// `policygraph dot --graph Fixtures/dot/adversarial --cluster --legend`
    @Test func adversarialGraphMatchesItsGolden() throws {
        let dot = DOTRenderer(options: DOTOptions(legend: true, clusters: true)).render(try Self.load("dot/adversarial"))
        #expect(dot == (try Self.golden("adversarial.dot", for: dot)))
    }

    /// `policygraph dot --graph Fixtures/dot/adversarial --lang both --no-edge-labels --wrap 16`
    @Test func adversarialGraphInBothLanguagesMatchesItsGolden() throws {
        let options = DOTOptions(language: .both, edgeLabels: false, wrapWidth: 16)
        let dot = DOTRenderer(options: options).render(try Self.load("dot/adversarial"))
        #expect(dot == (try Self.golden("adversarial-both-wrapped.dot", for: dot)))
    }

    @Test func theOrderOfRowsDoesNotChangeTheDOT() throws {
        let folder = Fixtures.path("dot/adversarial")
        let nodes = try String(contentsOfFile: folder + "/nodes.csv", encoding: .utf8)
        let edges = try String(contentsOfFile: folder + "/edges.csv", encoding: .utf8)
        let schema = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/schema.json")))
        let original = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: schema).graph
        var random = DOTRandom(seed: 3)
        func shuffledRows(of graph: Graph) throws -> Graph {
            let nodeRows = graph.nodes.shuffled(using: &random).map { n in
                [n.id.rawValue, n.kind.rawValue, n.label, n.chineseLabel ?? "", n.attributes["description"] ?? ""]
            }
            let edgeRows = graph.edges.shuffled(using: &random).map { e in
                [e.from.rawValue, e.relation.rawValue, e.to.rawValue, e.date ?? "", e.cite ?? ""]
            }
            let nodesCSV = CSVWriter.document(header: ["id", "kind", "label", "label_zh", "description"], rows: nodeRows)
            let edgesCSV = CSVWriter.document(header: ["from", "relation", "to", "date", "cite"], rows: edgeRows)
            return try GraphLoader.load(nodes: Array(nodesCSV.utf8), edges: Array(edgesCSV.utf8), schema: schema).graph
        }
        let renderer = DOTRenderer(options: DOTOptions(legend: true, clusters: true))
        let expected = renderer.render(original)
        for _ in 0..<5 { #expect(renderer.render(try shuffledRows(of: original)) == expected) }
    }

    @Test func eachNodeIsNamedByItsQuotedId() throws {
        let graph = try Self.load("dot/adversarial")
        // An id with a line break spans lines, so the statements are found in the whole text.
        let dot = DOTRenderer().render(graph)
        for node in graph.nodes {
            let statements = dot.components(separatedBy: "\n  " + DOT.quoteID(node.id.rawValue) + " [label=").count - 1
            #expect(statements == 1, "node \(node.id)")
        }
    }

    @Test func edgeLabelsCanBeLeftOutButTooltipsStay() throws {
        let dot = DOTRenderer(options: DOTOptions(edgeLabels: false)).render(try Self.load("dot/small"))
        let edgeLines = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edgeLines.count == 15)
        #expect(edgeLines.allSatisfy { !$0.contains("[label=") && $0.contains("tooltip=") })
    }

    @Test func edgeTooltipsCarryDateAndCite() throws {
        let dot = DOTRenderer().render(try Self.load("dot/small"))
        #expect(dot.contains(#""us" -> "consensus" [label="supports", tooltip="us supports consensus\ndate: 2024-05-14\ncite: §01 ¶2: reaffirmed \"San Francisco\"""#))
    }

    @Test func labelsFollowTheLanguage() throws {
        let graph = try Self.load("dot/small")
        func label(_ id: NodeID, _ language: DOTLanguage) -> String? {
            graph.node(id).map { DOTRenderer(options: DOTOptions(language: language)).displayLabel(of: $0) }
        }
        #expect(label("us", .english) == "United States")
        #expect(label("us", .chinese) == "美国")
        #expect(label("us", .both) == "United States\n美国")
        #expect(label("export-controls", .chinese) == "Export controls")  // no label_zh: falls back
        #expect(label("export-controls", .both) == "Export controls")
        #expect(DOTOptions(language: .chinese).fontName == "Noto Sans CJK SC")
        #expect(DOTOptions().fontName == "Helvetica")
    }

    @Test func anEmptyLabelShowsTheId() throws {
        let graph = try Self.load("dot/adversarial")
        let node = try #require(graph.node("empty-label"))
        #expect(DOTRenderer().displayLabel(of: node) == "empty-label")
    }

    @Test func aHighlightDrawsThePathInFrontAndDimsTheRest() throws {
        let graph = try Self.load("dot/small")
        let path = graph.edges.filter { ($0.from, $0.to) == ("envoy", "us-delegation") || ($0.from, $0.to) == ("us-delegation", "geneva") }
        let options = DOTOptions(highlight: DOTHighlight(nodes: ["envoy", "us-delegation", "geneva"], edges: path))
        let lines = DOTRenderer(options: options).render(graph).split(separator: "\n")
        func line(_ prefix: String) -> Substring? { lines.first { $0.hasPrefix("  " + prefix) } }
        #expect(line(#""envoy" [label"#)?.hasSuffix(##"color="#d62728", penwidth="3"];"##) == true)
        #expect(line(#""analyst" [label"#)?.contains(##"fillcolor="#fff9c466", color="#bdbdbd", fontcolor="#9e9e9e""##) == true)
        #expect(line(#""envoy" -> "us-delegation""#)?.contains(##"color="#37474f", fontcolor="#37474f", style="bold", arrowhead="normal", penwidth="3""##) == true)
        #expect(line(#""us" -> "consensus""#)?.contains(##"color="#bdbdbd""##) == true)
    }

    @Test func legendIdsNeverClashWithNodeIds() throws {
        let graph = try Self.load("dot/adversarial")  // has a node "legend:kind:country"
        let dot = DOTRenderer(options: DOTOptions(legend: true)).render(graph)
        #expect(dot.contains(#""_legend:kind:country" [label="country""#))
        #expect(DOTLegend.prefix(avoiding: ["legend:a", "_legend:b"]) == "__legend:")
        #expect(DOTLegend.prefix(avoiding: ["us"]) == "legend:")
    }

    @Test func anEmptyGraphIsAnEmptyDigraph() throws {
        let graph = try GraphLoader.load(nodes: Array("id,kind,label\n".utf8), edges: Array("from,relation,to\n".utf8)).graph
        let dot = DOTRenderer(options: DOTOptions(legend: true, clusters: true)).render(graph)
        #expect(dot.hasPrefix("digraph \"policygraph\" {\n") && dot.hasSuffix("];\n}\n"))
        #expect(!dot.contains("subgraph"))
    }
}
