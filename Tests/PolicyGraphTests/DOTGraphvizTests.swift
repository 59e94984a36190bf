import Foundation
@testable import PolicyGraph
import Testing

/// The real Graphviz reads every DOT we write without a warning, and draws every id, label,
/// tooltip and box title as the data has it: checked on what `dot -Tjson` reports it parsed and
/// drew, interpreted by the independent model in `DOTReference`.
@Suite(.enabled(if: DOTReference.dotAvailable, DOTReference.skipMessage))
struct DOTGraphvizTests {
    /// Checks one drawing of `graph`: Graphviz's nodes are exactly the graph's (plus the legend),
    /// and each shows what the options promise.
    func checkRoundTrip(_ graph: Graph, options: DOTOptions, context: Graph? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let dot = DOTRenderer(options: options).render(graph, context: context)
        let layout = try DOTReference.layout(dot)
        #expect(layout.warnings == [], sourceLocation: sourceLocation)
        var byID: [String: DOTReference.Layout.Object] = [:]
        #expect(layout.legendNodes.isEmpty != options.legend, sourceLocation: sourceLocation)
        for (name, object) in layout.nodes where !layout.legendNodes.contains(name) {
            byID[name] = object
        }
        let expectedIDs = Set(graph.nodes.map { DOTReference.name(of: $0.id.rawValue) })
        #expect(Set(byID.keys) == expectedIDs, "Graphviz's nodes are not the graph's", sourceLocation: sourceLocation)
        for node in graph.nodes {
            guard let object = byID[DOTReference.name(of: node.id.rawValue)] else { continue }
            var text: String
            switch options.language {
            case .english: text = node.label
            case .chinese: text = (node.chineseLabel ?? "").isEmpty ? node.label : node.chineseLabel ?? ""
            case .both:
                let zh = node.chineseLabel ?? ""
                text = zh.isEmpty || zh == node.label ? node.label : node.label.isEmpty ? zh : node.label + "\n" + zh
            }
            if text.isEmpty { text = node.id.rawValue }
            let shown = DOTReference.displayed(text)
            let understood = DOTReference.interpretLabel(object.attributes["label"] ?? "")
            if options.wrapWidth == nil {
                #expect(understood == shown, "label of \(node.id)", sourceLocation: sourceLocation)
                #expect(object.drawnLines == shown.split(separator: "\n", omittingEmptySubsequences: true).map(String.init),
                        "drawn lines of \(node.id)", sourceLocation: sourceLocation)
            } else {
                // Wrapping only turns spaces into line breaks.
                #expect(understood.replacingOccurrences(of: "\n", with: " ") == shown.replacingOccurrences(of: "\n", with: " "),
                        "wrapped label of \(node.id)", sourceLocation: sourceLocation)
            }
            let tooltip = DOTReference.interpretLabel(object.attributes["tooltip"] ?? "")
            for value in node.attributes.values {
                #expect(tooltip.contains(DOTReference.displayed(value)), "tooltip of \(node.id)", sourceLocation: sourceLocation)
            }
        }
        let dataEdges = layout.edges.filter { !layout.legendNodes.contains($0.tail) }
        #expect(dataEdges.count == graph.edgeCount, sourceLocation: sourceLocation)
        for edge in dataEdges {
            let label = DOTReference.interpretLabel(edge.object.attributes["label"] ?? "")
            let tooltip = DOTReference.interpretLabel(edge.object.attributes["tooltip"] ?? "")
            let from = edge.tail, to = edge.head
            let matches = graph.edges.filter { DOTReference.name(of: $0.from.rawValue) == from && DOTReference.name(of: $0.to.rawValue) == to }
            #expect(matches.contains { e in
                (!options.edgeLabels || label == e.relation.rawValue)
                    && e.attributes.values.allSatisfy { tooltip.contains(DOTReference.displayed($0)) }
            }, "edge \(from) -> \(to)", sourceLocation: sourceLocation)
        }
    }

    static func load(_ folder: String) throws -> Graph {
        try GraphLoader.load(folder: Fixtures.path(folder)).graph
    }

    @Test(arguments: ["small.dot", "small-cluster-legend-both.dot", "adversarial.dot", "adversarial-both-wrapped.dot"])
    func goldenFilesAreValidDOTWithoutWarnings(_ name: String) throws {
        let dot = try String(contentsOfFile: Fixtures.path("expected/dot/\(name)"), encoding: .utf8)
        #expect(try DOTReference.layout(dot).warnings == [])
    }

    @Test(arguments: [DOTLanguage.english, .chinese, .both])
    func adversarialLabelsSurviveTheRoundTrip(_ language: DOTLanguage) throws {
        try checkRoundTrip(try Self.load("dot/adversarial"), options: DOTOptions(language: language, legend: true, clusters: true))
    }

    @Test func everyOptionLaysOutWithoutWarnings() throws {
        let graph = try Self.load("dot/adversarial")
        let highlight = DOTHighlight(nodes: ["zh", "entities"], edges: graph.edges(from: "zh", relation: .opposes))
        let variants = [
            DOTOptions(rankDirection: .topToBottom, edgeLabels: false, wrapWidth: 10),
            DOTOptions(language: .both, legend: true, clusters: true, highlight: highlight, title: "\"Title\" \\N & more\nline"),
            DOTOptions(highlight: highlight, fontName: "Noto Sans CJK SC"),
        ]
        for options in variants { try checkRoundTrip(graph, options: options) }
    }

    @Test func clusterTitlesAreTheCountriesLabels() throws {
        let graph = try Self.load("dot/adversarial")
        let layout = try DOTReference.layout(DOTRenderer(options: DOTOptions(clusters: true)).render(graph))
        let titles = Set(layout.clusters.values.map { DOTReference.interpretLabel($0.attributes["label"] ?? "") })
        #expect(titles == ["Land of \"quotes\" [shape=box]", "Ministry of \"Quotes\"", "中华人民共和国"])
        #expect(layout.clusters.values.allSatisfy { $0.drawnLines == [DOTReference.interpretLabel($0.attributes["label"] ?? "")] })
    }

    /// Random ids, labels, Chinese labels and citations made of the pieces that break naive
    /// writers (quotes, backslashes, escString escapes, entities, line breaks, keywords...).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomHostileTextSurvivesTheRoundTrip(_ seed: UInt64) throws {
        var random = DOTRandom(seed: seed)
        var ids: [String] = []
        var seen: Set<String> = []
        while ids.count < 40 {
            let id = random.hostileText(maxFragments: 4)
            // Graphviz names keep the escaped form, so ids must differ once displayed.
            if seen.insert(DOTReference.displayed(id)).inserted { ids.append(id) }
        }
        let kinds = ["country", "agency", "official", "topic", "framework"]
        var nodeRows: [[String]] = []
        for (i, id) in ids.enumerated() {
            let label = Int.random(in: 0..<6, using: &random) == 0 ? "" : random.hostileText()
            nodeRows.append([id, kinds[i % kinds.count], label, random.hostileText(maxFragments: 3)])
        }
        var edgeRows: [[String]] = []
        for i in 0..<ids.count where i % kinds.count == 2 {  // officials belong to agencies, agencies to countries
            edgeRows.append([ids[i], "memberOf", ids[i - 1], random.hostileText()])
            edgeRows.append([ids[i - 1], "memberOf", ids[i - 2], ""])
            edgeRows.append([ids[i], "supports", ids[(i + 2) % ids.count], random.hostileText()])
        }
        let nodes = CSVWriter.document(header: ["id", "kind", "label", "label_zh"], rows: nodeRows)
        let edges = CSVWriter.document(header: ["from", "relation", "to", "cite"], rows: edgeRows)
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        try checkRoundTrip(graph, options: DOTOptions(legend: true, clusters: true))
        try checkRoundTrip(graph, options: DOTOptions(language: .both))
    }

    @Test(arguments: GraphvizEngine.allCases)
    func everyEngineDrawsTheDOTWithoutWarnings(_ engine: GraphvizEngine) throws {
        guard GraphvizRunner().isAvailable(engine) else { return }
        let dot = DOTRenderer(options: DOTOptions(legend: true, clusters: true)).render(try Self.load("dot/small"))
        let output = try GraphvizRunner().run(dot, engine: engine, format: "svg")
        #expect(output.warnings == [])
        #expect(String(decoding: output.bytes, as: UTF8.self).contains("<svg"))
    }
}
