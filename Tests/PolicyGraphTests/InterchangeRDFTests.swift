import Foundation
import Testing
@testable import PolicyGraph

@Suite("RDF export")
struct InterchangeRDFTests {
    static let adversarial = Fixtures.path("interchange/adversarial")

    @Test func idsArePercentEncodedByteByByte() {
        #expect(RDFVocabulary.percentEncoded("us-delegation_2.x~") == "us-delegation_2.x~")
        #expect(RDFVocabulary.percentEncoded("a b%/中") == "a%20b%25%2F%E4%B8%AD")
        #expect(RDFVocabulary.percentEncoded("quote\"<>") == "quote%22%3C%3E")
    }

    @Test(arguments: ["not an iri", "https://example.org/x", "<https://example.org/>", "1http://a/", "urn:x"])
    func baseThatIsNoNamespaceIsRefused(_ base: String) {
        #expect(throws: ExportError.self) { _ = try RDFVocabulary(base: base) }
    }

    @Test func smallGraphAsNTriples() throws {
        let nodes = "id,kind,label,label_zh\nus,country,United States,美国\ngai,framework,\"The \"\"Global\"\" Initiative\",\n"
        let edges = "from,relation,to,weight,date,cite\nus,supports,gai,0.5,2024-05,§1\nus,supports,gai,,,\n"
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let text = NTriples.document(graph, vocabulary: try RDFVocabulary(base: "http://x.org/"))
        let data = text.split(separator: "\n").filter { !$0.hasPrefix("<http://x.org/kind/") && !$0.hasPrefix("<http://x.org/relation/") && !$0.hasPrefix("<http://x.org/attribute/") }
        let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        let xsd = "http://www.w3.org/2001/XMLSchema#"
        #expect(data == [
            "<http://x.org/node/us> <\(rdf)type> <http://x.org/kind/country> .",
            "<http://x.org/node/us> <http://x.org/attribute/id> \"us\" .",
            "<http://x.org/node/us> <http://www.w3.org/2000/01/rdf-schema#label> \"United States\"@en .",
            "<http://x.org/node/us> <http://www.w3.org/2000/01/rdf-schema#label> \"美国\"@zh .",
            "<http://x.org/node/us> <http://x.org/relation/supports> <http://x.org/node/gai> .",
            "<http://x.org/node/us> <http://x.org/relation/supports> <http://x.org/node/gai> .",
            "<http://x.org/node/gai> <\(rdf)type> <http://x.org/kind/framework> .",
            "<http://x.org/node/gai> <http://x.org/attribute/id> \"gai\" .",
            "<http://x.org/node/gai> <http://www.w3.org/2000/01/rdf-schema#label> \"The \\\"Global\\\" Initiative\"@en .",
            "_:e1 <\(rdf)type> <\(rdf)Statement> .",
            "_:e1 <\(rdf)subject> <http://x.org/node/us> .",
            "_:e1 <\(rdf)predicate> <http://x.org/relation/supports> .",
            "_:e1 <\(rdf)object> <http://x.org/node/gai> .",
            "_:e1 <http://x.org/attribute/weight> \"0.5\"^^<\(xsd)double> .",
            "_:e1 <http://x.org/attribute/date> \"2024-05\"^^<\(xsd)gYearMonth> .",
            "_:e1 <http://x.org/attribute/cite> \"§1\" .",
        ])
    }

    @Test func labelColumnsAndTheirLanguageTags() {
        #expect(RDFGraph.language(of: "label") == "en")
        #expect(RDFGraph.language(of: "label_zh") == "zh")
        #expect(RDFGraph.language(of: "label_zh_Hant") == "zh-Hant")
        #expect(RDFGraph.language(of: "labels") == nil)
        #expect(RDFGraph.language(of: "label_中文") == nil)
    }

    static let rdflib = """
        import json, sys, rdflib
        from rdflib.compare import isomorphic
        from rdflib import RDF, RDFS
        nt = rdflib.Graph(); nt.parse(sys.argv[1], format="nt")
        ttl = rdflib.Graph(); ttl.parse(sys.argv[2], format="turtle")
        base = sys.argv[3]
        kinds = {}
        for s, o in nt.subject_objects(RDF.type):
            if str(o).startswith(base + "kind/"): kinds[str(o)[len(base) + 5:]] = kinds.get(str(o)[len(base) + 5:], 0) + 1
        zh = {str(s)[len(base) + 5:]: str(o) for s, o in nt.subject_objects(RDFS.label) if o.language == "zh"}
        statements = len(set(nt.subjects(RDF.type, RDF.Statement)))
        print(json.dumps({"triples": len(nt), "isomorphic": isomorphic(nt, ttl), "kinds": kinds, "zh": zh, "statements": statements}))
        """

    @Test(.enabled(if: Python.has("rdflib"), "python3 with rdflib is missing: \(Python.pipLine)"))
    func rdflibReadsNTriplesAndTurtleAsTheSameGraph() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let vocabulary = try RDFVocabulary(base: ExportOptions.defaultBase)
        let folder = try TemporaryFolder.make()
        let nt = GraphLoader.join(folder, "g.nt")
        let ttl = GraphLoader.join(folder, "g.ttl")
        try TemporaryFolder.write(Array(NTriples.document(graph, vocabulary: vocabulary).utf8), to: nt)
        try TemporaryFolder.write(Array(Turtle.document(graph, vocabulary: vocabulary).utf8), to: ttl)
        let result = try Python.run(Self.rdflib, arguments: [nt, ttl, vocabulary.base])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["isomorphic"] == .bool(true))
        // Every node is typed by its kind (kinds percent-encoded in the IRI).
        for (kind, count) in graph.kindCounts where count > 0 {
            #expect(json["kinds"]?[RDFVocabulary.percentEncoded(kind.rawValue)] == .int(count), "\(kind)")
        }
        // Chinese labels with their tag, keyed by the node IRI's local name.
        for node in graph.nodes {
            #expect(json["zh"]?[RDFVocabulary.percentEncoded(node.id.rawValue)] == node.chineseLabel.map { .string($0) }, "\(node.id)")
        }
        // One statement per edge with at least one cell.
        let withCells = graph.edges.filter { !$0.attributes.isEmpty }.count
        #expect(json["statements"] == .int(withCells))
        // Parallel identical edges are one triple but two statements: the count is exact.
        let lines = NTriples.document(graph, vocabulary: vocabulary).split(separator: "\n")
        #expect(json["triples"] == .int(Set(lines).count))
    }
}
