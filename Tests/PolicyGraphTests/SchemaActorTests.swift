import Testing
@testable import PolicyGraph

/// Any actor may have members, and kinds declared actors in schema.json act like the built-in ones.
@Suite struct SchemaActorTests {
    static let nodes = """
        id,kind,label
        eu,organization,European Union
        commission,agency,European Commission
        france,country,France
        envoy,official,Envoy
        act,framework,AI Act
        g7,bloc,G7
        japan,country,Japan

        """
    static let edges = """
        from,relation,to
        commission,memberOf,eu
        france,memberOf,eu
        envoy,memberOf,eu
        commission,supports,act
        japan,memberOf,g7
        japan,opposes,act
        g7,supports,act

        """
    static let schema = #"{"kinds": {"bloc": {"description": "A group of states.", "actor": true}}}"#

    func graph() throws -> Graph { try loadGraph(nodes: Self.nodes, edges: Self.edges, schema: Self.schema) }

    @Test func agenciesOfficialsAndCountriesJoinAnOrganization() throws {
        let graph = try graph()
        #expect(graph.edges(relation: .memberOf).count == 4)
    }

    @Test func anOrganizationInheritsItsMembersStances() throws {
        let graph = try graph()
        #expect(try graph.position(of: "eu").stances.isEmpty)
        let inherited = try graph.position(of: "eu", options: PositionOptions(inherit: true))
        #expect(inherited.members == ["commission", "envoy", "france"])
        #expect(inherited.stance(on: "act")?.value == 1)
    }

    @Test func aKindDeclaredAnActorTakesStancesAndHasMembers() throws {
        let graph = try graph()
        #expect(graph.schema.actorKinds.contains(Kind("bloc")))
        // g7 supports, its member japan opposes: summed before the clamp, they cancel.
        #expect(try graph.position(of: "g7", options: PositionOptions(inherit: true)).stance(on: "act")?.value == 0)
        let matrix = try graph.overlapMatrix(actors: ["g7", "eu"], options: PositionOptions(inherit: true))
        #expect(matrix.value(between: "g7", and: "eu") == 0)
    }

    @Test func everyActorWithMembersGetsABoxAndAnActorWithoutMembersNone() throws {
        let graph = try graph()
        let clusters = DOTClusters(view: graph.nodes.sorted { $0.id < $1.id }, context: graph, options: DOTOptions())
        let boxes = Dictionary(uniqueKeysWithValues: clusters.clusters.map { ($0.name, $0.members.map(\.id.rawValue)) })
        // France and Japan have no members: no box of their own, each in its organization's box.
        #expect(boxes == [
            "cluster_organization_eu": ["commission", "envoy", "eu", "france"],
            "cluster_bloc_g7": ["g7", "japan"],
        ])
    }
}
