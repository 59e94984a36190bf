import Testing
@testable import PolicyGraph

/// s(t) = clamp(Σ polarity × weight, -1, 1), with inherit, target kinds and as-of.
@Suite struct PositionTests {
    let nodes = """
        id,kind,label
        land,country,Land
        ministry,agency,Ministry
        office,agency,Office
        clerk,official,Clerk
        stranger,official,Stranger
        f1,framework,F1
        f2,framework,F2
        r1,risk,R1

        """

    @Test func stanceSumsPolarityTimesWeightThenClamps() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to,weight
            land,supports,f1,0.5
            land,supports,f1,0.25
            land,opposes,f2,
            land,opposes,f2,
            land,supports,r1,3
            land,opposes,r1,1.5

            """)
        let position = try graph.position(of: "land")
        // f1: +0.5 + 0.25 = 0.75; f2: -1 - 1 = -2 → clamped to -1; r1: +3 - 1.5 = 1.5 → clamped to 1.
        #expect(position.stances.map(\.target) == ["f1", "f2", "r1"])
        #expect(position.stances.map(\.value) == [0.75, -1, 1])
        #expect(position.stance(on: "f2")?.evidence.count == 2)
        #expect(position.stance(on: "f2")?.sign == -1)
        #expect(position.stance(on: "nothing") == nil)
    }

    @Test func cancellingStancesStayWithValueZeroAndTheirEvidence() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to
            land,supports,f1
            land,opposes,f1

            """)
        let stance = try #require(try graph.position(of: "land").stance(on: "f1"))
        #expect(stance.value == 0)
        #expect(stance.sign == 0)
        #expect(stance.evidence.map(\.relation) == [.supports, .opposes])
    }

    @Test func polarityComesFromTheSchema() throws {
        let schema = """
            {"relations": {"endorses": {"stance": 1, "endpoints": [{"from": ["country"], "to": ["framework"]}]},
                           "notes": {"endpoints": [{"from": ["country"], "to": ["framework"]}]}}}
            """
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to
            land,endorses,f1
            land,notes,f2
            land,concernedAbout,r1

            """, schema: schema)
        let position = try graph.position(of: "land")
        // endorses is a stance (+1); notes and concernedAbout have polarity 0 and are no stances.
        #expect(position.stances.map(\.target) == ["f1"])
        #expect(position.stances.map(\.value) == [1])
    }

    @Test func inheritAddsEveryMemberOnceThroughACycleBeforeTheClamp() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to
            ministry,memberOf,land
            office,memberOf,ministry
            ministry,memberOf,office
            clerk,memberOf,office
            clerk,memberOf,ministry
            land,supports,f1
            ministry,supports,f1
            clerk,opposes,f2
            office,supports,f2
            office,supports,r1
            stranger,supports,r1

            """)
        let own = try graph.position(of: "land")
        #expect(own.members.isEmpty)
        #expect(own.stances.map(\.target) == ["f1"])
        let inherited = try graph.position(of: "land", options: PositionOptions(inherit: true))
        // Members: ministry (memberOf land), office (memberOf ministry; the cycle back to ministry
        // ends there), clerk (two paths, counted once); stranger belongs to nobody.
        #expect(inherited.members == ["clerk", "ministry", "office"])
        // f1: land +1 + ministry +1 = 2 → 1 (summed, then clamped); f2: clerk -1 + office +1 = 0;
        // r1: office +1.
        #expect(inherited.stances.map(\.target) == ["f1", "f2", "r1"])
        #expect(inherited.stances.map(\.value) == [1, 0, 1])
        #expect(inherited.stance(on: "f1")?.evidence.map(\.from) == ["land", "ministry"])
    }

    @Test func inheritFollowsOnlyMemberOfTowardsTheActor() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to
            ministry,memberOf,land
            clerk,leads,ministry
            ministry,supports,f1
            clerk,supports,f2

            """)
        let position = try graph.position(of: "ministry", options: PositionOptions(inherit: true))
        // The ministry belongs to land, not the other way round; leading is not belonging.
        #expect(position.members.isEmpty)
        #expect(position.stances.map(\.target) == ["f1"])
    }

    @Test func targetKindsLimitTheTargets() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to
            land,supports,f1
            land,opposes,r1

            """)
        let risks = try graph.position(of: "land", options: PositionOptions(targetKinds: [.risk]))
        #expect(risks.stances.map(\.target) == ["r1"])
        #expect(throws: QueryError(.unknownKind("riks", suggestions: ["risk"]))) {
            try graph.position(of: "land", options: PositionOptions(targetKinds: ["riks"]))
        }
    }

    @Test func asOfKeepsUndatedEdgesAndComparesPeriodsByTheirFirstDay() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: """
            from,relation,to,date
            land,supports,f1,2024
            land,supports,f2,2024-05
            land,opposes,r1,2024-05-14
            land,opposes,f1,
            ministry,memberOf,land,2024-06-01
            ministry,supports,f2,

            """)
        func targets(_ asOf: String, inherit: Bool = false) throws -> [String] {
            try graph.position(of: "land", options: PositionOptions(inherit: inherit, asOf: asOf)).stances
                .map { "\($0.target)=\($0.value)" }
        }
        // 2023: only the undated opposition to f1 (f1 = -1).
        #expect(try targets("2023-12-31") == ["f1=-1.0"])
        // "2024" is 2024-01-01: the edge dated 2024 (= 2024-01-01) is kept, so f1 = +1 - 1 = 0.
        #expect(try targets("2024") == ["f1=0.0"])
        // "2024-05" is 2024-05-01: f2 (2024-05) is kept, r1 (2024-05-14) is not.
        #expect(try targets("2024-05") == ["f1=0.0", "f2=1.0"])
        #expect(try targets("2024-05-14") == ["f1=0.0", "f2=1.0", "r1=-1.0"])
        // The membership is dated too: the ministry speaks for land from 2024-06-01 on.
        #expect(try targets("2024-05-31", inherit: true) == ["f1=0.0", "f2=1.0", "r1=-1.0"])
        #expect(try targets("2024-06", inherit: true) == ["f1=0.0", "f2=1.0", "r1=-1.0"])
        let may = try graph.position(of: "land", options: PositionOptions(inherit: true, asOf: "2024-05-31"))
        #expect(may.members.isEmpty)
        #expect(may.stance(on: "f2")?.evidence.map(\.from) == ["land"])
        let june = try graph.position(of: "land", options: PositionOptions(inherit: true, asOf: "2024-06"))
        #expect(june.stance(on: "f2")?.evidence.map(\.from) == ["land", "ministry"])
    }

    @Test(arguments: ["2024-13", "24", "2024-02-30", "yesterday", ""])
    func invalidAsOfIsAQueryError(date: String) throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: "from,relation,to\n")
        #expect(throws: QueryError(.invalidArgument("'\(date)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD"))) {
            try graph.position(of: "land", options: PositionOptions(asOf: date))
        }
    }

    @Test func unknownActorNamesWhatIsClose() throws {
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: "from,relation,to\n")
        let error = try #require(throws: QueryError.self) { try graph.position(of: "lnad") }
        #expect(error.reason == .unknownNode("lnad", suggestions: ["land"]))
        #expect(error.description == "error: unknown node 'lnad'; did you mean 'land'?")
    }
}
