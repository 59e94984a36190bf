import Foundation
import Testing
@testable import PolicyGraph

@Suite("Kùzu export")
struct InterchangeKuzuTests {
    static let adversarial = Fixtures.path("interchange/adversarial")

    /// Writes an export's files under a fresh folder.
    static func write(_ files: [ExportedFile]) throws -> String {
        let folder = try TemporaryFolder.make("kuzu")
        for file in files {
            let path = GraphLoader.join(folder, file.path)
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try TemporaryFolder.write(Array(file.contents.utf8), to: path)
        }
        return folder
    }

    @Test func scriptsComeFirstInNameOrderAndNameTheirFiles() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let files = KuzuExport.files(graph)
        let scripts = files.map(\.path).filter { $0.hasSuffix(".cypher") }
        #expect(scripts == scripts.sorted() && scripts.first == KuzuExport.schemaScript)
        let copy = try #require(files.first { $0.path == KuzuExport.copyScript }).contents
        for file in files where file.path.hasSuffix(".csv") { #expect(copy.contains("FROM '\(file.path)'")) }
        // `Country` and `country` are one name to Kùzu: the user's kind yields, the built-in keeps its name.
        let schema = try #require(files.first { $0.path == KuzuExport.schemaScript }).contents
        #expect(schema.contains("CREATE NODE TABLE `country`(") && schema.contains("CREATE NODE TABLE `Country_2`("))
    }

    static let kuzu = """
        import json, sys, glob, os, kuzu
        folder, database = sys.argv[1], sys.argv[2]
        os.chdir(folder)
        connection = kuzu.Connection(kuzu.Database(database))
        for script in sorted(glob.glob("*.cypher")):
            connection.execute(open(script, encoding="utf-8").read())
        def rows(query):
            result = connection.execute(query)
            out = []
            while result.has_next(): out.append(result.get_next())
            return out
        nodes = {r[0]: {"kind": r[1], "label": r[2], "description": r[3], "score": r[4]}
                 for r in rows("MATCH (n) RETURN n.id, n.kind, n.label, n.description, n.score")}
        edges = sorted(rows("MATCH (a)-[r]->(b) RETURN a.id, label(r), b.id, r.cite, r.weight, r.date"), key=json.dumps)
        supports = sorted(rows("MATCH (a:country)-[:supports]->(b) RETURN a.id, b.id"))
        print(json.dumps({"nodes": nodes, "edges": edges, "supports": supports}))
        """

    @Test(.enabled(if: Python.has("kuzu"), "python3 with kuzu is missing: \(Python.pipLine)"))
    func kuzuLoadsTheFolderAndMatchGivesOurRows() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let folder = try Self.write(KuzuExport.files(graph))
        let result = try Python.run(Self.kuzu, arguments: [folder, GraphLoader.join(folder, "db")])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["nodes"]?.objectValue?.count == graph.nodeCount)
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        for node in graph.nodes {
            let row = json["nodes"]?[node.id.rawValue]
            #expect(row?["kind"] == .string(node.kind.rawValue))
            #expect(row?["label"] == (node.label.isEmpty ? .null : .string(node.label)), "\(node.id)")
            #expect(row?["description"] == text(node.attributes["description"]), "\(node.id)")
            #expect(row?["score"]?.numberValue == node.attributes["score"].flatMap { Double($0) }, "\(node.id)")
        }
        var expected: [String] = []
        for edge in graph.edges {
            let weight: JSONValue = edge.weight.map { .double($0) } ?? .null
            expected.append(JSONValue.array([.string(edge.from.rawValue), .string(edge.relation.rawValue), .string(edge.to.rawValue),
                                             text(edge.cite), weight, text(edge.date)]).rendered(pretty: false))
        }
        let seen = (json["edges"]?.arrayValue ?? []).map { row in
            // Kùzu gives weights as floats (2.0); compare numbers by value.
            JSONValue.array((row.arrayValue ?? []).map { $0.numberValue.map { JSONValue.double($0) } ?? $0 }).rendered(pretty: false)
        }
        #expect(seen.sorted() == expected.sorted())
        let supports = graph.edges(relation: .supports).filter { graph.kind(of: $0.from) == .country }
        #expect(json["supports"]?.arrayValue?.count == supports.count)
    }
}
