import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PolicyGraph

/// Collects what an XML parser sees of a GraphML document: keys, nodes, edges and data text.
private final class GraphMLReader: NSObject, XMLParserDelegate {
    var keys: [String: (name: String, type: String)] = [:]
    var nodes: [String] = []
    var edges: [(source: String, target: String)] = []
    var data: [String: [String: String]] = [:]
    private var element = ""
    private var key: String?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "key": keys[attributes["id"] ?? ""] = (attributes["attr.name"] ?? "", attributes["attr.type"] ?? "")
        case "node":
            element = attributes["id"] ?? ""
            nodes.append(element)
        case "edge":
            element = attributes["id"] ?? ""
            edges.append((attributes["source"] ?? "", attributes["target"] ?? ""))
        case "data":
            key = attributes["key"]
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if key != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let key, let attribute = keys[key]?.name { data[element, default: [:]][attribute] = text }
        if name == "data" { key = nil }
    }
}

@Suite("GraphML export")
struct InterchangeGraphMLTests {
    static let adversarial = Fixtures.path("interchange/adversarial")

    /// What GraphML can hold of `s`: characters XML 1.0 forbids become U+FFFD.
    func xmlSafe(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { XMLText.isAllowed($0) ? $0 : "\u{FFFD}" }))
    }

    @Test func adversarialGraphIsWellFormedXMLAndReadsBackCellForCell() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let xml = GraphML.document(graph)
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = GraphMLReader()
        parser.delegate = reader
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(reader.nodes == graph.nodes.map { xmlSafe($0.id.rawValue) })
        #expect(reader.edges.count == graph.edgeCount)
        for node in graph.nodes {
            let seen = reader.data[xmlSafe(node.id.rawValue)] ?? [:]
            #expect(seen["kind"] == node.kind.rawValue)
            #expect(seen["label"] == (node.label.isEmpty ? nil : xmlSafe(node.label)), "\(node.id)")
            #expect(seen["description"] == node.attributes["description"].map(xmlSafe), "\(node.id)")
        }
        for (e, edge) in graph.edges.enumerated() {
            #expect(reader.edges[e].source == xmlSafe(edge.from.rawValue) && reader.edges[e].target == xmlSafe(edge.to.rawValue))
            #expect(reader.data["e\(e)"]?["cite"] == edge.cite.map(xmlSafe))
        }
    }

    @Test func numericColumnsAreTypedDoubleAndOthersString() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let reader = GraphMLReader()
        let parser = XMLParser(data: Data(GraphML.document(graph).utf8))
        parser.delegate = reader
        _ = parser.parse()
        let types = Dictionary(reader.keys.values.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        #expect(types["weight"] == "double" && types["score"] == "double")
        #expect(types["label"] == "string" && types["cite"] == "string" && types["date"] == "string")
        // `0x10` is a number to the loader; the export writes it so every reader parses it.
        #expect(reader.data["123start"]?["score"] == "16.0")
    }

    @Test func escapingOfTextAndAttributes() {
        #expect(XMLText.text("a<b>&\"'\r\n\t\u{1}") == "a&lt;b&gt;&amp;\"'&#13;\n\t\u{FFFD}")
        #expect(XMLText.attribute("a<b>&\"'\r\n\t\u{FFFF}") == "a&lt;b&gt;&amp;&quot;&apos;&#13;&#10;&#9;\u{FFFD}")
    }

    static let networkx = """
        import json, sys
        import networkx as nx
        g = nx.read_graphml(sys.argv[1])
        print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                          "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
                          "weights": sorted(d["weight"] for _, _, d in g.edges(data=True) if "weight" in d)}))
        """

    @Test(.enabled(if: Python.has("networkx"), "python3 with networkx is missing: \(Python.pipLine)"))
    func networkxReadsTheGraphBack() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let folder = try TemporaryFolder.make()
        let path = GraphLoader.join(folder, "g.graphml")
        try TemporaryFolder.write(Array(GraphML.document(graph).utf8), to: path)
        let result = try Python.run(Self.networkx, arguments: [path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["nodes"] == .int(graph.nodeCount))
        #expect(json["edges"] == .int(graph.edgeCount))
        for node in graph.nodes {
            let label = json["labels"]?[xmlSafe(node.id.rawValue)]
            #expect(label == (node.label.isEmpty ? .null : .string(xmlSafe(node.label))), "\(node.id)")
        }
        let weights = (json["weights"]?.arrayValue ?? []).compactMap(\.numberValue)
        #expect(weights == graph.edges.compactMap(\.weight).sorted())
    }
}
