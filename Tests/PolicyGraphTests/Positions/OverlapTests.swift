import Testing
@testable import PolicyGraph

/// The overlap measures against values computed by hand on `Fixtures/overlap/graph`.
///
/// Direct positions there (no inherit):
///   atlantis: accord +1, charter +0.5 (weight 0.5), export-ban -1, arms-race -1, treaty +1
///   borealis: accord +1, charter -1, export-ban -0.25 (weight 0.25), pact +1 (two supports,
///             2 clamped to 1), treaty 0 (a support and an opposition cancel: not in U)
///   cydonia:  accord +1, charter +1, export-ban +1, arms-race -1
///   dorado:   no stance
@Suite struct OverlapTests {
    /// Measures within a rounding error of the hand-computed fractions; `nil` must be `nil`.
    func expectMeasures(_ overlap: Overlap, jaccard: Double?, signed: Double?, sScore: Double?, kappa: Double?, pi: Double?,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected: [OverlapMeasure: Double?] = [.jaccard: jaccard, .signed: signed, .sScore: sScore, .kappa: kappa, .pi: pi]
        // Agreement on shared targets has hand computations of its own (SharedAgreementTests).
        for measure in OverlapMeasure.allCases where measure != .agreement {
            let value = overlap.value(of: measure)
            let wanted = expected[measure] ?? nil
            let close = switch (value, wanted) {
            case (nil, nil): true
            case (let v?, let w?): abs(v - w) < 1e-12
            default: false
            }
            #expect(close, "\(measure): \(String(describing: value)) ≠ \(String(describing: wanted))", sourceLocation: sourceLocation)
        }
    }

