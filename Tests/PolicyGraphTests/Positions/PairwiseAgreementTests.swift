import Testing
import TestSupport
@testable import PolicyGraph

/// The fast all-pairs agreement against a brute force over every pair of overlaps.
@Suite struct PairwiseAgreementTests {
    /// Every pair a < b in id order, counted from ``Graph/overlap(between:and:options:)``, the
    /// best pair scanned exactly as the benchmark defines it.
    func bruteForce(_ graph: Graph, actors: [NodeID], options: PositionOptions = PositionOptions()) throws -> PairwiseAgreement {
        let sorted = actors.sorted()
        var agree = 0
        var conflict = 0
        var best: PairAgreement?
        for i in sorted.indices {
            for j in sorted.indices where j > i {
                let overlap = try graph.overlap(between: sorted[i], and: sorted[j], options: options)
                agree += overlap.agree.count
                conflict += overlap.conflict.count
                let pair = PairAgreement(first: sorted[i], second: sorted[j], agree: overlap.agree.count,
                                         conflict: overlap.conflict.count, union: overlap.union)
                guard pair.union > 0 else { continue }
                if let current = best {
                    if pair.agree * current.union > current.agree * pair.union { best = pair }
                } else {
                    best = pair
                }
            }
        }
        return PairwiseAgreement(actors: sorted, agree: agree, conflict: conflict, best: best)
    }

    @Test func fastPathEqualsBruteForceOnRandomGraphs() throws {
        for seed in UInt64(10)...17 {
            let graph = try OverlapTestGraphs.random(seed: seed, actors: 15, targets: 12, stances: 4, agencies: 4)
            let countries = graph.nodes(of: .country).map(\.id)
            #expect(try graph.pairwiseAgreement(kind: .country) == bruteForce(graph, actors: countries), "seed \(seed)")
            let options = PositionOptions(inherit: true, asOf: "2024-05")
            #expect(try graph.pairwiseAgreement(kind: .country, options: options) == bruteForce(graph, actors: countries, options: options))
        }
    }

    @Test func fixtureCountsByHand() throws {
        let result = try OverlapTestGraphs.fixture().pairwiseAgreement(kind: .country)
        // atlantis–borealis 2 agree 1 conflict (U 6); atlantis–cydonia 3/1 (U 5);
        // atlantis–dorado 0/0 (U 5); borealis–cydonia 1/2 (U 5); borealis–dorado 0/0 (U 4);
        // cydonia–dorado 0/0 (U 4). Best ratio: atlantis–cydonia 3/5.
        #expect(result.actors == ["atlantis", "borealis", "cydonia", "dorado"])
        #expect(result.pairCount == 6)
        #expect(result.agree == 6)
        #expect(result.conflict == 4)
        #expect(result.best == PairAgreement(first: "atlantis", second: "cydonia", agree: 3, conflict: 1, union: 5))
        #expect(result.best?.jaccard == 0.6)
    }

    @Test func tiesGoToTheSmallestPairAndNoAgreementFallsBackToTheFirstNonEmptyPair() throws {
        let nodes = "id,kind,label\n" + ["d", "c", "b", "a"].map { "\($0),country,\($0)\n" }.joined() + "f,framework,F\ng,framework,G\n"
        // b–c and c–d both agree on f with union 1 (ratio 1); b < c so b–c wins despite file order.
        let tie = try OverlapTestGraphs.graph(nodes: nodes, edges: "from,relation,to\nd,supports,f\nc,supports,f\nb,supports,f\n")
        #expect(try tie.pairwiseAgreement(kind: .country).best == PairAgreement(first: "b", second: "c", agree: 1, conflict: 0, union: 1))
        // Nobody agrees: a has no stance, so the first pair with a non-empty union is a–c.
        let apart = try OverlapTestGraphs.graph(nodes: nodes, edges: "from,relation,to\nc,supports,f\nd,opposes,f\n")
        let result = try apart.pairwiseAgreement(kind: .country)
        #expect(result.best == PairAgreement(first: "a", second: "c", agree: 0, conflict: 0, union: 1))
        #expect(result.conflict == 1)
        // Nobody takes a stance: no best pair.
        let silent = try OverlapTestGraphs.graph(nodes: nodes, edges: "from,relation,to\n")
        #expect(try silent.pairwiseAgreement(kind: .country).best == nil)
        #expect(try silent.pairwiseAgreement(actors: ["a"]).best == nil)
    }

    @Test func repeatedActorsAndUnknownKindsThrow() throws {
        let graph = try OverlapTestGraphs.fixture()
        #expect(throws: QueryError(.invalidArgument("actor 'borealis' is listed twice"))) {
            try graph.pairwiseAgreement(actors: ["borealis", "atlantis", "borealis"])
        }
        let thrown = #expect(throws: QueryError.self) { try graph.pairwiseAgreement(kind: "contry") }
        #expect(thrown.map { caseName($0.reason) } == "unknownKind")
    }
}
