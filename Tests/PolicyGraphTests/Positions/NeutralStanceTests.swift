import Testing
@testable import PolicyGraph

/// Neutral positions (a stance relation of polarity 0, here `abstains`) in every overlap
/// measure, against values computed by hand (see the comments).
@Suite struct NeutralStanceTests {
    static let schema = #"{"relations": {"abstains": {"stance": 0, "endpoints": [{"from": ["country"], "to": ["framework"]}]}}}"#

    /// a and b on t1..t7: t1 both support, t2 a supports / b opposes, t3 a abstains / b supports,
    /// t4 both abstain, t5 only a (abstains), t6 only b (opposes), t7 both support; c abstains on
    /// t5 only; d holds nothing; e supports and opposes t1 (they cancel: no position).
    static func graph() throws -> Graph {
        var nodes = "id,kind,label\n"
        for actor in ["a", "b", "c", "d", "e"] { nodes += "\(actor),country,\(actor.uppercased())\n" }
        for t in 1...7 { nodes += "t\(t),framework,T\(t)\n" }
        let edges = """
            from,relation,to
            a,supports,t1
            b,supports,t1
            a,supports,t2
            b,opposes,t2
            a,abstains,t3
            b,supports,t3
            a,abstains,t4
            b,abstains,t4
            a,abstains,t5
            b,opposes,t6
            a,supports,t7
            b,supports,t7
            c,abstains,t5
            e,supports,t1
            e,opposes,t1

            """
        return try OverlapTestGraphs.graph(nodes: nodes, edges: edges, schema: schema)
    }

    @Test func neutralPositionIsAStanceOfValueZero() throws {
        let position = try Self.graph().position(of: "a")
        let t3 = try #require(position.stance(on: "t3"))
        #expect(t3.value == 0 && t3.isNeutral && t3.isPosition)
        // Support and opposition that cancel are no position.
        let e = try #require(try Self.graph().position(of: "e").stance(on: "t1"))
        #expect(e.value == 0 && !e.isNeutral && !e.isPosition)
    }

    @Test func neutralAgainstASideIsHalfwayAndBothNeutralAgree() throws {
        let overlap = try Self.graph().overlap(between: "a", and: "b")
        #expect(overlap.agree.map(\.target) == ["t1", "t4", "t7"])
        #expect(overlap.conflict.map(\.target) == ["t2"])
        #expect(overlap.halfway.map(\.target) == ["t3"])
        #expect(overlap.onlyFirst.map(\.target) == ["t5"])
        #expect(overlap.onlySecond.map(\.target) == ["t6"])
        #expect(overlap.union == 7)
    }

    /// n = |U| = 7, agree 3, conflict 1, halfway 1.
    /// jaccard = (3 + 1/2) / 7 = 1/2; signed = (3 - 1) / 7 = 2/7;
    /// sScore: |sA - sB| = 0, 2, 1, 0, 0, 1, 0 → 1 - 4/7 = 3/7.
    /// Weighted kappa, categories (+, neutral, -, none), counts a = [3, 3, 0, 1], b = [3, 1, 2, 1],
    /// weights in halves [[2,1,0,0],[1,2,1,0],[0,1,2,0],[0,0,0,2]]: O = 2·3 + 1 = 7,
    /// E = 3·(2·3 + 1·1) + 3·(3 + 2·1 + 2) + 0 + 1·(2·1) = 21 + 21 + 2 = 44,
    /// kappa = (n·O - E) / (2n² - E) = (49 - 44) / (98 - 44) = 5/54.
    /// Pi: pooled s = [6, 4, 2, 2], F = 6·16 + 4·16 + 2·8 + 2·4 = 184,
    /// pi = (4n·O - F) / (8n² - F) = (196 - 184) / (392 - 184) = 3/52.
    @Test func everyMeasureCountsANeutralPositionHalfway() throws {
        let graph = try Self.graph()
        let overlap = try graph.overlap(between: "a", and: "b")
        #expect(overlap.jaccard == 0.5)
        #expect(abs((overlap.signed ?? 9) - 2.0 / 7) < 1e-12)
        #expect(abs((overlap.sScore ?? 9) - 3.0 / 7) < 1e-12)
        #expect(abs((overlap.kappa ?? 9) - 5.0 / 54) < 1e-12)
        #expect(abs((overlap.pi ?? 9) - 3.0 / 52) < 1e-12)
        // The matrix agrees with the pair to the last bit.
        for measure in OverlapMeasure.allCases {
            let matrix = try graph.overlapMatrix(actors: ["a", "b"], measure: measure)
            #expect(matrix.value(between: "a", and: "b") == overlap.value(of: measure))
        }
    }

    /// c abstains on t5 only, d holds nothing: against a (6 positions), c shares t5 (both
    /// neutral: an agreement), so jaccard = 1/6 and U = 6; d shares nothing, jaccard = 0/6.
    @Test func neutralPositionIsDistinctFromNoStance() throws {
        let graph = try Self.graph()
        let withNeutral = try graph.overlap(between: "a", and: "c")
        #expect(withNeutral.agree.map(\.target) == ["t5"])
        #expect(withNeutral.jaccard == 1.0 / 6)
        let withNothing = try graph.overlap(between: "a", and: "d")
        #expect(withNothing.union == 6 && withNothing.jaccard == 0)
        // c's own U is {t5}: a neutral position alone makes the measures defined.
        #expect(try graph.overlap(between: "c", and: "d").jaccard == 0)
        #expect(try graph.overlap(between: "d", and: "e").jaccard == nil)
    }

    /// Pairs of {a, b, c}: a–b agree 3, conflict 1, halfway 1 (above); a–c agree 1 (t5);
    /// b–c nothing shared. Sums: agree 4, conflict 1, halfway 1; best pair a–b with
    /// (2·3 + 1) / (2·7) = 1/2 against a–c's 1/6.
    @Test func pairwiseAgreementCountsNeutralPositions() throws {
        let summary = try Self.graph().pairwiseAgreement(actors: ["a", "b", "c"])
        #expect(summary.agree == 4 && summary.conflict == 1 && summary.halfway == 1)
        let best = try #require(summary.best)
        #expect(best.first == "a" && best.second == "b" && best.halfway == 1 && best.union == 7 && best.jaccard == 0.5)
    }

    @Test func graphMayDeclareABuiltInRelationAStance() throws {
        let nodes = "id,kind,label\na,country,A\nb,country,B\nf,framework,F\n"
        let edges = "from,relation,to\na,proposes,f\nb,supports,f\n"
        let plain = try OverlapTestGraphs.graph(nodes: nodes, edges: edges)
        #expect(try plain.overlap(between: "a", and: "b").jaccard == 0)
        let declared = try OverlapTestGraphs.graph(nodes: nodes, edges: edges, schema: #"{"relations": {"proposes": {"stance": 1}}}"#)
        #expect(declared.schema.polarity(of: .proposes) == 1)
        #expect(try declared.overlap(between: "a", and: "b").jaccard == 1)
        let flipped = try OverlapTestGraphs.graph(nodes: nodes, edges: edges, schema: #"{"relations": {"supports": {"stance": false}}}"#)
        #expect(!(flipped.schema.rule(for: .supports)?.isStance ?? true))
    }
}
