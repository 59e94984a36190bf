import Foundation
@testable import PolicyGraph
import Testing

@Suite("Hardening: big schemas, overflow, DOT ids, the lock under concurrency")
struct HardeningTests {
    /// A schema.json declaring `count` kinds, each with a relation between kind i and i+1.
    private func manyKinds(_ count: Int) -> String {
        var kinds: [String] = []
        for i in 0..<count { kinds.append("\"k\(i)\": {}") }
        let all = (0..<count).map { "\"k\($0)\"" }.joined(separator: ",")
        return """
            {"kinds": {\(kinds.joined(separator: ","))},
             "relations": {"linked": {"endpoints": [{"from": [\(all)], "to": [\(all)]}, {"from": ["k0"], "to": ["k1"]}]}}}
            """
    }

    @Test func schemaWithThirtyThousandKindsLoadsInLinearMemory() throws {
        // Before: one 30,000² table per relation (14 GB), then a fatal allocation failure.
        let schema = manyKinds(30_000)
        let nodes = "id,kind,label\na,k0,A\nb,k29999,B\nc,k1,C\n"
        let edges = "from,relation,to\na,linked,b\nb,linked,c\nc,linked,a\n"
        let graph = try loadGraph(nodes: nodes, edges: edges, schema: schema)
        #expect(graph.schema.kinds.count == 30_000 + Schema.builtIn.kinds.count)
        #expect(graph.schema.allows(Relation("linked"), from: Kind("k29999"), to: Kind("k1")))
        #expect(!graph.schema.allows(Relation("linked"), from: Kind("country"), to: Kind("k1")))
        #expect(graph.edgeKinds.count(relation: graph.schema.relationIndex[Relation("linked")] ?? -1,
                                      source: graph.schema.kindIndex[Kind("k29999")] ?? -1,
                                      target: graph.schema.kindIndex[Kind("k1")] ?? -1) == 1)
        // Not queried here: the planner's estimates still loop over kinds² per relation.
    }

    @Test func schemaWithMoreKindsThanCodesIsRefusedAtItsLine() throws {
        let failure = loadFailure(nodes: minimalNodes, edges: minimalEdges, schema: "{\n\"kinds\": [" + (0..<65_536).map { "\"k\($0)\"" }.joined(separator: ",") + "]}")
        let error = try #require(failure?.errors.first)
        #expect(error.location.line == 2)
        #expect(error.reason == .schemaContent(message: "\(65_536 + Schema.builtIn.kinds.count) kinds, more than the 65534 a schema may declare"))
    }

    @Test func importRefusesASchemaWithMoreKindsThanCodes() throws {
        let graph = try loadGraph(nodes: minimalNodes, edges: minimalEdges)
        var document = try #require(try JSONSerialization.jsonObject(with: Data(GraphJSON.document(graph).utf8)) as? [String: Any])
        var schema = try #require(document["schema"] as? [String: Any])
        var kinds = schema["kinds"] as? [[String: Any]] ?? []
        for i in 0..<65_536 { kinds.append(["name": "k\(i)", "description": "", "actor": false]) }
        schema["kinds"] = kinds
        document["schema"] = schema
        let bytes = Array(try JSONSerialization.data(withJSONObject: document))
        do {
            _ = try GraphJSON.read(bytes, file: "big.json")
            Issue.record("a schema of 65,536 kinds was imported")
        } catch {
            #expect("\(error)".contains("kinds, more than the 65534 a schema may declare"), "\(error)")
        }
    }

    @Test func sumOfDistinctValuesReportsOverflow() throws {
        let nodes = "id,kind,label,score\na,country,A,9223372036854775807\nb,country,B,1\n"
        let graph = try loadGraph(nodes: nodes, edges: "from,relation,to\n", schema: #"{"numeric": ["score"]}"#)
        #expect(throws: QueryError.self) { try graph.query("MATCH (n:country) RETURN sum(n.score) AS s") }
        do {
            _ = try graph.query("MATCH (n:country) RETURN sum(DISTINCT n.score) AS s")
            Issue.record("sum(DISTINCT ...) wrapped around instead of reporting the overflow")
        } catch {
            #expect(error.message == "integer overflow in sum()")
        }
    }

    @Test(.enabled(if: DOTReference.dotAvailable, DOTReference.skipMessage),
          arguments: [#"back\slash"#, #"ends\"#, #"two\\in"#, #"quote\"d"#, #"a "quoted" id"#, #"<tag> \"#])
    func dotNodeNameIsTheGraphID(_ id: String) throws {
        let nodes = "id,kind,label\n\(CSVWriter.escape(id)),country,X\nsfc,framework,SFC\n"
        let edges = "from,relation,to\n\(CSVWriter.escape(id)),supports,sfc\n"
        let graph = try loadGraph(nodes: nodes, edges: edges)
        let dot = DOTRenderer().render(graph)
        let names = Set(try DOTReference.layout(dot).nodes.keys)
        #expect(names.contains(id), "Graphviz named the nodes \(names.sorted())")
        let svg = String(decoding: try GraphvizRunner().run(dot, format: "svg").bytes, as: UTF8.self)
        let escaped = id.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(svg.contains("<title>\(escaped)</title>"), "the SVG's node titles")
    }

    @Test func concurrentEditsAllLandAndNoneSeesAHalfMadeLock() throws {
        let folder = try TemporaryFolder.make("pg-lock")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TemporaryFolder.write(Array(minimalNodes.utf8), to: folder + "/nodes.csv")
        try TemporaryFolder.write(Array(minimalEdges.utf8), to: folder + "/edges.csv")
        let errors = Errors()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for i in 0..<6 {
                let edit = GraphEdit.addNode(NodeID("n\(worker)-\(i)"), kind: .country, label: "N")
                var tries = 0
                while true {
                    do {
                        _ = try GraphEditor.apply(edit, to: folder)
                        break
                    } catch let error as EditError where error.reason == .locked(pid: getpid()) && tries < 10_000 {
                        tries += 1
                        usleep(200)
                    } catch {
                        errors.append("\(error)")
                        break
                    }
                }
            }
        }
        #expect(errors.all.isEmpty)
        let graph = try GraphLoader.load(folder: folder).graph
        #expect(graph.nodeCount == 2 + 8 * 6)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}

private final class Errors: @unchecked Sendable {
    private var list: [String] = []
    private let lock = NSLock()
    func append(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
