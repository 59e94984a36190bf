import Testing
@testable import PolicyGraph

/// The planner orders the loops the way a person would: from the rarest element, expanding along
/// the adjacency, counting leaves instead of enumerating them. Checked on a small graph shaped
/// like the benchmark's (few countries, many officials, frameworks in between), with the counts
/// compared to loops written by hand over the public API.
struct PatternPlannerTests {
    static let graph: Graph? = {
        var random = PatternRandom(seed: 6)
        var nodes = "id,kind,label\n"
        var edges = "from,relation,to\n"
        let countries = (0..<12).map { "c\($0)" }, agencies = (0..<60).map { "a\($0)" }
        let officials = (0..<900).map { "o\($0)" }, frameworks = (0..<40).map { "f\($0)" }
        for (ids, kind) in [(countries, "country"), (agencies, "agency"), (officials, "official"), (frameworks, "framework")] {
            for id in ids { nodes += "\(id),\(kind),\(id)\n" }
        }
        for a in agencies { edges += "\(a),memberOf,\(random.pick(countries))\n" }
        for o in officials { edges += "\(o),memberOf,\(random.pick(agencies))\n" }
        let actors = countries + officials
        for _ in 0..<4000 {
            // Popular frameworks first: a skewed choice, as in the benchmark.
            let f = frameworks[min(random.int(0...39), random.int(0...39))]
            edges += "\(random.pick(actors)),\(random.chance(0.6) ? "supports" : "opposes"),\(f)\n"
        }
        return try? GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
    }()

    static let supportersOpposers = "MATCH (a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b RETURN count(*)"
    static let heavy = "MATCH (o:official)-[:supports]->(f:framework)<-[:opposes]-(c:country) RETURN count(*)"
    static let chain = "MATCH (o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country) RETURN c, count(*)"

    @Test func aJoinOnFrameworksStartsFromTheFrameworksAndCountsBothSides() throws {
        let graph = try #require(Self.graph)
        let plan = try graph.planText(Self.supportersOpposers)
        #expect(plan.hasPrefix("scan f:framework; count (f:framework)<-[:supports]-(a:country) at each f"))
        #expect(plan.hasSuffix("minus the matches that bind a and b to the same node (counted once per f in a table)"))
        var expected = 0
        for f in graph.nodes(of: .framework) {
            let supporters = graph.edges(to: f.id, relation: .supports).filter { graph.kind(of: $0.from) == .country }
            let opposers = graph.edges(to: f.id, relation: .opposes).filter { graph.kind(of: $0.from) == .country }
            for s in supporters { for o in opposers where s.from != o.from { expected += 1 } }
        }
        #expect(expected > 0)
        #expect(try graph.query(Self.supportersOpposers).rows == [[.int(expected)]])
    }

    @Test func officialsAgainstCountriesAreCountedNotPaired() throws {
        let graph = try #require(Self.graph)
        #expect(try graph.planText(Self.heavy).hasPrefix("scan f:framework; count (f:framework)"))
        var expected = 0
        for f in graph.nodes(of: .framework) {
            let officials = graph.edges(to: f.id, relation: .supports).filter { graph.kind(of: $0.from) == .official }.count
            let countries = graph.edges(to: f.id, relation: .opposes).filter { graph.kind(of: $0.from) == .country }.count
            expected += officials * countries
        }
        #expect(try graph.query(Self.heavy).rows == [[.int(expected)]])
    }

    @Test func aChainGroupedByCountryStartsFromTheCountries() throws {
        let graph = try #require(Self.graph)
        #expect(try graph.planText(Self.chain)
            == "scan c:country; expand (c:country)<-[:memberOf]-(a:agency); count (a:agency)<-[:memberOf]-(o:official) at each a, by reading a's edges")
        var expected: [NodeID: Int] = [:]
        for o in graph.nodes(of: .official) {
            for e in graph.edges(from: o.id, relation: .memberOf) where graph.kind(of: e.to) == .agency {
                for e2 in graph.edges(from: e.to, relation: .memberOf) where graph.kind(of: e2.to) == .country { expected[e2.to, default: 0] += 1 }
            }
        }
        let rows = try graph.query(Self.chain).rows
        #expect(rows == expected.sorted { $0.key < $1.key }.map { [.node($0.key), .int($0.value)] })
    }

    /// Grouped by the country of the first step, the agencies under a country are summed and
    /// handed to the aggregator once; a bare count(*) is summed from the first step.
    @Test func matchesAreSummedAfterTheLastStepTheReturnReads() throws {
        let graph = try #require(Self.graph)
        for (text, expected) in [(Self.chain, 1), (Self.heavy, 0), ("MATCH (c:country)-[:memberOf]-(x) RETURN x, count(*)", nil)] {
            let bound = try PatternBinder.bind(try PatternParser.parse(text), in: graph)
            let projection = try #require(bound.projection)
            let plan = PatternPlanner.plan(bound, graph: graph, factorize: true)
            #expect(plan.firstStepAfter(reading: projection, in: bound) == expected, "\(text)")
        }
    }

    @Test func anIdStartsTheMatch() throws {
        let graph = try #require(Self.graph)
        #expect(try graph.planText("MATCH (f:framework)<-[:supports]-(x)-[:memberOf]->(a {id: 'a7'}) RETURN f").hasPrefix("seek a by id 'a7'"))
        #expect(try graph.planText("MATCH (x)-[:memberOf]->(a {id: 'a7'}) RETURN x") == "seek a by id 'a7'; expand (a)<-[:memberOf]-(x)")
    }

    @Test func aRareRelationStartsTheMatch() throws {
        let graph = try #require(Self.graph)
        // Every node may be `x` or `y`; the 60 agency memberships are the smallest start.
        let plan = try graph.planText("MATCH (x)-[r:memberOf]->(y:country) RETURN x, r, y")
        #expect(plan == "scan y:country; expand (y:country)<-[r:memberOf]-(x)")
        #expect(try graph.planText("MATCH (x)-[r:memberOf]->(y) RETURN x, r, y") == "scan the edges of (x)-[r:memberOf]->(y)")
    }

    @Test func leavesAreNotFactoredWhenTheyAreReturned() throws {
        let graph = try #require(Self.graph)
        #expect(try graph.planText("MATCH (c:country)-[:supports]->(f) RETURN c, f") == "scan c:country; expand (c:country)-[:supports]->(f)")
        #expect(try graph.planText("MATCH (c:country)-[:supports]->(f) RETURN c, count(*)") == "scan c:country; count (c:country)-[:supports]->(f) at each c, by reading c's edges")
    }
}

extension Graph {
    /// The MATCH clause's steps as the CLI prints them, joined by `; `.
    fileprivate func planText(_ text: String) throws -> String {
        try explainQuery(text).steps.first { $0.operation == .match }?.steps.filter { $0.operation != .sum }.map(\.text).joined(separator: "; ") ?? ""
    }
}
