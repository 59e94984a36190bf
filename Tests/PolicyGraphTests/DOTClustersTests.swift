@testable import PolicyGraph
import Testing

/// `--cluster`: which nodes a reader expects in a box (the rules of `Affiliations`), and which
/// box inside which (`BoxNesting`).
@Suite struct DOTClustersTests {
    func graph(_ nodes: String, _ edges: String) throws -> Graph {
        try GraphLoader.load(nodes: Array(("id,kind,label\n" + nodes).utf8),
                             edges: Array(("from,relation,to\n" + edges).utf8)).graph
    }

    /// The boxes drawn for `view` (memberships from `context`): anchor id → ids of the nodes
    /// drawn directly in its box.
    func boxes(_ view: Graph, context: Graph? = nil) -> [String: [String]] {
        let clusters = DOTClusters(view: view.nodes.sorted { $0.id < $1.id }, context: context ?? view, options: DOTOptions())
        var result: [String: [String]] = [:]
        for cluster in clusters.clusters { result[cluster.anchor.rawValue] = cluster.members.map(\.id.rawValue) }
        return result
    }

    /// Which box each box is drawn in: anchor id → the enclosing box's anchor id ("" at the top).
    func nesting(_ view: Graph) -> [String: String] {
        let clusters = DOTClusters(view: view.nodes.sorted { $0.id < $1.id }, context: view, options: DOTOptions()).clusters
        var result: [String: String] = [:]
        for cluster in clusters { result[cluster.anchor.rawValue] = cluster.parent.map { clusters[$0].anchor.rawValue } ?? "" }
        return result
    }

    static let countries = "us,country,United States\ncn,country,China\n"

    @Test func memberOfChainsEndInTheCountry() throws {
        let g = try graph(Self.countries + "state,agency,State\nbureau,agency,Bureau\nenvoy,official,Envoy\n",
                          "state,memberOf,us\nbureau,memberOf,state\nenvoy,memberOf,bureau\n")
        // Each actor with members is a box inside the box of what it belongs to; China, with no
        // members, is no box.
        #expect(boxes(g) == ["us": ["us"], "state": ["state"], "bureau": ["bureau", "envoy"]])
        #expect(nesting(g) == ["us": "", "state": "us", "bureau": "state"])
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
        #expect(boxes(g) == ["us": ["us"], "state": ["envoy", "state"], "cn": ["cn", "mfa"]])
        #expect(nesting(g)["state"] == "us")
    }

    @Test func aNodeOfTwoCountriesStaysOutside() throws {
        let g = try graph(Self.countries + "a,organization,A\nb,organization,B\nscholar,person,Scholar\n",
                          "a,memberOf,us\nb,memberOf,cn\nscholar,memberOf,a\nscholar,memberOf,b\n")
        #expect(boxes(g) == ["us": ["a", "us"], "cn": ["b", "cn"]])
    }

    @Test func takingPartInAnEventIsNotBelonging() throws {
        let g = try graph(Self.countries + "talks,event,Talks\nun,organization,UN\n",
                          "us,participatesIn,talks\nus,memberOf,un\n")
        // The UN has a member, so it is a box; China has none, and no box.
        #expect(boxes(g) == ["un": ["un", "us"]])
    }

    @Test func aPartKeepsTheBoxesOfTheWhole() throws {
        let whole = try graph(Self.countries + "state,agency,State\nenvoy,official,Envoy\ndeal,framework,Deal\n",
                              "state,memberOf,us\nenvoy,memberOf,state\nenvoy,supports,deal\n")
        let part = try whole.selecting(GraphSelection(relations: [.supports], kinds: [.official, .framework]))
        #expect(boxes(part) == [:])
        #expect(boxes(part, context: whole) == ["us": [], "state": ["envoy"]])
        let dot = DOTRenderer(options: DOTOptions(clusters: true)).render(part, context: whole)
        #expect(dot.contains("  subgraph \"cluster_country_us\" {\n    graph [label=\"United States\""))
        #expect(dot.contains("    subgraph \"cluster_agency_state\" {\n      graph [label=\"State\""))
    }

