import Testing
@testable import PolicyGraph

/// The edge counts by relation and end kinds, against a count over the public edge list.
struct EdgeKindCountsTests {
    @Test func countsEveryEdgeByRelationAndTheKindsOfItsEnds() throws {
        var random = PatternRandom(seed: 424_242)
        for _ in 0..<20 {
            let graph = try RandomPatterns.graph(&random)
            var expected: [String: Int] = [:]
            for edge in graph.edges {
                expected["\(edge.relation.rawValue) \(graph.kind(of: edge.from)!.rawValue) \(graph.kind(of: edge.to)!.rawValue)", default: 0] += 1
            }
            let schema = graph.schema
            for (r, relation) in schema.relations.enumerated() {
                for (s, source) in schema.kinds.enumerated() {
                    for (t, target) in schema.kinds.enumerated() {
                        let key = "\(relation.relation.rawValue) \(source.kind.rawValue) \(target.kind.rawValue)"
                        #expect(graph.edgeKinds.count(relation: r, source: s, target: t) == expected[key] ?? 0, "\(key)")
                    }
                }
            }
        }
    }

    /// A big graph counts each half of its edges on its own core: the same counts.
    @Test func countingInTwoHalvesGivesTheSameCounts() throws {
        var random = PatternRandom(seed: 77)
        let graph = try RandomPatterns.graph(&random)
        let (r, k) = (graph.schema.relations.count, graph.schema.kinds.count)
        let whole = EdgeKindCounts(relations: r, kinds: k, edges: graph.edgeTable, nodeKinds: graph.nodeTable.kinds)
        let halves = EdgeKindCounts(relations: r, kinds: k, edges: graph.edgeTable, nodeKinds: graph.nodeTable.kinds, parallel: true)
        var total = 0
        for relation in 0..<r {
            for source in 0..<k {
                for target in 0..<k {
                    let n = whole.count(relation: relation, source: source, target: target)
                    #expect(halves.count(relation: relation, source: source, target: target) == n)
                    total += n
                }
            }
        }
        #expect(total == graph.edgeCount)
    }

    /// `endsAlwaysIn` is true exactly when no edge of the relation at an anchor kind leads to a
    /// kind outside the set, in the direction asked.
    @Test func endsAreAlwaysInASetOnlyWhenNoEdgeLeavesIt() throws {
        let nodes = "id,kind,label\nc,country,C\na,agency,A\no,official,O\np,person,P\n"
        let edges = "from,relation,to\no,memberOf,a\na,memberOf,c\np,memberOf,c\n"
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let schema = graph.schema
        func kinds(_ names: [Kind]) -> [Bool] { schema.kinds.map { names.contains($0.kind) } }
        let memberOf = try #require(schema.relations.firstIndex { $0.relation == .memberOf })
        let counts = graph.edgeKinds
        // Into agencies: only officials.
        #expect(counts.endsAlwaysIn(kinds([.official]), relations: [memberOf], anchorKinds: kinds([.agency]), outgoing: false))
        // Into countries: an agency and a person.
        #expect(!counts.endsAlwaysIn(kinds([.agency]), relations: [memberOf], anchorKinds: kinds([.country]), outgoing: false))
        #expect(counts.endsAlwaysIn(kinds([.agency, .person]), relations: [memberOf], anchorKinds: kinds([.country]), outgoing: false))
        // Out of agencies: countries; both ways, officials too.
        #expect(counts.endsAlwaysIn(kinds([.country]), relations: [memberOf], anchorKinds: kinds([.agency]), outgoing: true))
        #expect(!counts.endsAlwaysIn(kinds([.country]), relations: [memberOf], anchorKinds: kinds([.agency]), outgoing: nil))
        // Any anchor kind: out-edges end at agencies or countries.
        #expect(counts.endsAlwaysIn(kinds([.agency, .country]), relations: [memberOf], anchorKinds: nil, outgoing: true))
        #expect(!counts.endsAlwaysIn(kinds([.agency]), relations: [memberOf], anchorKinds: nil, outgoing: true))
    }
}
