import Foundation
import Testing
@testable import PolicyGraph

/// Kumu's CSV pair and GraphML: an export imported again is the same graph; files as other
/// tools write them import too.
@Suite struct InterchangeImportTests {
    /// The graph's nodes and edges with numeric cells compared as numbers (GraphML writes `2` as
    /// `2.0`).
    func rows(_ graph: Graph) -> (nodes: [Node], edges: [Edge]) {
        func canonical(_ attributes: [String: String]) -> [String: String] {
            attributes.mapValues { value in NumberText.canonical(value) ?? value }
        }
        return (graph.nodes.map { Node(id: $0.id, kind: $0.kind, label: $0.label, attributes: canonical($0.attributes)) },
                graph.edges.map { Edge(from: $0.from, relation: $0.relation, to: $0.to, attributes: canonical($0.attributes)) })
    }

    func files(_ result: ExportResult) -> [String: [UInt8]] {
        guard case .files(let files) = result else { return [:] }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, Array($0.contents.utf8)) })
    }

    @Test(arguments: ["graph", "Fixtures/overlap/graph"])
    func kumuExportImportsAsTheSameGraph(folder: String) throws {
        let source = try GraphLoader.load(folder: Fixtures.root.appendingPathComponent(folder).path).graph
        let exported = files(try source.exported(as: .kumu))
        let scratch = ScratchFolder()
        _ = try GraphFolder.create(at: scratch.path)
        try copySchema(from: folder, to: scratch.path)
        _ = try KumuSheets.importSheets(elements: exported["elements.csv"] ?? [], elementsFile: "elements.csv",
                                        connections: exported["connections.csv"] ?? [], connectionsFile: "connections.csv",
                                        into: .merge(scratch.path))
        let imported = try GraphLoader.load(folder: scratch.path).graph
        #expect(rows(imported).nodes == rows(source).nodes)
        #expect(rows(imported).edges == rows(source).edges)
    }

    @Test(arguments: ["graph", "Fixtures/overlap/graph"])
    func graphMLExportImportsAsTheSameGraph(folder: String) throws {
        let source = try GraphLoader.load(folder: Fixtures.root.appendingPathComponent(folder).path).graph
        guard case .text(let document) = try source.exported(as: .graphml) else { return }
        let scratch = ScratchFolder()
        _ = try GraphFolder.create(at: scratch.path)
        try copySchema(from: folder, to: scratch.path)
        _ = try GraphMLReader.importDocument(Array(document.utf8), file: "graph.graphml", into: .merge(scratch.path))
        let imported = try GraphLoader.load(folder: scratch.path).graph
        #expect(rows(imported).nodes == rows(source).nodes)
        #expect(rows(imported).edges == rows(source).edges)
    }

    private func copySchema(from folder: String, to target: String) throws {
        let schema = Fixtures.root.appendingPathComponent(folder).appendingPathComponent("schema.json").path
        if FileManager.default.fileExists(atPath: schema) {
            try FileManager.default.copyItem(atPath: schema, toPath: target + "/schema.json")
        }
    }

    /// As networkx's `write_graphml` writes a graph whose nodes carry `kind` and `label` and whose
    /// edges carry `relation` and `weight`.
    @Test func networkxStyleGraphMLImports() throws {
        let document = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d3" for="edge" attr.name="weight" attr.type="double" />
              <key id="d2" for="edge" attr.name="relation" attr.type="string" />
              <key id="d1" for="node" attr.name="label" attr.type="string" />
              <key id="d0" for="node" attr.name="kind" attr.type="string">
                <default>country</default>
              </key>
              <graph edgedefault="directed">
                <node id="kenya"><data key="d1">Kenya</data></node>
                <node id="act"><data key="d0">framework</data><data key="d1">AI Act</data></node>
                <edge source="kenya" target="act"><data key="d2">supports</data><data key="d3">0.5</data></edge>
              </graph>
            </graphml>
            """
        let scratch = ScratchFolder()
        _ = try GraphMLReader.importDocument(Array(document.utf8), file: "nx.graphml", into: .new(scratch.path))
        let graph = try GraphLoader.load(folder: scratch.path).graph
        #expect(graph.nodes.map { "\($0.id) \($0.kind) \($0.label)" } == ["kenya country Kenya", "act framework AI Act"])
        #expect(graph.edges.map { "\($0.from) \($0.relation) \($0.to) \($0.weight ?? 0)" } == ["kenya supports act 0.5"])
    }

    @Test func graphMLEdgeWithoutARelationIsReportedAtItsLine() throws {
        let document = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="k" for="node" attr.name="kind"/>
              <graph edgedefault="directed">
                <node id="a"><data key="k">country</data></node>
                <node id="b"><data key="k">framework</data></node>
                <edge source="a" target="b"/>
                <edge source="a" target="zz"><data key="k">x</data></edge>
              </graph>
            </graphml>
            """
        let scratch = ScratchFolder()
        #expect(throws: SheetImportFailure.self) {
            try GraphMLReader.importDocument(Array(document.utf8), file: "bad.graphml", into: .new(scratch.path))
        }
        do {
            _ = try GraphMLReader.importDocument(Array(document.utf8), file: "bad.graphml", into: .new(scratch.path))
        } catch let failure as SheetImportFailure {
            #expect(failure.issues.map(\.location.line) == [6, 7])
            #expect(failure.issues.first?.message == "column 'relation' is empty")
        }
        // Refused: no new folder is left behind.
        #expect(!FileManager.default.fileExists(atPath: scratch.path))
    }

    @Test func malformedXMLIsASyntaxIssue() {
        let scratch = ScratchFolder()
        do {
            _ = try GraphMLReader.importDocument(Array("<graphml><graph>".utf8), file: "cut.graphml", into: .new(scratch.path))
            Issue.record("expected a failure")
        } catch let failure as SheetImportFailure {
            #expect(failure.issues.count == 1 && failure.issues[0].location.file == "cut.graphml")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Kumu's own sample layout: labels, types, pipes in `To`, a mutual connection.
    @Test func kumuSheetsAsKumuDocumentsThem() throws {
        let elements = "Label,Type,Description,Tags\nKenya,Country,East African state,Africa|AU\nAI Act,Framework,,\nOpen Models,Framework,,\n"
        let connections = "From,To,Type,Direction,Strength\nKenya,AI Act|Open Models,supports,directed,0.5\n"
        let scratch = ScratchFolder()
        let plan = try KumuSheets.importSheets(elements: Array(elements.utf8), elementsFile: "elements.csv",
                                               connections: Array(connections.utf8), connectionsFile: "connections.csv",
                                               into: .new(scratch.path))
        #expect(plan.nodes.map(\.id) == ["kenya", "ai-act", "open-models"])
        let graph = try GraphLoader.load(folder: scratch.path).graph
        #expect(graph.node("kenya")?.attributes["tags"] == "Africa|AU")
        #expect(graph.node("kenya")?.attributes["description"] == "East African state")
        #expect(graph.edges.map { "\($0.from) \($0.relation) \($0.to) \($0.weight ?? 0)" } == [
            "kenya supports ai-act 0.5", "kenya supports open-models 0.5",
        ])
    }

    @Test func kumuConnectionOfAnUnknownElementIsReportedAtItsCell() throws {
        let scratch = ScratchFolder()
        do {
            _ = try KumuSheets.importSheets(elements: Array("Label,Type\nKenya,country\n".utf8), elementsFile: "elements.csv",
                                            connections: Array("From,To,Type,Direction\nKenya,AI Akt,supports,sideways\nKenya,AI Akt,supports,\n".utf8),
                                            connectionsFile: "connections.csv", into: .new(scratch.path))
            Issue.record("expected a failure")
        } catch let failure as SheetImportFailure {
            #expect(failure.issues.map(\.description) == [
                "connections.csv:2:23: error: 'sideways' is not a Kumu direction (directed, undirected or mutual)",
                "connections.csv:3:7: error: unknown node 'AI Akt'",
            ])
        }
    }
}

