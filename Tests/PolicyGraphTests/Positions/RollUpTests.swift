import Testing
@testable import PolicyGraph

/// Stances rolled up `partOf` hierarchies, on a small graph worked by hand.
///
///   chip-controls, ai-controls  partOf  restrictions (frameworks)
///   nuclear-risk, bio-risk      partOf  existential-risk  partOf  safety-risk (risks)
///   cn opposes restrictions; us supports chip-controls and ai-controls (2024-06);
///   us opposes nuclear-risk, supports bio-risk ×0.5; cn opposes safety-risk.
@Suite struct RollUpTests {
    static let nodes = """
        id,kind,label
        us,country,United States
        cn,country,China
        restrictions,framework,US restrictions on China
        chip-controls,framework,Chip export controls
        ai-controls,framework,AI export controls
        safety-risk,risk,AI safety risk
        existential-risk,risk,Existential risk
        nuclear-risk,risk,Nuclear risk
        bio-risk,risk,Biological risk

        """
    static let edges = """
        from,relation,to,weight,date,cite
        chip-controls,partOf,restrictions,,,H1
        ai-controls,partOf,restrictions,,,H2
        nuclear-risk,partOf,existential-risk,,,H3
        bio-risk,partOf,existential-risk,,,H4
        existential-risk,partOf,safety-risk,,,H5
        cn,opposes,restrictions,,2024-05-14,C1
        us,supports,chip-controls,,2023-10-17,U1
        us,supports,ai-controls,,2024-06,U2
        us,opposes,nuclear-risk,,,U3
        us,supports,bio-risk,0.5,,U4
        cn,opposes,safety-risk,,,C2

        """

    func graph() throws -> Graph { try OverlapTestGraphs.graph(nodes: Self.nodes, edges: Self.edges) }

    @Test func aStanceOnANarrowerTargetCountsForEachBroaderOne() throws {
        let us = try graph().position(of: "us", options: PositionOptions(rollUp: true))
        // restrictions: +1 (chip) +1 (ai) = 2, clamped to +1, both edges as evidence.
        let restrictions = try #require(us.stance(on: "restrictions"))
        #expect(restrictions.value == 1)
        #expect(restrictions.evidence.map(\.to) == ["chip-controls", "ai-controls"])
        #expect(restrictions.evidence.map(\.cite) == ["U1", "U2"])
        // existential-risk: -1 (nuclear) + 0.5 (bio) = -0.5; safety-risk, two levels up, the same.
        #expect(us.stance(on: "existential-risk")?.value == -0.5)
        #expect(us.stance(on: "safety-risk")?.value == -0.5)
        #expect(us.stance(on: "safety-risk")?.evidence.map(\.cite) == ["U3", "U4"])
        // The narrower targets keep their own stances; nothing rolls down.
        #expect(us.stance(on: "nuclear-risk")?.value == -1)
        let cn = try graph().position(of: "cn", options: PositionOptions(rollUp: true))
        #expect(cn.stance(on: "chip-controls") == nil)
        #expect(cn.stances.map(\.target) == ["restrictions", "safety-risk"])
    }

    @Test func withoutRollUpTheHierarchyIsIgnored() throws {
        let us = try graph().position(of: "us")
        #expect(us.stances.map(\.target) == ["ai-controls", "bio-risk", "chip-controls", "nuclear-risk"])
    }

    @Test func rollUpTurnsOnlyOneSideIntoConflicts() throws {
        let g = try graph()
        // Without roll-up they share nothing: U = 4 of us + 2 of cn, no agreement to speak of.
        let plain = try g.overlap(between: "us", and: "cn")
        #expect(plain.conflict.isEmpty)
        #expect(plain.agreement == nil)
        // With it: restrictions (+1 vs -1) conflict; safety-risk (-0.5 vs -1) agree.
        let rolled = try g.overlap(between: "us", and: "cn", options: PositionOptions(rollUp: true))
        #expect(rolled.conflict.map(\.target) == ["restrictions"])
        #expect(rolled.agree.map(\.target) == ["safety-risk"])
        #expect(rolled.agreement == 0.5)
    }

    @Test func theMatrixRollsUpLikeEachPair() throws {
        let g = try graph()
        let options = PositionOptions(rollUp: true)
        for measure in OverlapMeasure.allCases {
            let matrix = try g.overlapMatrix(actors: ["cn", "us"], measure: measure, options: options)
            #expect(matrix.value(between: "cn", and: "us") == (try g.overlap(between: "cn", and: "us", options: options).value(of: measure)))
        }
    }

    @Test func asOfDropsLaterStancesBeforeTheyRollUp() throws {
        // As of 2024-05 the AI controls (2024-06) are not there yet: restrictions come from chips alone.
        let us = try graph().position(of: "us", options: PositionOptions(asOf: "2024-05", rollUp: true))
        #expect(us.stance(on: "restrictions")?.evidence.map(\.cite) == ["U1"])
    }

    @Test func targetKindsPickTheColumnsNotTheEdgesFollowed() throws {
        let g = try OverlapTestGraphs.graph(
            nodes: "id,kind,label\nus,country,\nchips,technology,\nsupply-chains,topic,\n",
            edges: "from,relation,to\nchips,partOf,supply-chains\nus,supports,chips\n")
        let us = try g.position(of: "us", options: PositionOptions(targetKinds: [.topic], rollUp: true))
        #expect(us.stances.map(\.target) == ["supply-chains"])
        #expect(us.stances.first?.evidence.map(\.to) == ["chips"])
    }

    @Test func cyclesOfPartOfEnd() throws {
        let g = try OverlapTestGraphs.graph(
            nodes: "id,kind,label\nus,country,\na,topic,\nb,topic,\n",
            edges: "from,relation,to\na,partOf,b\nb,partOf,a\nus,supports,a\n")
        let us = try g.position(of: "us", options: PositionOptions(rollUp: true))
        #expect(us.stances.map(\.target) == ["a", "b"])
        #expect(us.stances.map(\.value) == [1, 1])
    }

    @Test func partOfIsInTheBuiltInSchemaBetweenTargetsAndIsNoStance() throws {
        let rule = try #require(Schema.builtIn.relations.first { $0.relation == .partOf })
        #expect(rule.polarity == 0)
        // A country is not part of a topic.
        let bad = try? OverlapTestGraphs.graph(nodes: "id,kind,label\nus,country,\na,topic,\n", edges: "from,relation,to\nus,partOf,a\n")
        #expect(bad == nil)
    }
}
