import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The reference answers themselves, on a graph small enough to work out by hand.
@Suite struct BenchReferenceTests {
    static let tiny = BenchReference(
        nodes: [
            .init(id: "c1", kind: "country"), .init(id: "f1", kind: "framework"), .init(id: "c2", kind: "country"),
            .init(id: "c3", kind: "country"), .init(id: "f2", kind: "framework"), .init(id: "r1", kind: "risk"),
            .init(id: "a1", kind: "agency"), .init(id: "a2", kind: "agency"),
            .init(id: "o1", kind: "official"), .init(id: "o2", kind: "official"), .init(id: "o3", kind: "official"),
        ],
        edges: [
            .init(from: "a1", relation: "memberOf", to: "c1"), .init(from: "a2", relation: "memberOf", to: "c2"),
            .init(from: "o1", relation: "memberOf", to: "a1"), .init(from: "o2", relation: "memberOf", to: "a1"),
            .init(from: "o3", relation: "memberOf", to: "a2"), .init(from: "o1", relation: "leads", to: "a1"),
            .init(from: "c1", relation: "supports", to: "f1"), .init(from: "c2", relation: "opposes", to: "f1"),
            .init(from: "c3", relation: "opposes", to: "f1"), .init(from: "c1", relation: "supports", to: "r1"),
            .init(from: "c2", relation: "supports", to: "r1"), .init(from: "c3", relation: "supports", to: "f2"),
            .init(from: "f1", relation: "references", to: "f2"), .init(from: "o1", relation: "supports", to: "f1"),
            .init(from: "o2", relation: "supports", to: "f1"),
        ])

    @Test func kHopCountsFollowTheirDirections() {
        // Out from c1: f1, r1; then f2. Both ways: f1, r1, a1; then f2, c2, c3, o1, o2.
        #expect(Self.tiny.firstCountry == "c1")
        #expect(Self.tiny.khopOut3 == 3)
        #expect(Self.tiny.khopBoth2 == 8)
    }

    @Test func shortestPathsFollowOutEdges() {
        #expect(Self.tiny.shortestPathLength(from: "c1", to: "f2") == 2)
        #expect(Self.tiny.shortestPathLength(from: "o3", to: "f1") == 3)
        #expect(Self.tiny.shortestPathLength(from: "r1", to: "f1") == nil)
    }

    @Test func pathPairsFollowTheDrawingRule() {
        let pairs = Self.tiny.pathPairs(count: 5)
        #expect(pairs.count == 5)
        #expect(pairs.allSatisfy { $0.source != $0.target && ($0.target == "f1" || $0.target == "f2") })
        // The first draws of SplitMix64(20240601), by the six lines of the issue.
        var mix = BenchReference.Mix(state: 20_240_601)
        let first = Self.tiny.nodes[Int(mix.next() % 11)].id
        let target = ["f1", "f2"][Int(mix.next() % 2)]
        if first != target { #expect(pairs[0] == .init(source: first, target: target)) }
        #expect(EngineOps.pathPairs(ids: Self.tiny.nodes.map { NodeID($0.id) }, frameworks: ["f1", "f2"], count: 5)
                    .map { BenchReference.Pair(source: $0.source.rawValue, target: $0.target.rawValue) } == pairs)
    }

    @Test func patternsCountEdgePairs() {
        // c1 supports f1, opposed by c2 and c3; c3 supports f2, opposed by nobody.
        #expect(Self.tiny.pattern == 2)
        // o1 and o2 support f1, opposed by c2 and c3.
        #expect(Self.tiny.patternHeavy == 4)
    }

    @Test func chainsCountOfficialsThroughAgencies() {
        #expect(Self.tiny.chainCounts == ["c1": 2, "c2": 1])
        #expect(Self.tiny.chainJSON == .object(["total": .int(3), "countries": .int(2), "first": .object(["id": .string("c1"), "count": .int(2)])]))
    }

    @Test func overlapSumsPairsAndKeepsTheBest() {
        // c1 {f1 +, r1 +}, c2 {f1 -, r1 +}, c3 {f1 -, f2 +}.
        #expect(Self.tiny.countryPairs == [
            .init(a: "c1", b: "c2", agree: 1, conflict: 1, union: 2),
            .init(a: "c1", b: "c3", agree: 0, conflict: 1, union: 3),
            .init(a: "c2", b: "c3", agree: 1, conflict: 0, union: 3),
        ])
        #expect(Self.tiny.overlapJSON.rendered(pretty: false)
                    == #"{"agree": 2, "conflict": 2, "best": {"a": "c1", "b": "c2", "agree": 1, "union": 2, "jaccard": 0.500000}}"#)
    }
}