/// GraphML written by the real networkx (`write_graphml`), the independent writer.
@Suite struct NetworkxGraphMLImportTests {
    static let script = """
        import sys, networkx as nx
        g = nx.MultiDiGraph()
        g.add_node("kenya", kind="country", label="Kenya", label_zh="肯尼亚")
        g.add_node("act", kind="framework", label="AI Act")
        g.add_edge("kenya", "act", relation="supports", weight=0.5, date="2025-03-11", cite="p. 3, ¶2")
        g.add_edge("kenya", "act", relation="commentsOn", cite="<note> & more")
        nx.write_graphml(g, sys.argv[1])
        """

    @Test(.enabled(if: Python.has("networkx"), "python3 with networkx is missing: \(Python.pipLine)"))
    func graphMLWrittenByNetworkxImports() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/nx.graphml"
        let result = try Python.run(Self.script, arguments: [file])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        _ = try GraphMLReader.importDocument(bytes, file: file, into: .new(folder + "/graph"))
        let graph = try GraphLoader.load(folder: folder + "/graph").graph
        #expect(graph.nodes.map { "\($0.id) \($0.kind) \($0.label) \($0.chineseLabel ?? "-")" } == ["kenya country Kenya 肯尼亚", "act framework AI Act -"])
        #expect(graph.edges.map { "\($0.from) \($0.relation) \($0.to) \($0.weight ?? 0) \($0.date ?? "-") \($0.cite ?? "-")" } == [
            "kenya supports act 0.5 2025-03-11 p. 3, ¶2", "kenya commentsOn act 0.0 - <note> & more",
        ])
    }
}
