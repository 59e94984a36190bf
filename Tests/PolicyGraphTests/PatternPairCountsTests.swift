import Testing
@testable import PolicyGraph

/// The self-join counted per pair (``PairCountPlan``) against enumeration and brute force:
/// `MATCH (a)-[r1]->(m)<-[r2]-(b) WHERE … RETURN a.id, b.id, count(*)` on small random graphs
/// with parallel edges and loops, every direction, one MATCH or two (where an edge may be bound
/// twice), ORDER BY and LIMIT.
@Suite struct PatternPairCountsTests {
    static let enumerated = PatternOptions(factorize: false, leafMode: .automatic)

    /// A random self-join, its WHERE as text, and the filter the reference applies for it.
    struct Case {
        var query: ReferenceQuery
        var text: String
        var keeps: (String, String) -> Bool
    }

    static func randomCase(_ random: inout PatternRandom, graph: Graph) -> Case {
        func node(_ name: String) -> ReferenceQuery.NodeVar {
            var v = ReferenceQuery.NodeVar(name: name)
            if random.chance(0.5) { v.kind = random.pick(RandomPatterns.kinds) }
            if random.chance(0.1) { v.id = "n\(random.int(0...(graph.nodeCount - 1)))" }
            return v
        }
        let clauses = random.chance(0.25) ? 2 : 1
        var q = ReferenceQuery(nodes: [node("a"), node("m"), node("b")], rels: [], clauses: clauses,
                               wheres: Array(repeating: nil, count: clauses), returned: [0, 2])
        let relations = { (random: inout PatternRandom) in random.chance(0.7) ? [random.pick(RandomPatterns.relations)] : [] }
        q.rels = [
            .init(name: "r1", left: 0, right: 1, direction: random.pick([.right, .right, .left]), relations: relations(&random), length: nil, clause: 0),
            .init(name: "r2", left: 2, right: 1, direction: random.pick([.right, .right, .left]), relations: relations(&random), length: nil, clause: clauses - 1),
        ]
        var keeps: (String, String) -> Bool = { _, _ in true }
        var extra = ""
        switch random.int(0...4) {
        case 0: extra = "a.id < b.id"; keeps = { $0 < $1 }
        case 1: extra = "b.id >= a.id"; keeps = { $1 >= $0 }
        case 2: q.wheres[clauses - 1] = .differ(0, 2)
        case 3: q.wheres[clauses - 1] = .nodeNumber(0, "score", ">", 1)
        default: break
        }
        var text = q.text.replacingOccurrences(of: " RETURN a, b", with: "")
        if !extra.isEmpty { text += (q.wheres[clauses - 1] == nil ? " WHERE " : " AND ") + extra }
        let order = random.pick(["", " ORDER BY shared DESC", " ORDER BY shared"])
        let limit = order.isEmpty || random.chance(0.5) ? "" : " LIMIT \(random.int(0...3))"
        text += " RETURN " + (random.chance(0.5) ? "a.id, b.id" : "b, a.id") + ", count(*) AS shared" + order + limit
        return Case(query: q, text: text, keeps: keeps)
    }

    @Test func pairCountsEqualEnumerationAndBruteForce() throws {
        var random = PatternRandom(seed: 2_024_0514)
        var planned = 0
        for _ in 0..<300 {
            let graph = try RandomPatterns.graph(&random)
            let c = Self.randomCase(&random, graph: graph)
            let counted = try graph.query(c.text)
            let enumerated = try graph.query(c.text, options: Self.enumerated)
            #expect(counted.rows == enumerated.rows, "\(c.text)\n\(PatternPropertyTests.dump(graph))")
            if try graph.explainQuery(c.text).allSteps.contains(where: { $0.method == .pairCounts }) { planned += 1 }
            // Brute force, without ORDER BY and LIMIT: the pairs and their numbers of matches.
            guard !c.text.contains("LIMIT") else { continue }
            var expected: [[String]: Int] = [:]
            for match in ReferenceMatcher(graph).matches(c.query) where c.keeps(match[0], match[1]) { expected[match, default: 0] += 1 }
            var got: [[String]: Int] = [:]
            let aFirst = counted.columns.first == "a.id"
            for row in counted.rows {
                guard case .int(let n) = row[2] else { Issue.record("count is not an integer: \(row)"); continue }
                got[aFirst ? [row[0].text, row[1].text] : [row[1].text, row[0].text]] = n
            }
            #expect(got == expected, "\(c.text)\n\(PatternPropertyTests.dump(graph))")
        }
        // Most cases take the pair counts (a query with an id in it may not, when it is cheaper).
        #expect(planned > 150)
    }

    @Test func theOrganizationsSelfJoinIsPlannedAsPairCounts() throws {
        let nodes = "id,kind,label\na,organization,A\nb,organization,B\nc,organization,C\nf,framework,F\ng,framework,G\nx,official,X\n"
        let edges = "from,relation,to\na,supports,f\nb,supports,f\nc,supports,f\na,supports,g\nb,supports,g\nx,supports,f\nb,supports,g\n"
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let query = "MATCH (a:organization)-[:supports]->(f)<-[:supports]-(b:organization) WHERE a.id < b.id "
            + "RETURN a.id, b.id, count(*) AS shared ORDER BY shared DESC LIMIT 5"
        let plan = try graph.explainQuery(query)
        let counted = try #require(plan.allSteps.first { $0.operation == .countPairs })
        #expect(counted.method == .pairCounts && counted.anchor == "a" && counted.variable == "b")
        #expect(counted.text.hasPrefix("count pairs (a:organization)-[:supports]->(f)<-[:supports]-(b:organization) per a"))
        // By hand: a–b share f and g, with b's two edges to g counted twice; a–c and b–c share f.
        #expect(try graph.query(query).cells == [["a", "b", "3"], ["a", "c", "1"], ["b", "c", "1"]])
        #expect(try graph.query(query).rows == graph.query(query, options: Self.enumerated).rows)
    }

    @Test func aPairCountThatPassesTheBudgetStops() throws {
        let nodes = "id,kind,label\n" + (0..<40).map { "o\($0),organization,O\n" }.joined() + "f,framework,F\n"
        let edges = "from,relation,to\n" + (0..<40).map { "o\($0),supports,f\n" }.joined()
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let query = "MATCH (a:organization)-[:supports]->(f)<-[:supports]-(b:organization) RETURN a.id, b.id, count(*)"
        #expect(try graph.query(query).rows.count == 40 * 39)
        #expect(throws: QueryError.self) { try graph.query(query, limits: QueryLimits(maxSteps: 100)) }
    }
}