    @Test func boxesAreLabelledInTheChosenLanguageAndSortedById() throws {
        let g = try GraphLoader.load(nodes: Array("id,kind,label,label_zh\nzz,country,Zed,泽\naa,country,Ay,\nm,agency,M,\nn,agency,N,\n".utf8),
                                     edges: Array("from,relation,to\nm,memberOf,zz\nn,memberOf,aa\n".utf8)).graph
        let clusters = DOTClusters(view: g.nodes.sorted { $0.id < $1.id }, context: g, options: DOTOptions(language: .chinese))
        #expect(clusters.clusters.map(\.name) == ["cluster_country_aa", "cluster_country_zz"])
        #expect(clusters.clusters.map(\.label) == ["Ay", "泽"])
    }

    @Test func aDelegationACountryLeadsWithAMemberOfTheOtherIsJoint() throws {
        let g = try graph(Self.countries + "mfa,agency,MFA\ndel,delegation,Delegation\nenvoy,official,Envoy\naide,person,Aide\n",
                          "us,leads,del\nmfa,memberOf,cn\nenvoy,memberOf,mfa\nenvoy,memberOf,del\naide,memberOf,del\n")
        // The envoy keeps China (rule 2 comes first); the delegation has both countries, and so
        // has the aide, who belongs only to it.
        #expect(boxes(g) == ["cn": ["cn"], "mfa": ["envoy", "mfa"]])
    }

    @Test func memberOfCyclesEnd() throws {
        let g = try graph(Self.countries + "a,agency,A\nb,agency,B\n", "a,memberOf,b\nb,memberOf,a\nb,memberOf,us\n")
        // a and b are members of each other: neither box can be inside the other, so both are
        // drawn in us (what the circle is a member of), and neither has a box of its own.
        #expect(boxes(g) == ["us": ["a", "b", "us"]])
        let clusters = DOTClusters(view: g.nodes.sorted { $0.id < $1.id }, context: g, options: DOTOptions())
        #expect(clusters.unshown.map { "\($0.member) memberOf \($0.anchor)" } == ["a memberOf b", "b memberOf a"])
    }

    static let summit = """
        g7,organization,G7
        eu,organization,European Union
        commission,agency,European Commission
        france,country,France
        ireland,country,Ireland
        japan,country,Japan
        brazil,country,Brazil

        """

    /// The user's report: after `eu memberOf g7`, the EU's box is inside the G7's, and the
    /// Commission stays in the EU's; France, a member of both, is in the EU's box (inside the
    /// G7's, so both memberships show); a country without members has no box.
    @Test func boxesNestAsMembershipsDo() throws {
        let g = try graph(Self.summit, """
            commission,memberOf,eu
            france,memberOf,eu
            ireland,memberOf,eu
            france,memberOf,g7
            japan,memberOf,g7
            eu,memberOf,g7

            """)
        #expect(boxes(g) == ["g7": ["g7", "japan"], "eu": ["commission", "eu", "france", "ireland"]])
        #expect(nesting(g) == ["g7": "", "eu": "g7"])
        let clusters = DOTClusters(view: g.nodes.sorted { $0.id < $1.id }, context: g, options: DOTOptions())
        #expect(clusters.unshown == [])
        #expect(!clusters.contains("brazil"))
    }

