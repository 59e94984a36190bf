import Testing
@testable import PolicyGraph

/// Agreement on shared targets, agree ÷ (agree + conflict), against hand computations; positions
/// of `Fixtures/overlap/graph` as listed in OverlapTests.
@Suite struct SharedAgreementTests {
    @Test func sameSidesCountOneAgreeOppositeSidesOneConflictNeutralHalfOfEach() {
        // (+,+) 1 agree; (+,−) 1 conflict; (0,+) ½ and ½; (0,0) 1 agree; (−,−) 1 agree.
        let sums = SharedAgreement(signs: [SignPair(1, 1), SignPair(1, -1), SignPair(0, 1), SignPair(0, 0), SignPair(-1, -1)])
        #expect(sums.agree == 3.5)
        #expect(sums.conflict == 1.5)
        #expect(sums.share == 0.7)
    }

    @Test func noSharedTargetHasNoAgreement() {
        #expect(SharedAgreement(signs: []).share == nil)
        #expect(SharedAgreement(agree: 0, conflict: 0).share == nil)
        #expect(SharedAgreement(agree: 0, conflict: 2).share == 0)
    }

    @Test func fixturePairsMatchTheHandComputation() throws {
        let graph = try OverlapTestGraphs.fixture()
        // atlantis–borealis share accord (agree), export-ban (agree), charter (conflict): 2/3.
        #expect(try graph.overlap(between: "atlantis", and: "borealis").agreement == 2.0 / 3)
        // atlantis–cydonia share accord, charter, arms-race (agree) and export-ban (conflict): 3/4.
        #expect(try graph.overlap(between: "atlantis", and: "cydonia").agreement == 0.75)
        // borealis–cydonia share accord (agree), charter and export-ban (conflict): 1/3.
        #expect(try graph.overlap(between: "borealis", and: "cydonia").agreement == 1.0 / 3)
        // dorado takes no stance: nothing shared.
        #expect(try graph.overlap(between: "atlantis", and: "dorado").agreement == nil)
    }

    @Test func theMatrixGivesTheSameAgreementAsEachPair() throws {
        let graph = try OverlapTestGraphs.fixture()
        let actors: [NodeID] = ["atlantis", "borealis", "cydonia", "dorado"]
        for inherit in [false, true] {
            let options = PositionOptions(inherit: inherit)
            let matrix = try graph.overlapMatrix(actors: actors, measure: .agreement, options: options)
            for a in actors {
                for b in actors {
                    #expect(matrix.value(between: a, and: b) == (try graph.overlap(between: a, and: b, options: options).agreement))
                }
            }
        }
    }

    @Test func agreementRunsFromZeroToOne() {
        #expect(OverlapMeasure.agreement.minimum == 0)
    }
}
