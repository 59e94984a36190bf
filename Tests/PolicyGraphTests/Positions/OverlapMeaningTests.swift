import Testing
@testable import PolicyGraph

/// The sentence under each measure, on the hand-computed pairs of `Fixtures/overlap/graph`
/// (values in OverlapTests and SharedAgreementTests).
@Suite struct OverlapMeaningTests {
    /// atlantis–borealis: |U| = 6, 2 agree, 1 conflict, 3 only one; kappa 0, pi −1/47, sScore 0.125.
    @Test func atlantisAndBorealis() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "borealis")
        #expect(overlap.meaning(of: .jaccard) == "they take the same side on 2 of the 6 targets either takes a stance on.")
        #expect(overlap.meaning(of: .signed)
            == "they agree on 1 target more than they conflict on, out of the 6 targets either takes a stance on; the 3 targets only one addresses pull it towards 0.")
        // 1 − 0.125 = 0.875 → 0.88 apart on average.
        #expect(overlap.meaning(of: .sScore).hasPrefix("their stances are 0.88 apart on average"))
        #expect(overlap.meaning(of: .kappa)
            == "kappa = 0: they agree exactly as often as two actors taking these stances at random would, although they agree on 2 and conflict on 1 of the targets both address: the 3 targets only one addresses count as disagreements.")
        #expect(overlap.meaning(of: .pi).hasPrefix("pi < 0: they agree less often than two actors drawing at random from their pooled stances would, although"))
        #expect(overlap.meaning(of: .agreement)
            == "on the 3 targets both take a stance on, they agree on 2 and conflict on 1; the 3 targets only one addresses are left out.")
    }

    /// atlantis–cydonia: |U| = 5, 3 agree, 1 conflict; kappa 2/7 > 0; sScore 0.3.
    @Test func atlantisAndCydonia() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "cydonia")
        #expect(overlap.meaning(of: .signed).hasPrefix("they agree on 2 targets more than they conflict on, out of the 5 targets"))
        #expect(overlap.meaning(of: .sScore).hasPrefix("their stances are 0.70 apart on average"))
        #expect(overlap.meaning(of: .kappa) == "kappa > 0: they agree more often than two actors taking these stances at random would.")
        #expect(overlap.meaning(of: .agreement)
            == "on the 4 targets both take a stance on, they agree on 3 and conflict on 1; the 1 target only one addresses is left out.")
    }

    /// borealis–cydonia: U = {accord, charter, export-ban, pact, arms-race}: 1 agree, 2 conflict.
    @Test func moreConflictThanAgreementSaysSo() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "borealis", and: "cydonia")
        #expect(overlap.meaning(of: .signed).hasPrefix("they conflict on 1 target more than they agree on, out of the 5 targets"))
    }

    @Test func undefinedMeasuresSayWhy() throws {
        let graph = try OverlapTestGraphs.fixture()
        let nothing = try graph.overlap(between: "dorado", and: "dorado")
        for measure in OverlapMeasure.allCases {
            #expect(nothing.meaning(of: measure) == "undefined: neither takes a stance on anything, so there is nothing to compare.")
        }
        let alone = try graph.overlap(between: "atlantis", and: "dorado")
        #expect(alone.meaning(of: .agreement) == "undefined: they take no stance on a common target.")
        #expect(alone.meaning(of: .jaccard) == "they take the same side on 0 of the 5 targets either takes a stance on.")
        // Both support the one target there is: p_e = 1, so kappa and pi are undefined.
        let pair = try OverlapTestGraphs.graph(nodes: "id,kind,label\nx,country,\ny,country,\nt,topic,\n",
                                               edges: "from,relation,to\nx,supports,t\ny,supports,t\n")
            .overlap(between: "x", and: "y")
        #expect(pair.kappa == nil)
        #expect(pair.meaning(of: .kappa)
            == "undefined: both take one and the same side on all of the 1 target either takes a stance on, so chance alone explains their agreement.")
        #expect(pair.meaning(of: .pi) == pair.meaning(of: .kappa))
    }
}
