import Testing
@testable import PolicyGraph

/// ORDER BY ... SKIP ... LIMIT (a bounded heap), LIMIT without ORDER BY (matching stops early)
/// and the row budget counted as rows come, on many random graphs and queries, in every way the
/// engine can run them: each page is exactly the slice of the full evaluation and sort, and the
/// full evaluation is the brute-force matcher's rows.
struct QueryPagingTests {
    /// The ORDER BY keys a random query sorts by: ties are common (three labels, nulls in
    /// `score`), so the tie-break by the columns and then by production order is exercised.
    static func orderBy(_ query: ReferenceQuery, _ random: inout PatternRandom) -> String {
        let names = (query.returned ?? []).map { query.nodes[$0].name }
        var keys: [String] = []
        for name in names.shuffled(using: &random).prefix(random.int(1...2)) {
            let key = random.pick(["\(name).score", "\(name).label", "\(name).tag", name])
            keys.append(key + (random.chance(0.5) ? " DESC" : ""))
        }
        return " ORDER BY " + keys.joined(separator: ", ")
    }

    @Test func orderedPagesAreSlicesOfTheFullSort() throws {
        var random = PatternRandom(seed: 5_140_2024)
        for _ in 0..<150 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.query(&random, graph: graph, returning: true)
            let ordered = query.text + Self.orderBy(query, &random)
            let expected = ReferenceMatcher(graph).matches(query).sorted { $0.lexicographicallyPrecedes($1) }
            let skip = random.int(0...4), limit = random.int(0...6)
            for (way, options) in PatternPropertyTests.ways {
                let full = try graph.query(ordered, options: options, limits: .unlimited).cells
                #expect(full.sorted { $0.lexicographicallyPrecedes($1) } == expected, "\(way): \(ordered)")
                let page = try graph.query(ordered + " SKIP \(skip) LIMIT \(limit)", options: options).cells
                let start = min(skip, full.count)
                #expect(page == Array(full[start..<min(full.count, start + limit)]), "\(way): \(ordered) SKIP \(skip) LIMIT \(limit)")
            }
        }
    }

    @Test func limitWithoutOrderPagesThroughTheRowsFound() throws {
        var random = PatternRandom(seed: 1_800_062)
        for _ in 0..<150 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.query(&random, graph: graph, returning: true)
            let expected = ReferenceMatcher(graph).matches(query)
            let skip = random.int(0...4), limit = random.int(0...6)
            for (way, options) in PatternPropertyTests.ways {
                func page(_ skip: Int, _ limit: Int) throws -> [[String]] {
                    try graph.query(query.text + " SKIP \(skip) LIMIT \(limit)", options: options).cells
                }
                let first = try page(0, skip), next = try page(skip, limit), both = try page(0, skip + limit)
                let label = "\(way): \(query.text) SKIP \(skip) LIMIT \(limit)"
                // As many rows as there are, up to LIMIT, in the columns' order...
                #expect(next.count == max(0, min(limit, expected.count - skip)), "\(label)")
                #expect(next == next.sorted { $0.lexicographicallyPrecedes($1) }, "\(label)")
                // ...every one a match, and pages that split the rows found without overlap.
                #expect(Self.multiset(next).allSatisfy { $0.value <= Self.multiset(expected)[$0.key, default: 0] }, "\(label)")
                #expect(Self.multiset(first + next) == Self.multiset(both), "\(label)")
            }
        }
    }

    static func multiset(_ rows: [[String]]) -> [[String]: Int] {
        rows.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Three unconstrained nodes on a graph of 40: 64,000 matches, 65,640 steps to find them all.
    /// With room for 100 rows and 10,000 steps, the row budget must stop the query (100 rows cost
    /// at most about 100 × 41 steps): checked only once every row was built, the step budget
    /// would stop it first.
    @Test(arguments: [
        "MATCH (a), (b), (c) RETURN a, b, c",
        "MATCH (a), (b), (c) RETURN DISTINCT a, b, c",
        "MATCH (a), (b), (c) RETURN a, b, c ORDER BY a SKIP 200 LIMIT 5",
        "MATCH (a), (b), (c) RETURN a, b, count(*)",
        "MATCH (a) MATCH (b) MATCH (c) WITH a, b, c RETURN a, b, c",
        "MATCH (a) OPTIONAL MATCH (b) OPTIONAL MATCH (c) RETURN a, b, c",
        "MATCH (a), (b) UNWIND [1, 2, 3] AS x RETURN a, b, x",
        "MATCH (a), (b), (c) RETURN a UNION ALL MATCH (a), (b), (c) RETURN a",
    ])
    func rowBudgetStopsWithWorkBoundedByIt(query: String) throws {
        let graph = try Self.forty()
        let limits = QueryLimits(maxSteps: 10_000, maxRows: 100)
        for options in [PatternOptions(), PatternOptions(pipeline: true)] {
            #expect(throws: QueryError(.rowLimit(rows: 100))) { try graph.query(query, options: options, limits: limits) }
        }
    }

    /// LIMIT without ORDER BY stops matching: 64,000 matches, a budget of 100 steps, 5 rows.
    @Test func limitWithoutOrderStopsMatching() throws {
        let graph = try Self.forty()
        let limits = QueryLimits(maxSteps: 100, maxRows: 100)
        for options in [PatternOptions(), PatternOptions(pipeline: true)] {
            let rows = try graph.query("MATCH (a), (b), (c) RETURN a.id, b.id, c.id LIMIT 5", options: options, limits: limits).rows
            #expect(rows.count == 5)
            let unwound = try graph.query("MATCH (a) UNWIND [1, 2] AS x MATCH (b) RETURN a, x, b LIMIT 3", options: options, limits: limits).rows
            #expect(unwound.count == 3)
        }
    }

    /// Forty countries in a ring of `supports` edges.
    static func forty() throws -> Graph {
        var nodes = "id,kind,label,score,tag\n", edges = "from,relation,to,weight,date\n"
        for i in 0..<40 {
            nodes += "n\(i),country,l\(i),\(i % 5),a\n"
            edges += "n\(i),supports,n\((i + 1) % 40),1,2024\n"
        }
        return try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
    }

    @Test func topElementsKeepsTheFirstOfASort() {
        var random = PatternRandom(seed: 3)
        for _ in 0..<300 {
            let values = (0..<random.int(0...40)).map { _ in random.int(0...9) }
            let capacity = random.int(0...12)
            // Ties broken by position, as the engine does.
            let precedes = { (a: (Int, Int), b: (Int, Int)) in a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
            var top = TopElements(capacity: capacity, precedes: precedes)
            for (i, v) in values.enumerated() { top.offer((v, i)) }
            let expected = values.enumerated().map { ($0.element, $0.offset) }.sorted(by: precedes).prefix(capacity)
            #expect(top.sorted().map(\.1) == expected.map(\.1))
        }
    }

    @Test func libraryLimitMessagesNameNoOption() {
        for reason in [QueryError.Reason.workLimit(steps: 5), .rowLimit(rows: 5)] {
            #expect(!QueryError(reason).message.contains("--"))
        }
    }
}
