import Testing
@testable import PolicyGraph

/// `patternSubgraph`: the nodes and edges a MATCH binds, over all its matches, as a graph (for
/// `dot --query`).
struct PatternSubgraphTests {
    static let graph: Graph? = try? GraphLoader.load(folder: Fixtures.path("patterns")).graph

    func edges(_ g: Graph) -> [String] { g.edges.map { "\($0.from)-\($0.relation)->\($0.to)" } }

    @Test func holdsTheBoundNodesAndEdgesWithTheirColumns() throws {
        let graph = try #require(Self.graph)
        let sub = try graph.patternSubgraph("MATCH (o:official)-[:leads]->(:delegation {id: 'us-delegation'})")
        #expect(sub.nodes.map(\.id) == ["us-delegation", "tarun-chhabra", "seth-center"])
        #expect(edges(sub) == ["tarun-chhabra-leads->us-delegation", "seth-center-leads->us-delegation"])
        #expect(sub.node("seth-center")?.attributes["title"] == "Acting Special Envoy for Critical and Emerging Technology")
        #expect(sub.edges.first?.date == "2024-05-14")
    }

    @Test func includesTheEdgesOfPathsAndHonoursWhere() throws {
        let graph = try #require(Self.graph)
        let sub = try graph.patternSubgraph("MATCH (w {id: 'wang-yi'})-[*1..2]-(g {id: 'geneva-talks'}) WHERE w <> g RETURN w")
        #expect(Set(sub.nodes.map(\.id)) == ["wang-yi", "bangkok-meeting", "geneva-talks"])
        #expect(edges(sub) == ["wang-yi-participatesIn->bangkok-meeting", "bangkok-meeting-precedes->geneva-talks"])
        #expect(try graph.patternSubgraph("MATCH (c:country) WHERE c.population > 10000").nodeCount == 0)
    }

    @Test func keepsOnlyTheEdgesThePatternBinds() throws {
        let graph = try #require(Self.graph)
        // us and china share many edges; only the two participations in Geneva are bound.
        let sub = try graph.patternSubgraph("MATCH (:country)-[:participatesIn]->(e {id: 'geneva-talks'})")
        #expect(Set(sub.nodes.map(\.id)) == ["us", "china", "geneva-talks"])
        #expect(sub.edgeCount == 2)
    }

    @Test func reportsQueryErrors() throws {
        let graph = try #require(Self.graph)
        #expect(throws: QueryError.self) { try graph.patternSubgraph("MATCH (a:contry)") }
    }
}
