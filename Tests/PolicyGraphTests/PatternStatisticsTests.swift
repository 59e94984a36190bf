@testable import PolicyGraph
import Testing

/// The planner's estimates walk only the (relation, kind, kind) triples that occur. Checked
/// against the sums over every pair of kinds they replace (computed here from
/// `EdgeKindCounts.count`), and on a graph whose kinds² would take minutes.
@Suite("Pattern statistics")
struct PatternStatisticsTests {
    /// The triples of a graph, brute force from its edges: relation index → (source, target) → count.
    static func triples(_ graph: Graph) -> [Int: [EdgeKindCounts.KindPairCount]] {
        var counts: [Int: [Int: Int]] = [:]
        let kinds = graph.schema.kinds.count
        for e in 0..<graph.edgeCount {
            let s = Int(graph.nodeTable.kinds[Int(graph.edgeTable.from[e])]), t = Int(graph.nodeTable.kinds[Int(graph.edgeTable.to[e])])
            counts[Int(graph.edgeTable.relations[e]), default: [:]][s * kinds + t, default: 0] += 1
        }
        return counts.mapValues { pairs in
            pairs.map { EdgeKindCounts.KindPairCount(source: $0.key / kinds, target: $0.key % kinds, count: $0.value) }
        }
    }

    @Test func pairsAreTheTriplesThatOccurInBothOrders() throws {
        var random = PatternRandom(seed: 2_026)
        for _ in 0..<20 {
            let graph = try RandomPatterns.graph(&random)
            let expected = Self.triples(graph)
            for r in graph.schema.relations.indices {
                let pairs = expected[r] ?? []
                #expect(graph.edgeKinds.bySource[r] == pairs.sorted { ($0.source, $0.target) < ($1.source, $1.target) })
                #expect(graph.edgeKinds.byTarget[r] == pairs.sorted { ($0.target, $0.source) < ($1.target, $1.source) })
            }
        }
    }

    /// The sums over all pairs of kinds, as the estimates were first written.
    static func referenceExpansion(_ graph: Graph, _ st: PatternStatistics, _ r: RelationshipSlot, anchor: NodeSlot,
                                   target: NodeSlot, forward: Bool) -> [Double] {
        let kinds = st.kindCounts.indices
        func accepted(_ slot: NodeSlot) -> [Double] {
            var counts = [Double](repeating: 0, count: kinds.count)
            for row in 0..<graph.nodeCount where slot.accepts(Int32(row), in: graph) { counts[Int(graph.nodeTable.kinds[row])] += 1 }
            return counts
        }
        let anchorRows = accepted(anchor), targetRows = accepted(target)
        let anchors = anchorRows.reduce(0, +)
        guard anchors > 0 else { return [0, 0] }
        var scan = 0.0, out = 0.0
        for rel in st.relations(r) {
            for outgoing in r.directed ? [forward] : [true, false] {
                for a in kinds where st.kindCounts[a] > 0 {
                    let fraction = anchorRows[a] / st.kindCounts[a]
                    if fraction == 0 { continue }
                    for t in kinds where st.kindCounts[t] > 0 {
                        let n = Double(outgoing ? graph.edgeKinds.count(relation: rel, source: a, target: t)
                                                : graph.edgeKinds.count(relation: rel, source: t, target: a))
                        scan += n * fraction
                        out += n * fraction * targetRows[t] / st.kindCounts[t]
                    }
                }
            }
        }
        return [scan / anchors, out / anchors]
    }

    static func referenceEdgeScan(_ graph: Graph, _ st: PatternStatistics, _ r: RelationshipSlot, from: NodeSlot, to: NodeSlot) -> [Double] {
        let kinds = st.kindCounts.indices
        func accepted(_ slot: NodeSlot) -> [Double] {
            var counts = [Double](repeating: 0, count: kinds.count)
            for row in 0..<graph.nodeCount where slot.accepts(Int32(row), in: graph) { counts[Int(graph.nodeTable.kinds[row])] += 1 }
            return counts
        }
        let fromRows = accepted(from), toRows = accepted(to)
        var scan = 0.0, out = 0.0
        for rel in st.relations(r) {
            scan += st.relationCounts[rel]
            for s in kinds where st.kindCounts[s] > 0 {
                for t in kinds where st.kindCounts[t] > 0 {
                    let n = Double(graph.edgeKinds.count(relation: rel, source: s, target: t))
                    if n == 0 { continue }
                    out += n * fromRows[s] / st.kindCounts[s] * toRows[t] / st.kindCounts[t]
                    if !r.directed { out += n * fromRows[t] / st.kindCounts[t] * toRows[s] / st.kindCounts[s] }
                }
            }
        }
        return [scan, out]
    }

    @Test func estimatesEqualTheSumsOverEveryPairOfKinds() throws {
        var random = PatternRandom(seed: 515)
        for _ in 0..<30 {
            let graph = try RandomPatterns.graph(&random)
            let st = PatternStatistics(graph: graph, relations: nil)
            let kinds = graph.schema.kinds.count, relations = graph.schema.relations.count
            func slot() -> NodeSlot {
                var s = NodeSlot(name: nil)
                if random.chance(0.5) { s.kinds = (0..<kinds).map { _ in random.chance(0.5) } }
                if random.chance(0.3) { s.rows = [Int32(random.int(0...(graph.nodeCount - 1)))] }
                return s
            }
            for _ in 0..<10 {
                let rels: [Int]? = random.chance(0.3) ? nil : Array(Set((0..<random.int(1...2)).map { _ in random.int(0...(relations - 1)) })).sorted()
                let r = RelationshipSlot(name: nil, relations: rels, relationMask: nil, from: 0, to: 1, directed: random.chance(0.7),
                                         fromIsLeft: true, length: nil, clause: 0)
                let a = slot(), b = slot(), forward = random.chance(0.5)
                let expansion = st.expansion(r, anchor: a, target: b, forward: forward)
                // Equal, not close: the pairs are walked in the order of the sums they replace.
                #expect([expansion.scan, expansion.out] == Self.referenceExpansion(graph, st, r, anchor: a, target: b, forward: forward))
                let scan = st.edgeScan(r, from: a, to: b)
                #expect([scan.scan, scan.out] == Self.referenceEdgeScan(graph, st, r, from: a, to: b))
            }
        }
    }

    /// 30,000 kinds with a node each: the sums over kinds² (9 × 10⁸ per relation and direction,
    /// several times per plan) took minutes; the triples that occur are three.
    @Test(.timeLimit(.minutes(1)))
    func planningOnAGraphOfThirtyThousandKindsReadsOnlyTheTriplesThatOccur() throws {
        let count = 30_000
        let all = (0..<count).map { "\"k\($0)\"" }.joined(separator: ",")
        let schema = #"{"kinds": [\#(all)], "relations": {"linked": {"endpoints": [{"from": [\#(all)], "to": [\#(all)]}]}}}"#
        var nodes = "id,kind,label\n"
        for i in 0..<count { nodes += "n\(i),k\(i),N\(i)\n" }
        let edges = "from,relation,to\nn0,linked,n29999\nn29999,linked,n1\nn1,linked,n0\n"
        let graph = try loadGraph(nodes: nodes, edges: edges, schema: schema)
        let linked = try #require(graph.schema.relationIndex[Relation("linked")])
        #expect(graph.edgeKinds.bySource[linked].count == 3)
        // Each of the three edges, then the one other edge at its head.
        #expect(try graph.query("MATCH (a)-[:linked]->(b)-[:linked]-(c) RETURN count(*) AS n").rows == [[.int(3)]])
    }
}
