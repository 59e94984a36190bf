import Testing
import PolicyGraph

/// A graph built in memory is checked as the loader checks the same rows in files.
struct GraphBuilderTests {
    @Test func aBuiltGraphHoldsItsNodesAndEdges() throws {
        var builder = GraphBuilder()
        builder.addNode("us", kind: .country, label: "United States", attributes: ["label_zh": "美国"])
        builder.addNode("ai-safety", kind: .framework, label: "AI safety")
        builder.addEdge(from: "us", .supports, to: "ai-safety", attributes: ["date": "2024-05-14", "weight": "0.5"])
        let graph = try builder.build().graph
        #expect(graph.nodeCount == 2 && graph.edgeCount == 1)
        #expect(graph.node("us")?.chineseLabel == "美国")
        let edge = try #require(graph.edges(from: "us").first)
        #expect(edge.relation == .supports && edge.to == "ai-safety" && edge.weight == 0.5)
    }

    @Test func badRowsGiveTheLoadersIssuesAtTheLinesOfTheEquivalentFiles() throws {
        var builder = GraphBuilder()
        builder.addNode("us", kind: .country, label: "United States")
        builder.addNode("china", kind: "contry", label: "China")
        builder.addNode("us", kind: .country, label: "Again")
        builder.addEdge(from: "us", .supports, to: "chnia")
        // The same rows written by hand as the two files.
        let nodes = "id,kind,label\nus,country,United States\nchina,contry,China\nus,country,Again\n"
        let edges = "from,relation,to\nus,supports,chnia\n"
        var expected: [String] = []
        do {
            _ = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8))
        } catch {
            expected = error.lines
        }
        #expect(expected.count == 3)
        do {
            _ = try builder.build()
            Issue.record("expected a failure")
        } catch {
            #expect(error.lines == expected)
            #expect(error.issues.map(\.reason).contains(.unknownKind("contry", suggestions: ["country"])))
        }
    }
}
