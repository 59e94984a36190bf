import Testing
@testable import PolicyGraph

/// Grouped counts (`RETURN v, count(*)`) against brute force: the aggregator that adds weights
/// per node row, leaves counted by scan, by table and down the edge list (with core edges
/// subtracted where isomorphism asks), on random graphs with parallel edges and self-loops.
struct PatternGroupedCountTests {
    /// Brute force's matches of `query` grouped by its first returned variable, as result rows.
    static func expectedGroups(_ query: ReferenceQuery, graph: Graph) -> [[QueryValue]] {
        var counts: [String: Int] = [:]
        for match in ReferenceMatcher(graph).matches(query) { counts[match[0], default: 0] += 1 }
        return counts.keys.sorted().map { [.node(NodeID($0)), .int(counts[$0] ?? 0)] }
    }

    static func check(_ query: ReferenceQuery, graph: Graph) throws {
        let text = query.text + ", count(*)"
        let expected = expectedGroups(query, graph: graph)
        for (way, options) in PatternPropertyTests.ways {
            let rows = try graph.query(text, options: options).rows
            #expect(rows == expected, "\(way): \(text)\n\(PatternPropertyTests.dump(graph))")
        }
    }

    @Test func groupedCountsAgreeWithBruteForceOnRandomGraphs() throws {
        var random = PatternRandom(seed: 4_242)
        for _ in 0..<200 {
            let graph = try RandomPatterns.graph(&random)
            var query = RandomPatterns.query(&random, graph: graph, returning: true)
            query.returned = query.returned.map { Array($0.prefix(1)) }
            // An unbounded path enumerates every trail: bounded, brute force stays quick.
            for r in query.rels.indices where query.rels[r].length?.max == nil && query.rels[r].length != nil {
                query.rels[r].length?.max = 3
            }
            try Self.check(query, graph: graph)
        }
    }

    /// Stars grouped by their centre: every leaf is counted, none enumerated.
    @Test func starsGroupedByTheirCentreAgreeWithBruteForce() throws {
        var random = PatternRandom(seed: 1_789)
        for _ in 0..<200 {
            let graph = try RandomPatterns.graph(&random)
            var query = RandomPatterns.star(&random, graph: graph)
            query.returned = [0]
            try Self.check(query, graph: graph)
        }
    }

    /// Chains like the benchmark's `(o)-[:memberOf]->(a)-[:memberOf]->(c) RETURN c, count(*)`:
    /// the leaf and the core edge share a relation, so a core edge that would also bind the leaf
    /// (a self-loop at the anchor, an undirected hop) must be subtracted from the leaf's count.
    @Test func chainsGroupedByTheirEndAgreeWithBruteForce() throws {
        var random = PatternRandom(seed: 8_080)
        for _ in 0..<300 {
            let graph = try RandomPatterns.graph(&random)
            var query = ReferenceQuery(nodes: (0..<3).map { ReferenceQuery.NodeVar(name: "v\($0)") }, rels: [], clauses: 1,
                                       wheres: [nil], returned: [2])
            for v in query.nodes.indices where random.chance(0.4) { query.nodes[v].kind = random.pick(RandomPatterns.kinds) }
            let shared = random.pick(RandomPatterns.relations)
            for (i, (left, right)) in [(0, 1), (1, 2)].enumerated() {
                let relations = random.chance(0.7) ? [shared] : (random.chance(0.3) ? [] : [random.pick(RandomPatterns.relations)])
                let direction: ReferenceQuery.Direction = random.chance(0.2) ? .either : (random.chance(0.8) ? .right : .left)
                query.rels.append(ReferenceQuery.RelVar(name: "r\(i)", left: left, right: right, direction: direction,
                                                        relations: relations, length: nil, clause: 0))
            }
            if random.chance(0.3) { query.wheres[0] = RandomPatterns.predicate(&random, nodes: [0, 1, 2], rels: [0, 1], depth: 1) }
            try Self.check(query, graph: graph)
        }
    }

    /// Other aggregates over the same groups: from the first step after the grouping variable,
    /// matches are summed before the aggregator sees them, which must not change a DISTINCT count.
    @Test func distinctCountsBesideCountsAgreeWithBruteForce() throws {
        var random = PatternRandom(seed: 5_150)
        var checked = 0
        for _ in 0..<200 {
            let graph = try RandomPatterns.graph(&random)
            var query = RandomPatterns.query(&random, graph: graph, returning: true)
            guard let returned = query.returned, returned.count == 2 else { continue }
            for r in query.rels.indices where query.rels[r].length != nil && query.rels[r].length?.max == nil {
                query.rels[r].length?.max = 3
            }
            var groups: [String: (count: Int, distinct: Set<String>)] = [:]
            for match in ReferenceMatcher(graph).matches(query) {
                groups[match[0], default: (0, [])].count += 1
                groups[match[0], default: (0, [])].distinct.insert(match[1])
            }
            let expected: [[QueryValue]] = groups.keys.sorted().map { key in
                [.node(NodeID(key)), .int(groups[key]?.count ?? 0), .int(groups[key]?.distinct.count ?? 0)]
            }
            let (v, w) = (query.nodes[returned[0]].name, query.nodes[returned[1]].name)
            query.returned = nil
            let text = query.text.replacingOccurrences(of: "RETURN count(*)", with: "RETURN \(v), count(*) AS n, count(DISTINCT \(w)) AS d")
            for (way, options) in PatternPropertyTests.ways {
                #expect(try graph.query(text, options: options).rows == expected, "\(way): \(text)\n\(PatternPropertyTests.dump(graph))")
            }
            checked += 1
        }
        #expect(checked > 50)
    }

