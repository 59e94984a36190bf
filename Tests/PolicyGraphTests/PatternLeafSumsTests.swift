import Testing
@testable import PolicyGraph

/// The weights of a last expansion's targets summed in one go (`PatternLeafSums.swift`) against
/// the same queries enumerated match by match: several leaves, undirected ones, leaves counted
/// by scan, by table and from the edge list, local predicates, parallel edges and self-loops.
struct PatternLeafSumsTests {
    /// Whether the matcher for `text` sums its last step's weights in one go.
    static func sumsLastStep(_ text: String, in graph: Graph, mode: LeafMode = .automatic) throws -> Bool {
        let bound = try PatternBinder.bind(try PatternParser.parse(text), in: graph)
        let plan = PatternPlanner.plan(bound, graph: graph, factorize: true, leafMode: mode)
        return PatternMatcher(graph: graph, query: bound, plan: plan).sumsLastStep
    }

    @Test func summedCountsAgreeWithEnumeratedMatches() throws {
        var random = PatternRandom(seed: 16_180)
        let relations = RandomPatterns.relations
        var summed = 0
        for _ in 0..<60 {
            let n = random.int(20...50)
            var nodes = "id,kind,label\n"
            for i in 0..<n {
                // A few countries to start from, hubs among the first rows.
                let kind = i < 3 ? "country" : random.pick(["official", "framework"])
                nodes += "n\(i),\(kind),n\(i % 5)\n"
            }
            var edges = "from,relation,to\n"
            for _ in 0..<random.int(80...300) {
                let from = random.chance(0.3) ? random.int(0...4) : random.int(0...(n - 1))
                let to = random.chance(0.05) ? from : (random.chance(0.3) ? random.int(0...4) : random.int(0...(n - 1)))
                edges += "n\(from),\(random.pick(relations)),n\(to)\n"
            }
            let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8),
                                             schema: Array(RandomPatterns.schema.utf8)).graph
            func hop() -> String {
                let relation = random.chance(0.2) ? "" : (random.chance(0.2) ? ":supports|opposes" : ":" + random.pick(relations))
                switch random.int(0...2) {
                case 0: return "-[\(relation)]->"
                case 1: return "<-[\(relation)]-"
                default: return "-[\(relation)]-"
                }
            }
            func kind() -> String { random.chance(0.5) ? "" : ":" + random.pick(["official", "framework"]) }
            var text = "MATCH (a:country)\(hop())(v\(kind()))"
            for x in 0..<random.int(1...2) { text += ", (v)\(hop())(x\(x)\(kind()))" }
            if random.chance(0.3) { text += " WHERE x0.label <> 'n\(random.int(0...4))'" }
            text += random.chance(0.5) ? " RETURN a, count(*)" : " RETURN count(*)"
            let expected = try graph.query(text, options: PatternOptions(factorize: false)).rows
            for (way, options) in PatternPropertyTests.ways {
                #expect(try graph.query(text, options: options).rows == expected, "\(way): \(text)")
            }
            if try Self.sumsLastStep(text, in: graph) { summed += 1 }
        }
        // The shapes above mostly end in such a step; a planner change that stopped it would
        // leave this test checking nothing new.
        #expect(summed >= 10)
    }
}