    /// Two organizations that do not nest: the member is drawn once, outside both (the box that
    /// holds both, when there is one), and the memberships left out are listed in the DOT.
    @Test func aMemberOfTwoOrganizationsThatDoNotNestIsDrawnOnceInTheBoxHoldingBoth() throws {
        let g = try graph(Self.summit, """
            commission,memberOf,eu
            japan,memberOf,g7
            france,memberOf,eu
            france,memberOf,g7

            """)
        #expect(boxes(g) == ["g7": ["g7", "japan"], "eu": ["commission", "eu"]])
        let clusters = DOTClusters(view: g.nodes.sorted { $0.id < $1.id }, context: g, options: DOTOptions())
        #expect(clusters.unshown.map { "\($0.member) memberOf \($0.anchor)" } == ["france memberOf eu", "france memberOf g7"])
        let dot = DOTRenderer(options: DOTOptions(clusters: true)).render(g)
        #expect(dot.contains("""

              // Memberships not drawn as boxes (a node is drawn in one box only):
              // "france" memberOf "eu"
              // "france" memberOf "g7"

            """))
        // With a box around both, France is drawn in it.
        let wider = try graph(Self.summit + "un,organization,UN\n", """
            commission,memberOf,eu
            japan,memberOf,g7
            france,memberOf,eu
            france,memberOf,g7
            eu,memberOf,un
            g7,memberOf,un

            """)
        #expect(boxes(wider)["un"] == ["france", "un"])
        #expect(nesting(wider) == ["un": "", "eu": "un", "g7": "un"])
    }

    /// The rules written as equations and solved by brute force (iterate until nothing changes),
    /// against `Affiliations`, on random graphs with cycles, joint delegations and chains.
    @Test(arguments: (1...40).map { UInt64($0) })
    func affiliationsFollowTheRulesOnRandomGraphs(_ seed: UInt64) throws {
        var random = DOTRandom(seed: seed)
        let kinds: [Kind] = [.country, .agency, .official, .person, .organization, .delegation, .event]
        let n = 30
        let nodeKinds = (0..<n).map { i in i < 3 ? Kind.country : kinds.randomElement(using: &random) ?? .agency }
        var edgeRows: [[String]] = []
        let relations: [Relation] = [.memberOf, .memberOf, .memberOf, .leads, .participatesIn]
        for _ in 0..<70 {
            let a = Int.random(in: 0..<n, using: &random), b = Int.random(in: 0..<n, using: &random)
            let r = relations.randomElement(using: &random) ?? .memberOf
            if a != b, Schema.builtIn.allows(r, from: nodeKinds[a], to: nodeKinds[b]) { edgeRows.append(["n\(a)", r.rawValue, "n\(b)"]) }
        }
        let nodes = CSVWriter.document(header: ["id", "kind", "label"], rows: (0..<n).map { ["n\($0)", nodeKinds[$0].rawValue, "N\($0)"] })
        let edges = CSVWriter.document(header: ["from", "relation", "to"], rows: edgeRows)
        let g = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let anchors: Set<String> = ["n0", "n1", "n2"]
        let edgeList = g.edges
        func parents(_ id: String, _ relation: Relation) -> [String] {
            edgeList.filter { $0.from.rawValue == id && $0.relation == relation }.map(\.to.rawValue)
        }
        func isDelegation(_ id: String) -> Bool { g.kind(of: NodeID(id)) == .delegation }
        let ids = (0..<n).map { "n\($0)" }
        // Rules 1 and 2: own(n) = {n} for an anchor, else the own sets of what n is memberOf
        // (not through delegations), and the anchors that lead n.
        var own: [String: Set<String>] = [:]
        var changed = true
        while changed {
            changed = false
            for id in ids {
                var set: Set<String> = anchors.contains(id) ? [id] : []
                if !anchors.contains(id) {
                    for p in parents(id, .memberOf) where !isDelegation(p) { set.formUnion(own[p] ?? []) }
                    for e in edgeList where e.to.rawValue == id && e.relation == .leads && anchors.contains(e.from.rawValue) {
                        set.insert(e.from.rawValue)
                    }
                }
                if set != own[id] ?? [] { own[id] = set; changed = true }
            }
        }
        // Rules 3 and 4.
        var final: [String: Set<String>] = [:]
        changed = true
        while changed {
            changed = false
            for id in ids {
                var set = own[id] ?? []
                if !anchors.contains(id) {
                    if isDelegation(id) {
                        for e in edgeList where e.to.rawValue == id && [.leads, .participatesIn, .memberOf].contains(e.relation) {
                            set.formUnion(own[e.from.rawValue] ?? [])
                        }
                    }
                    if (own[id] ?? []).isEmpty {
                        for p in parents(id, .memberOf) { set.formUnion(final[p] ?? []) }
                    }
                }
                if set != final[id] ?? [] { final[id] = set; changed = true }
            }
        }
        let affiliations = Affiliations(graph: g, anchors: anchors.compactMap { g.index[NodeID($0)] })
        for id in ids {
            #expect(Set(affiliations.anchors(of: NodeID(id)).map(\.rawValue)) == final[id] ?? [], "\(id) with edges \(edgeRows)")
        }
    }
}
