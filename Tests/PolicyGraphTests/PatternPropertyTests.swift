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
