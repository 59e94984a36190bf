import PolicyGraph
import Testing
import TestSupport

/// The stance map and the surroundings of a path: the parts of a graph the views draw.
@Suite struct DOTStanceMapTests {
    static func graph() throws -> Graph {
        try GraphLoader.load(folder: Fixtures.path("dot/small")).graph
    }

    @Test func aStanceMapHoldsTheActorsTheirMembersAndTheirStances() throws {
        let map = try Self.graph().stanceMap(of: ["us", "china"])
        #expect(map.nodes.map(\.id.rawValue).sorted() == [
            "china", "china-delegation", "china-mfa", "consensus", "envoy", "export-controls", "us", "us-delegation", "us-state",
        ])
        let edges = map.edges.map { "\($0.from) \($0.relation) \($0.to)" }.sorted()
        #expect(edges == [
            "china opposes export-controls", "china supports consensus", "china-mfa leads china-delegation",
            "china-mfa memberOf china", "envoy leads us-delegation", "envoy memberOf us-state",
            "us supports consensus", "us supports export-controls", "us-state leads us-delegation", "us-state memberOf us",
        ])
    }

    @Test func aStanceMapOfAnUnknownActorThrows() throws {
        #expect(throws: QueryError.self) { try Self.graph().stanceMap(of: ["atlantis"]) }
    }

    @Test func surroundingsAreThePathAndItsNeighbours() throws {
        let graph = try Self.graph()
        let around = try graph.surroundings(of: ["envoy", "us-delegation"], depth: 1)
        #expect(around.nodes.map(\.id.rawValue).sorted() == ["ai-risk", "envoy", "geneva", "us-delegation", "us-state"])
        #expect(around.edgeCount == 5)
        #expect(try graph.surroundings(of: ["envoy"], depth: 0).nodeCount == 1)
        let thrown = #expect(throws: QueryError.self) { try graph.surroundings(of: ["nobody"]) }
        #expect(thrown.map { caseName($0.reason) } == "unknownNode")
    }
}
