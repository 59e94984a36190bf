import Testing
@testable import PolicyGraph

/// The engine against brute force on many small random graphs and patterns: 1–3 hops, every
/// direction, relation and kind constraints, ids, variable lengths up to 3 (and unbounded),
/// several MATCH clauses, WHERE over properties in three-valued logic. Each case runs with
/// leaves counted by table, by scan, and not factored at all.
struct PatternPropertyTests {
    static let ways: [(String, PatternOptions)] = [
        ("automatic", PatternOptions()),
        ("enumerated", PatternOptions(factorize: false, leafMode: .automatic)),
        ("leaves by scan", PatternOptions(factorize: true, leafMode: .scan)),
        ("leaves by table", PatternOptions(factorize: true, leafMode: .table)),
        ("leaves by edge list", PatternOptions(factorize: true, leafMode: .edgeTable)),
        ("clause pipeline", PatternOptions(pipeline: true)),
    ]

    @Test func countsAgreeWithBruteForceOnRandomGraphs() throws {
        var random = PatternRandom(seed: 20_240_514)
        for _ in 0..<200 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.query(&random, graph: graph, returning: false)
            let expected = ReferenceMatcher(graph).matches(query).count
            for (way, options) in Self.ways {
                let result = try graph.query(query.text, options: options)
                #expect(result.rows == [[.int(expected)]], "\(way): \(query.text)\n\(Self.dump(graph))")
            }
        }
    }

    @Test func starCountsAgreeWithBruteForce() throws {
        var random = PatternRandom(seed: 31_337)
        for _ in 0..<200 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.star(&random, graph: graph)
            let expected = ReferenceMatcher(graph).matches(query).count
            for (way, options) in Self.ways {
                let result = try graph.query(query.text, options: options)
                #expect(result.rows == [[.int(expected)]], "\(way): \(query.text)\n\(Self.dump(graph))")
            }
        }
    }

    @Test func rowsAgreeWithBruteForceOnRandomGraphs() throws {
        var random = PatternRandom(seed: 7_700_112)
        for _ in 0..<200 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.query(&random, graph: graph, returning: true)
            let expected = ReferenceMatcher(graph).matches(query).sorted { $0.lexicographicallyPrecedes($1) }
            for (way, options) in Self.ways {
                let rows = try graph.query(query.text, options: options).cells.sorted { $0.lexicographicallyPrecedes($1) }
                #expect(rows == expected, "\(way): \(query.text)\n\(Self.dump(graph))")
            }
        }
    }

    /// Found when the random queries were first written end to start: the same-edge correction
    /// of two counted leaves read a stale anchor in one leaf's condition, so the table modes
    /// counted 8 matches of 6.
    @Test func sameEdgeCorrectionReadsTheAnchorOfALeafCondition() throws {
        let nodes = """
            id,kind,label,score,tag
            n0,country,l2x,4,a
            n1,framework,l1x,3,b
            n2,country,l2x,,
            n3,framework,l1x,3,
            n4,framework,l2x,4,b

            """
        let edges = """
            from,relation,to,weight,date
            n0,opposes,n0,1.5,2022-01-15
            n3,supports,n4,1,
            n4,memberOf,n4,1,2022-01-15
            n3,supports,n1,,2022-01-15
            n2,supports,n3,1.5,2022-01-15
            n1,memberOf,n3,0.5,2021-06
            n2,memberOf,n2,0.5,
            n3,supports,n1,1,2020
            n0,opposes,n2,,2021-06
            n3,supports,n0,1,2021-06
            n1,memberOf,n1,,2024

            """
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
        let query = "MATCH (v2)-[r1:opposes|memberOf]-(v1)-[r0]-(v0) WHERE (v1.score IS NULL OR r0.weight = 1.5) RETURN count(*)"
        // By hand: v1 = n2 (no score) with its 2 opposes/memberOf edges × its 3 edges, less the
        // 2 pairs that take one edge twice (4), and v1 = n0 (score 4) with r0 the 1.5 loop and
        // r1 the edge to n2 (1); and v1 = n3 through n1's memberOf and n2's 1.5 supports (1).
        for (way, options) in Self.ways {
            #expect(try graph.query(query, options: options).rows == [[.int(6)]], "\(way)")
        }
    }

    @Test func subgraphHoldsExactlyTheBoundElements() throws {
        var random = PatternRandom(seed: 99)
        for _ in 0..<60 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.query(&random, graph: graph, returning: false)
            let expected = ReferenceMatcher(graph).boundElements(query)
            let text = query.text.components(separatedBy: " RETURN ")[0]
            let subgraph = try graph.patternSubgraph(text)
            let nodes = graph.nodes, edges = graph.edges
            #expect(subgraph.nodes == expected.nodes.sorted().map { nodes[$0] }, "\(text)\n\(Self.dump(graph))")
            #expect(subgraph.edges == expected.edges.sorted().map { edges[$0] }, "\(text)\n\(Self.dump(graph))")
        }
    }

    static func dump(_ graph: Graph) -> String {
        graph.nodes.map { "\($0.id) \($0.kind) \($0.label) \($0.attributes)" }.joined(separator: "\n") + "\n"
            + graph.edges.map { "\($0.from) -\($0.relation)-> \($0.to) \($0.attributes)" }.joined(separator: "\n")
    }
}
