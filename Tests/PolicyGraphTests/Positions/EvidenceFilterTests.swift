import Testing
@testable import PolicyGraph

@Suite("Positions filtered by evidence")
struct EvidenceFilterTests {
    /// a: t1 stated, t2 inferred, t3 reported (against); b: every stance without evidence (stated).
    func graph() throws -> Graph {
        try OverlapTestGraphs.graph(
            nodes: "id,kind,label\na,country,A\nb,country,B\nt1,topic,T1\nt2,topic,T2\nt3,topic,T3\n",
            edges: """
            from,relation,to,weight,date,cite,by,evidence
            a,supports,t1,,,,,stated
            a,supports,t2,,,,authors,inferred
            a,opposes,t3,,,,x,reported
            b,supports,t1,,,,,
            b,opposes,t2,,,,,
            b,opposes,t3,,,,,

            """)
    }

    @Test func everyEvidenceByDefault() throws {
        // U = {t1, t2, t3}: agree t1, t3; conflict t2. jaccard = 2/3.
        let overlap = try graph().overlap(between: "a", and: "b")
        #expect(overlap.agree.map(\.target) == ["t1", "t3"])
        #expect(overlap.conflict.map(\.target) == ["t2"])
        #expect(overlap.jaccard == 2.0 / 3.0)
    }

    @Test func statedOnlyDropsTheInferredAndReportedStances() throws {
        // a keeps t1 only; b's empty cells count as stated. agree t1; only b: t2, t3. jaccard = 1/3.
        let overlap = try graph().overlap(between: "a", and: "b", options: PositionOptions(evidence: [.stated]))
        #expect(overlap.agree.map(\.target) == ["t1"])
        #expect(overlap.conflict.isEmpty)
        #expect(overlap.onlySecond.map(\.target) == ["t2", "t3"])
        #expect(overlap.jaccard == 1.0 / 3.0)
    }

    @Test func statedAndReported() throws {
        // a keeps t1, t3: agree t1, t3; only b: t2. jaccard = 2/3, no conflict left.
        let overlap = try graph().overlap(between: "a", and: "b", options: PositionOptions(evidence: [.stated, .reported]))
        #expect(overlap.agree.map(\.target) == ["t1", "t3"])
        #expect(overlap.conflict.isEmpty)
        #expect(overlap.onlySecond.map(\.target) == ["t2"])
    }

    @Test func inferredOnlyDropsEmptyCells() throws {
        let position = try graph().position(of: "b", options: PositionOptions(evidence: [.inferred]))
        #expect(position.stances.isEmpty)
        let a = try graph().position(of: "a", options: PositionOptions(evidence: [.inferred]))
        #expect(a.stances.map(\.target) == ["t2"])
    }

    @Test func keepingEvidenceKeepsFactsAndDropsOtherStances() throws {
        let kept = try graph().keepingEvidence([.inferred])
        #expect(kept.nodeCount == 5)
        #expect(kept.edges.map { "\($0.from) \($0.relation) \($0.to)" } == ["a supports t2"])
    }
}
