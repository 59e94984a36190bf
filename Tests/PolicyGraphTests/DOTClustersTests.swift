@testable import PolicyGraph
import Testing

/// `--cluster`: which nodes a reader expects in a country's box (the rules of `Affiliations`).
@Suite struct DOTClustersTests {
    func graph(_ nodes: String, _ edges: String) throws -> Graph {
        try GraphLoader.load(nodes: Array(("id,kind,label\n" + nodes).utf8),
                             edges: Array(("from,relation,to\n" + edges).utf8)).graph
    }

    /// The boxes drawn for `view` (memberships from `context`): country id → member ids.
    func boxes(_ view: Graph, context: Graph? = nil) -> [String: [String]] {
        let clusters = DOTClusters(view: view.nodes.sorted { $0.id < $1.id }, context: context ?? view, options: DOTOptions())
        var result: [String: [String]] = [:]
        for cluster in clusters.clusters {
            result[String(cluster.name.dropFirst("cluster_country_".count))] = cluster.members.map(\.id.rawValue)
        }
        return result
    }

    static let countries = "us,country,United States\ncn,country,China\n"

    @Test func memberOfChainsEndInTheCountry() throws {
        let g = try graph(Self.countries + "state,agency,State\nbureau,agency,Bureau\nenvoy,official,Envoy\n",
                          "state,memberOf,us\nbureau,memberOf,state\nenvoy,memberOf,bureau\n")
        #expect(boxes(g) == ["us": ["bureau", "envoy", "state", "us"], "cn": ["cn"]])
    }

    @Test func whatACountryLeadsIsInItsBox() throws {
        let g = try graph(Self.countries + "council,agency,Council\n", "us,leads,council\n")
        #expect(boxes(g)["us"] == ["council", "us"])
    }

    @Test func aDelegationBelongsToTheCountryOfItsLeadersAndParticipants() throws {
        let g = try graph(Self.countries + "state,agency,State\nmost,agency,MOST\nus-del,delegation,US delegation\ncn-del,delegation,CN delegation\n",
                          "state,memberOf,us\nstate,leads,us-del\nmost,memberOf,cn\nmost,participatesIn,cn-del\n")
        #expect(boxes(g) == ["us": ["state", "us", "us-del"], "cn": ["cn", "cn-del", "most"]])
    }

    @Test func aMemberOfADelegationOnlyTakesItsCountry() throws {
        let g = try graph(Self.countries + "state,agency,State\ndel,delegation,Delegation\naide,person,Aide\n",
                          "state,memberOf,us\nstate,leads,del\naide,memberOf,del\n")
        #expect(boxes(g)["us"] == ["aide", "del", "state", "us"])
    }

    @Test func aJointDelegationStaysOutsideAndItsMembersKeepTheirCountries() throws {
        let g = try graph(Self.countries + "state,agency,State\nmfa,agency,MFA\njoint,delegation,Joint\nenvoy,official,Envoy\nguest,person,Guest\n",
                          "state,memberOf,us\nmfa,memberOf,cn\nstate,leads,joint\nmfa,participatesIn,joint\nenvoy,memberOf,state\nenvoy,memberOf,joint\nguest,memberOf,joint\n")
        #expect(boxes(g) == ["us": ["envoy", "state", "us"], "cn": ["cn", "mfa"]])
    }

    @Test func aNodeOfTwoCountriesStaysOutside() throws {
        let g = try graph(Self.countries + "a,organization,A\nb,organization,B\nscholar,person,Scholar\n",
                          "a,memberOf,us\nb,memberOf,cn\nscholar,memberOf,a\nscholar,memberOf,b\n")
        #expect(boxes(g) == ["us": ["a", "us"], "cn": ["b", "cn"]])
    }

    @Test func takingPartInAnEventIsNotBelonging() throws {
        let g = try graph(Self.countries + "talks,event,Talks\nun,organization,UN\n",
                          "us,participatesIn,talks\nus,memberOf,un\n")
        #expect(boxes(g) == ["us": ["us"], "cn": ["cn"]])
    }

    @Test func aPartKeepsTheBoxesOfTheWhole() throws {
        let whole = try graph(Self.countries + "state,agency,State\nenvoy,official,Envoy\ndeal,framework,Deal\n",
                              "state,memberOf,us\nenvoy,memberOf,state\nenvoy,supports,deal\n")
        let part = try whole.selecting(GraphSelection(relations: [.supports], kinds: [.official, .framework]))
        #expect(boxes(part) == [:])
        #expect(boxes(part, context: whole) == ["us": ["envoy"]])
        let dot = DOTRenderer(options: DOTOptions(clusters: true)).render(part, context: whole)
        #expect(dot.contains("  subgraph \"cluster_country_us\" {\n    graph [label=\"United States\""))
    }

    @Test func boxesAreLabelledInTheChosenLanguageAndSortedById() throws {
        let g = try GraphLoader.load(nodes: Array("id,kind,label,label_zh\nzz,country,Zed,泽\naa,country,Ay,\n".utf8),
                                     edges: Array("from,relation,to\n".utf8)).graph
        let clusters = DOTClusters(view: g.nodes.sorted { $0.id < $1.id }, context: g, options: DOTOptions(language: .chinese))
        #expect(clusters.clusters.map(\.name) == ["cluster_country_aa", "cluster_country_zz"])
        #expect(clusters.clusters.map(\.label) == ["Ay", "泽"])
    }
}
