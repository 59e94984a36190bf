import Testing
@testable import PolicyGraph

/// The stance table on `Fixtures/overlap/graph` (positions as listed in OverlapTests), with the
/// cells worked out by hand from its edges.
@Suite struct StanceTableTests {
    let countries: [NodeID] = ["atlantis", "borealis", "cydonia", "dorado"]

    func table(_ actors: [NodeID]? = nil, kind: Kind? = nil, order: StanceTableOrder = .id,
               options: PositionOptions = PositionOptions()) throws -> StanceTable {
        try OverlapTestGraphs.fixture().stanceTable(StanceTableRequest(actors: actors, actorKind: kind, order: order, options: options))
    }

    @Test func cellsAreTheStancesOverlapUses() throws {
        let t = try table(countries)
        #expect(t.actors == countries)
        // The cancelled treaty of borealis is a column: a stance of 0 with its evidence.
        #expect(t.targets == ["accord", "arms-race", "charter", "export-ban", "pact", "treaty"])
        #expect(t.values == [
            [1, -1, 0.5, -1, nil, 1],
            [1, nil, -1, -0.25, 1, 0],
            [1, -1, 1, 1, nil, nil],
            [nil, nil, nil, nil, nil, nil],
        ])
        #expect(t.cells[0].map { $0?.symbol } == ["+", "−", "+0.5", "−", nil, "+"])
        #expect(t.cells[1].map { $0?.symbol } == ["+", nil, "−", "−0.25", "+", "0"])
        #expect(t.cells[1][5]?.evidence.map(\.cite) == ["B6: Borealis backs the Treaty", "B7: Borealis also rejects the Treaty"])
        #expect(t.cells[1][4]?.evidence.count == 2)
    }

    @Test func inheritAddsTheMembersStances() throws {
        let t = try table(["atlantis", "borealis"], options: PositionOptions(inherit: true))
        // atlantis with its ministry, bureau and envoy: accord 1 - 0.5 (bureau) = 0.5; charter
        // 0.5 + 0.5 (ministry) = 1; export-ban -1 + 1 (envoy) = 0; pact +1 (ministry); misuse
        // -1 (bureau). borealis with its council: accord 1 - 1 = 0.
        #expect(t.targets == ["accord", "arms-race", "charter", "export-ban", "misuse", "pact", "treaty"])
        #expect(t.values[0] == [0.5, -1, 1, 0, -1, 1, 1])
        #expect(t.values[1] == [0, nil, -1, -0.25, nil, 1, 0])
    }

    @Test func asOfKeepsOnlyEdgesDatedByThatDay() throws {
        // As of 2024-05 (= 2024-05-01): A2 (2024-05-14), A5 (2025), B1 and B2 (2024-05-14) drop.
        let t = try table(["atlantis", "borealis"], options: PositionOptions(asOf: "2024-05"))
        #expect(t.targets == ["accord", "arms-race", "export-ban", "pact", "treaty"])
        #expect(t.values == [[1, -1, -1, nil, nil], [nil, nil, -0.25, 1, 0]])
    }

    @Test func rollUpAddsTheBroaderColumns() throws {
        let g = try OverlapTestGraphs.graph(nodes: RollUpTests.nodes, edges: RollUpTests.edges)
        let plain = try g.stanceTable(StanceTableRequest(actors: ["us", "cn"], order: .id))
        #expect(plain.targets == ["ai-controls", "bio-risk", "chip-controls", "nuclear-risk", "restrictions", "safety-risk"])
        let rolled = try g.stanceTable(StanceTableRequest(actors: ["us", "cn"], order: .id, options: PositionOptions(rollUp: true)))
        #expect(rolled.targets == ["ai-controls", "bio-risk", "chip-controls", "existential-risk", "nuclear-risk", "restrictions", "safety-risk"])
        // Rows by id: cn, then us.
        #expect(rolled.values == [[nil, nil, nil, nil, nil, -1, -1], [1, 0.5, 1, -0.5, -1, 1, -0.5]])
        // The rolled-up cell says which narrower targets and cites it came from.
        #expect(rolled.cells[1][5]?.evidence.map { "\($0.to) \($0.cite ?? "")" } == ["chip-controls U1", "ai-controls U2"])
    }

    @Test func defaultRowsAreEveryActorHoldingAStance() throws {
        let t = try table()
        #expect(Set(t.actors) == ["atlantis", "atlantis-bureau", "atlantis-envoy", "atlantis-ministry", "borealis", "borealis-council", "cydonia"])
        // A kind gives every node of it, the silent dorado too.
        #expect(try table(kind: .country).actors == countries)
    }

    @Test func similarRowsAndColumnsSitTogether() throws {
        let g = try OverlapTestGraphs.graph(
            nodes: "id,kind,label\na,country,\nb,country,\nc,country,\nd,country,\nt1,topic,\nt2,topic,\nt3,topic,\nt4,topic,\n",
            edges: """
                from,relation,to
                a,supports,t1
                a,supports,t3
                b,opposes,t1
                b,opposes,t3
                b,supports,t2
                c,supports,t1
                c,supports,t3
                d,supports,t2
                d,supports,t4

                """)
        let t = try g.stanceTable(StanceTableRequest(actors: ["a", "b", "c", "d"]))
        // a and c hold the same stances; t1 and t3 are held the same way by everyone.
        let a = try #require(t.actors.firstIndex(of: "a"))
        let c = try #require(t.actors.firstIndex(of: "c"))
        #expect(abs(a - c) == 1)
        let t1 = try #require(t.targets.firstIndex(of: "t1"))
        let t3 = try #require(t.targets.firstIndex(of: "t3"))
        #expect(abs(t1 - t3) == 1)
        // Deterministic: the same request gives the same order.
        #expect(try g.stanceTable(StanceTableRequest(actors: ["d", "c", "b", "a"])) == t)
    }

    @Test func sortByCountPutsTheBusiestFirst() throws {
        let t = try table(countries, order: .count)
        // atlantis and borealis hold 5 each (ties by id), cydonia 4, dorado none.
        #expect(t.actors == ["atlantis", "borealis", "cydonia", "dorado"])
        // accord, charter and export-ban are held by 3 each (ties by id); arms-race and treaty by 2.
        #expect(t.targets.prefix(3) == ["accord", "charter", "export-ban"])
    }

    @Test func givenTargetsAreTheColumnsAndARepeatedActorIsAnError() throws {
        let t = try OverlapTestGraphs.fixture().stanceTable(StanceTableRequest(actors: ["cydonia"], targets: ["pact", "accord"], order: .id))
        #expect(t.targets == ["accord", "pact"])
        #expect(t.values == [[1, nil]])
        #expect(throws: QueryError.self) {
            try OverlapTestGraphs.fixture().stanceTable(StanceTableRequest(actors: ["cydonia", "cydonia"]))
        }
    }
}