    /// A graph of parallel edges and a self-loop, where every shortcut has something to get
    /// wrong: a loop is one edge at both ends of a hop, a parallel edge a second match.
    @Test func parallelEdgesAndSelfLoopsAreCountedOnceEach() throws {
        let nodes = "id,kind,label\nc1,country,C1\nc2,country,C2\na1,agency,A1\no1,official,O1\no2,official,O2\n"
        let edges = """
            from,relation,to
            o1,memberOf,a1
            o1,memberOf,a1
            o2,memberOf,a1
            a1,memberOf,a1
            a1,memberOf,c1
            a1,memberOf,c1
            a1,memberOf,c2

            """
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let cases: [(String, [[QueryValue]])] = [
            // Officials: o1 twice, o2 once at a1; a1 reaches c1 twice and c2 once.
            ("MATCH (o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country) RETURN c, count(*)",
             [[.node("c1"), .int(6)], [.node("c2"), .int(3)]]),
            // Any kind: a1's loop is a member of a1 too, but not with itself as the second hop.
            ("MATCH (o)-[:memberOf]->(a:agency)-[:memberOf]->(c:country) RETURN c, count(*)",
             [[.node("c1"), .int(8)], [.node("c2"), .int(4)]]),
            // The loops: a1's is a first hop into a1 and a second hop out of it, never both at once.
            ("MATCH (x)-[:memberOf]->(y)-[:memberOf]->(z) RETURN z, count(*)",
             [[.node("a1"), .int(3)], [.node("c1"), .int(8)], [.node("c2"), .int(4)]]),
            ("MATCH (x)-[:memberOf]-(y)-[:memberOf]-(z) WHERE x <> z RETURN y, count(*)",
             [[.node("a1"), .int(38)]]),
        ]
        for (text, expected) in cases {
            for (way, options) in PatternPropertyTests.ways {
                #expect(try graph.query(text, options: options).rows == expected, "\(way): \(text)")
            }
        }
    }

    /// Chains through hubs: nodes of more than a few dozen edges (where a leaf's run is found by
    /// a binary search) and expansions of more than 64 targets (summed in chunks), with parallel
    /// edges and self-loops, counted against a loop over the edge list written here.
    @Test func chainsThroughHubsAgreeWithALoopOverTheEdges() throws {
        var random = PatternRandom(seed: 2_718)
        let kinds = RandomPatterns.kinds, relations = RandomPatterns.relations
        var fused = 0
        for _ in 0..<8 {
            let n = 160
            var nodes = "id,kind,label\n"
            var kindOf: [String] = []
            // Rows 0-3, the only countries, are where the chains end.
            for i in 0..<n {
                kindOf.append(i < 4 ? "country" : random.pick(["official", "framework"]))
                nodes += "n\(i),\(kindOf[i]),n\(i)\n"
            }
            // Skewed ends: rows 0-3 are hubs of a hundred edges and more in each direction.
            var list: [(from: Int, relation: String, to: Int)] = []
            for _ in 0..<2_400 {
                let from = random.chance(0.2) ? random.int(0...3) : random.int(0...(n - 1))
                let to = random.chance(0.02) ? from : (random.chance(0.3) ? random.int(0...3) : random.int(0...(n - 1)))
                list.append((from, random.pick(relations), to))
            }
            let edges = "from,relation,to\n" + list.map { "n\($0.from),\($0.relation),n\($0.to)\n" }.joined()
            let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8),
                                             schema: Array(RandomPatterns.schema.utf8)).graph
            let first = random.pick(relations), second = random.chance(0.6) ? first : random.pick(relations)
            let leafKind = random.chance(0.7) ? random.pick(kinds) : nil
            // (x)-[first]->(a)-[second]->(c:country), the two edges distinct, grouped by c.
            var expected: [Int: Int] = [:]
            for (j, e2) in list.enumerated() where e2.relation == second && kindOf[e2.to] == "country" {
                for (i, e1) in list.enumerated() where i != j && e1.relation == first && e1.to == e2.from {
                    if let leafKind, kindOf[e1.from] != leafKind { continue }
                    expected[e2.to, default: 0] += 1
                }
            }
            let rows: [[QueryValue]] = expected.keys.map { (NodeID("n\($0)"), expected[$0] ?? 0) }
                .sorted { $0.0 < $1.0 }.map { [.node($0.0), .int($0.1)] }
            let x = leafKind.map { "x:\($0)" } ?? "x"
            let text = "MATCH (\(x))-[:\(first)]->(a)-[:\(second)]->(c:country) RETURN c, count(*)"
            let total = "MATCH (\(x))-[:\(first)]->(a)-[:\(second)]->(c:country) RETURN count(*)"
            // Started from the few countries, the leaf counted at the agencies' end of the last
            // hop, and its counts summed over that hop's targets in one go.
            if try PatternLeafSumsTests.sumsLastStep(text, in: graph, mode: .scan) { fused += 1 }
            for (way, options) in PatternPropertyTests.ways {
                #expect(try graph.query(text, options: options).rows == rows, "\(way): \(text)")
                #expect(try graph.query(total, options: options).rows == [[.int(expected.values.reduce(0, +))]], "\(way): \(total)")
            }
        }
        #expect(fused >= 4)
    }
}