    @Test func atlantisAndBorealisMatchTheHandComputation() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "borealis")
        // U = {accord, charter, export-ban, arms-race, treaty, pact}, |U| = 6.
        //   accord +1/+1 agree; export-ban -1/-0.25 agree; charter +0.5/-1 conflict;
        //   arms-race -1/0 and treaty +1/0 only atlantis; pact 0/+1 only borealis.
        #expect(overlap.agree.map(\.target) == ["accord", "export-ban"])
        #expect(overlap.conflict.map(\.target) == ["charter"])
        #expect(overlap.onlyFirst.map(\.target) == ["arms-race", "treaty"])
        #expect(overlap.onlySecond.map(\.target) == ["pact"])
        #expect(overlap.union == 6)
        // jaccard = 2/6; signed = (2 - 1)/6.
        // sScore: |d| = 0 + 0.75 + 1.5 + 1 + 1 + 1 = 5.25 → 1 - 5.25/6 = 0.125.
        // Categories over U: atlantis +3 (accord, charter, treaty), -2 (export-ban, arms-race), 0:1 (pact);
        //   borealis +2 (accord, pact), -2 (charter, export-ban), 0:2 (arms-race, treaty).
        //   p_o = 2/6. kappa: p_e = (3·2 + 2·2 + 1·2)/36 = 12/36 = 1/3 → (1/3 - 1/3)/(2/3) = 0.
        //   pi: p_e = (5² + 4² + 3²)/12² = 50/144 → (48/144 - 50/144)/(94/144) = -2/94 = -1/47.
        expectMeasures(overlap, jaccard: 2.0 / 6, signed: 1.0 / 6, sScore: 0.125, kappa: 0, pi: -1.0 / 47)
        // Both stances and the evidence travel with each target, the cancelled treaty included.
        let treaty = try #require(overlap.onlyFirst.last)
        #expect(treaty.first.value == 1)
        #expect(treaty.second.value == 0)
        #expect(treaty.second.evidence.map(\.cite) == ["B6: Borealis backs the Treaty", "B7: Borealis also rejects the Treaty"])
        #expect(overlap.onlySecond[0].first.evidence.isEmpty)
    }

    @Test func atlantisAndCydoniaMatchTheHandComputation() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "cydonia")
        // U = {accord, charter, export-ban, arms-race, treaty}, |U| = 5: agree accord, charter,
        // arms-race; conflict export-ban; only atlantis treaty.
        // jaccard 3/5; signed (3 - 1)/5; |d| = 0 + 0.5 + 2 + 0 + 1 = 3.5 → S = 1 - 3.5/5 = 0.3.
        // atlantis +3 -2 0:0, cydonia +3 -1 0:1; p_o = 3/5.
        // kappa: p_e = (9 + 2 + 0)/25 → (15 - 11)/(25 - 11) = 4/14 = 2/7.
        // pi: p_e = (6² + 3² + 1²)/10² = 46/100 → (60 - 46)/(100 - 46) = 14/54 = 7/27.
        #expect(overlap.agree.map(\.target) == ["accord", "arms-race", "charter"])
        #expect(overlap.conflict.map(\.target) == ["export-ban"])
        expectMeasures(overlap, jaccard: 0.6, signed: 0.4, sScore: 0.3, kappa: 2.0 / 7, pi: 7.0 / 27)
    }

    @Test func borealisAndCydoniaAgreeLessThanChance() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "borealis", and: "cydonia")
        // U = {accord, charter, export-ban, pact, arms-race}: agree accord; conflict charter,
        // export-ban; only borealis pact; only cydonia arms-race.
        // |d| = 0 + 2 + 1.25 + 1 + 1 = 5.25 → S = 1 - 5.25/5 = -0.05.
        // borealis +2 -2 0:1, cydonia +3 -1 0:1; p_o = 1/5.
        // kappa: Σ a_c b_c = 6 + 2 + 1 = 9 → (5 - 9)/(25 - 9) = -1/4.
        // pi: Σ (a_c + b_c)² = 25 + 9 + 4 = 38 → (20 - 38)/(100 - 38) = -9/31.
        expectMeasures(overlap, jaccard: 0.2, signed: -0.2, sScore: -0.05, kappa: -0.25, pi: -9.0 / 31)
    }

    @Test func inheritAndAsOfChangeThePositionsBeforeTheMeasures() throws {
        let graph = try OverlapTestGraphs.fixture()
        // With members: atlantis gets the ministry (charter +0.5, pact +1), the bureau (accord
        // -0.5, misuse -1) and the envoy (export-ban +1) through ministry ↔ bureau (a cycle):
        //   accord 0.5, charter 1, export-ban 0, arms-race -1, treaty 1, pact 1, misuse -1.
        // borealis gets its council (accord -1): accord 0, charter -1, export-ban -0.25, pact 1.
        // U = {accord, charter, arms-race, treaty, pact, misuse, export-ban}, |U| = 7:
        //   agree pact; conflict charter; only atlantis accord, arms-race, misuse, treaty;
        //   only borealis export-ban.
        // |d| = 0.5 + 2 + 1 + 1 + 0 + 1 + 0.25 = 5.75 → S = 1 - 5.75/7 = 1.25/7.
        // atlantis +4 -2 0:1, borealis +1 -2 0:4; p_o = 1/7.
        // kappa: Σ a_c b_c = 4 + 4 + 4 = 12 → (7 - 12)/(49 - 12) = -5/37.
        // pi: Σ (a_c + b_c)² = 25 + 16 + 25 = 66 → (28 - 66)/(196 - 66) = -19/65.
        let inherited = try graph.overlap(between: "atlantis", and: "borealis", options: PositionOptions(inherit: true))
        #expect(inherited.agree.map(\.target) == ["pact"])
        #expect(inherited.conflict.map(\.target) == ["charter"])
        #expect(inherited.onlyFirst.map(\.target) == ["accord", "arms-race", "misuse", "treaty"])
        #expect(inherited.onlySecond.map(\.target) == ["export-ban"])
        expectMeasures(inherited, jaccard: 1.0 / 7, signed: 0, sScore: 1.25 / 7, kappa: -5.0 / 37, pi: -19.0 / 65)
        // As of June 2024 the treaty (2025) and the envoy (member from 2024-09) drop out:
        //   atlantis accord 0.5, charter 1, export-ban -1, arms-race -1, pact 1, misuse -1;
        //   borealis unchanged. U has 6 targets: agree export-ban, pact; conflict charter.
        // |d| = 0.5 + 2 + 0.75 + 1 + 0 + 1 = 5.25 → S = 0.125.
        // atlantis +3 -3 0:0, borealis +1 -2 0:3; kappa: (12 - 9)/(36 - 9) = 1/9;
        // pi: (48 - (16 + 25 + 9))/(144 - 50) = -2/94 = -1/47.
        let june = try graph.overlap(between: "atlantis", and: "borealis", options: PositionOptions(inherit: true, asOf: "2024-06"))
        #expect(june.agree.map(\.target) == ["export-ban", "pact"])
        #expect(june.onlyFirst.map(\.target) == ["accord", "arms-race", "misuse"])
        expectMeasures(june, jaccard: 2.0 / 6, signed: 1.0 / 6, sScore: 0.125, kappa: 1.0 / 9, pi: -1.0 / 47)
    }

    @Test func everyMeasureIsNilWhenNeitherTakesAStance() throws {
        let graph = try OverlapTestGraphs.fixture()
        let overlap = try graph.overlap(between: "dorado", and: "dorado")
        #expect(overlap.union == 0)
        expectMeasures(overlap, jaccard: nil, signed: nil, sScore: nil, kappa: nil, pi: nil)
        // A target kind nobody takes a stance on empties U too.
        let none = try graph.overlap(between: "atlantis", and: "cydonia", options: PositionOptions(targetKinds: [.technology]))
        expectMeasures(none, jaccard: nil, signed: nil, sScore: nil, kappa: nil, pi: nil)
    }

    @Test func kappaAndPiAreNilWhenChanceAgreementIsCertain() throws {
        // Risks only: atlantis and cydonia both oppose the arms race and nothing else, so both put
        // all of U in category -1: p_e = 1. jaccard = signed = S = 1.
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "cydonia",
                                                              options: PositionOptions(targetKinds: [.risk]))
        expectMeasures(overlap, jaccard: 1, signed: 1, sScore: 1, kappa: nil, pi: nil)
    }

    @Test func anActorWithoutStancesScoresAgainstOneWithStances() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "dorado", and: "atlantis")
        // U = atlantis' 5 targets, all only atlantis. S = 1 - (1 + 0.5 + 1 + 1 + 1)/5 = 0.1.
        // dorado 0:5; atlantis +3 -2. kappa: Σ a_c b_c = 0 → (0 - 0)/(25 - 0) = 0.
        // pi: Σ (a_c + b_c)² = 9 + 4 + 25 = 38 → (0 - 38)/(100 - 38) = -19/31.
        #expect(overlap.onlySecond.count == 5)
        expectMeasures(overlap, jaccard: 0, signed: 0, sScore: 0.1, kappa: 0, pi: -19.0 / 31)
    }

    @Test func unknownActorsThrow() throws {
        let graph = try OverlapTestGraphs.fixture()
        #expect(throws: QueryError(.unknownNode("atlantic", suggestions: ["atlantis"]))) {
            try graph.overlap(between: "atlantic", and: "borealis")
        }
    }
}
