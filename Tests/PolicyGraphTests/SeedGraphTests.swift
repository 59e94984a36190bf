import Testing
@testable import PolicyGraph

/// The real data in graph/: it validates, it is stored canonically, and an analyst finds the
/// actors and stances of the article in it.
@Suite struct SeedGraphTests {
    let graph: Graph

    init() throws {
        graph = try GraphLoader.load(folder: Fixtures.seedGraph).graph
    }

    @Test func seedGraphIsStoredInCanonicalForm() throws {
        let nodes = try String(contentsOfFile: Fixtures.seedGraph + "/nodes.csv", encoding: .utf8)
        let edges = try String(contentsOfFile: Fixtures.seedGraph + "/edges.csv", encoding: .utf8)
        #expect(GraphWriter.nodesCSV(graph) == nodes)
        #expect(GraphWriter.edgesCSV(graph) == edges)
    }

    @Test func seedGraphHasTheArticlesScale() {
        #expect(graph.nodeCount >= 150)
        #expect(graph.edgeCount >= 200)
        let stances = graph.schema.stanceRelations.reduce(0) { $0 + (graph.relationCounts[$1] ?? 0) }
        #expect(stances >= 60)
    }

    @Test func everyNodeHasBothLabelsOrAnEnglishOnlyReason() {
        for node in graph.nodes {
            #expect(!node.label.isEmpty, "\(node.id) has no English label")
            #expect(node.cite != nil, "\(node.id) has no cite")
        }
        let withChinese = graph.nodes.filter { $0.chineseLabel != nil }.count
        #expect(withChinese * 10 >= graph.nodeCount * 9, "nearly every entity is named in Chinese in the article")
    }

    @Test func everyEdgeCarriesACitation() {
        for edge in graph.edges { #expect(edge.cite?.isEmpty == false, "\(edge.from) \(edge.relation) \(edge.to)") }
    }

    @Test func theDelegationsAndTheirLeadersAreThere() throws {
        #expect(try graph.resolve("查布拉") == "tarun-chhabra")
        #expect(try graph.resolve("森特") == "seth-center")
        let usLeaders = Set(graph.edges(to: "us-delegation", relation: .leads).map(\.from))
        #expect(usLeaders.isSuperset(of: ["tarun-chhabra", "seth-center"]))
        #expect(graph.node("china-delegation")?.kind == .delegation)
        #expect(graph.node("wang-yi")?.chineseLabel == "王毅")
        #expect(graph.node("geneva-ai-dialogue-2024")?.kind == .event)
    }

    @Test func bothCountriesTakeStances() {
        for country: NodeID in ["us", "china"] {
            let stances = graph.edges(from: country).filter { graph.schema.polarity(of: $0.relation) != 0 }
            #expect(stances.count >= 3, "\(country) has \(stances.count) stances")
        }
        #expect(graph.edges(from: "china", relation: .supports).contains { $0.to == "san-francisco-consensus" })
        #expect(graph.edges(from: "us", relation: .supports).contains { $0.to == "san-francisco-consensus" })
    }
}
