import Testing
@testable import PolicyGraph

/// Targets an actor's stances cancel on are named in the overlap (`notCounted`), against a hand
/// computation on `Fixtures/overlap/graph`.
///
/// With `inherit` (no date filter, so every member counts):
///   atlantis speaks with its ministry, bureau and envoy: export-ban = -1 (A3) + 1 (E1, the envoy) = 0
///   borealis speaks with its council: accord = +1 (B1) - 1 (K1, the council) = 0;
///            treaty = +1 (B6) - 1 (B7) = 0, both its own edges
@Suite struct OverlapUncountedTests {
    @Test func cancellingStancesAreListedWithWhoseEdgesCancel() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "borealis", options: PositionOptions(inherit: true))
        let listed = overlap.notCounted.map { "\($0.actor) \($0.stance.target) own \($0.own) members \($0.members)" }
        #expect(listed == [
            "atlantis export-ban own -1.0 members 1.0",
            "borealis accord own 1.0 members -1.0",
            "borealis treaty own 0.0 members 0.0",
        ])
        #expect(overlap.notCounted[0].stance.evidence.map(\.cite) == ["A3: Atlantis rejects the Export Ban", "E1: the Envoy backs the Export Ban"])
        #expect(overlap.notCounted.allSatisfy { $0.stance.value == 0 && !$0.stance.isPosition })
        // They are outside U: accord counts for atlantis only (+1 - 0.5 = +0.5), export-ban for
        // borealis only (-0.25), treaty for atlantis only.
        #expect(overlap.onlyFirst.map(\.target) == ["accord", "arms-race", "misuse", "treaty"])
        #expect(overlap.onlySecond.map(\.target) == ["export-ban"])
        #expect(overlap.agree.map(\.target) == ["pact"])
        #expect(overlap.conflict.map(\.target) == ["charter"])
        // |U| = 7: jaccard 1/7.
        #expect(overlap.union == 7)
        #expect(abs((overlap.jaccard ?? 0) - 1.0 / 7) < 1e-12)
    }

    @Test func withoutInheritOnlyOwnStancesCancel() throws {
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "atlantis", and: "borealis")
        #expect(overlap.notCounted.map { "\($0.actor) \($0.stance.target)" } == ["borealis treaty"])
    }

    @Test func aPositionThatHoldsIsNotListed() throws {
        // cydonia's stances never cancel.
        let overlap = try OverlapTestGraphs.fixture().overlap(between: "cydonia", and: "dorado", options: PositionOptions(inherit: true))
        #expect(overlap.notCounted.isEmpty)
    }
}
